/**
 * The operators' command line: `npm run cli -- <comando>`. With the embedded
 * default it starts the database itself, or connects to the one a running
 * server owns.
 */
import 'reflect-metadata';
import { Config, ConfigError, loadConfig } from '@tablero/config';
import {
  connectDatabase,
  createDataSource,
  createThrowawayDatabase,
  DataDirInUseError,
  EmbeddedDatabaseError,
  pendingSchemaChanges,
} from '@tablero/database';
import { GraficosService } from '@tablero/charts';
import { cargarReferencia, estaVacia, parseFase } from '@tablero/domain';
import { MetricasService, PdtService, ResumenFaseService } from '@tablero/metrics';
import { BalanceService } from '@tablero/reports';
import { AccesoError, AuditoriaService, Rol, ROLES, UsuariosService } from '@tablero/access';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { ArchivoInvalido } from '@tablero/ingestion';
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../../../migrations/schema';
import { ErrorDeUso, importar } from './importar.command';
import { migrationSource } from './migration-source';

async function withDatabase<T>(config: Config, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const database = await connectDatabase(config, 'shared');
  const dataSource = createDataSource(database.url, SCHEMA);
  try {
    await dataSource.initialize();
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

/** Migrated and, when empty, loaded with the reference data, as the server prepares it. */
async function prepare(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations();
  if (await estaVacia(dataSource)) await cargarReferencia(dataSource);
}

/** Runs the migrations on a database of its own and returns what the entities still ask for. */
async function schemaDrift(config: Config): Promise<{ up: string[]; down: string[] }> {
  const database = await connectDatabase(config, 'shared');
  const scratch = await createThrowawayDatabase(database.url, 'esquema');
  const dataSource = createDataSource(scratch.url, SCHEMA);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    return await pendingSchemaChanges(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
    await database.stop();
  }
}

function program(config: Config): Command {
  const cli = new Command('tablero')
    .description('Tablero JPT: comandos de operación')
    .showHelpAfterError();

  cli
    .command('migrar')
    .description('Aplica las migraciones pendientes')
    .action(() =>
      withDatabase(config, async (ds) => {
        const applied = await ds.runMigrations();
        console.log(
          applied.length === 0
            ? 'La base de datos ya está al día.'
            : `Migraciones aplicadas: ${applied.map((m) => m.name).join(', ')}`,
        );
      }),
    );

  cli
    .command('semilla')
    .description('Carga el conjunto de datos de referencia (idempotente)')
    .action(() =>
      withDatabase(config, async (ds) => {
        await ds.runMigrations();
        await cargarReferencia(ds);
        console.log('Datos de referencia cargados.');
      }),
    );

  cli
    .command('importar')
    .description(
      'Importa un archivo CSV o .xlsx en una transacción; sale con 2 si hubo filas rechazadas',
    )
    .argument('<tipo>', 'actividades, asistencias, certificados, vistas, totales o territorios')
    .argument('<archivo>', 'ruta del archivo')
    .option('--actividad <codigo>', 'actividad de un reporte de Teams o Google Meet')
    .option('--fecha-corte <aaaa-mm-dd>', 'fecha de corte de una exportación de YouTube Studio')
    .option('--dry-run', 'valida e informa sin guardar nada')
    .action(
      async (
        tipo: string,
        archivo: string,
        opciones: { actividad?: string; fechaCorte?: string; dryRun?: boolean },
      ) => {
        process.exitCode = await withDatabase(config, async (ds) => {
          await prepare(ds);
          return importar(config, ds, tipo, archivo, opciones);
        });
      },
    );

  cli
    .command('exportar')
    .description('Exporta un reporte')
    .argument('<reporte>', 'balance')
    .option('--fase <fase>', 'I, II o III; sin ella, el balance general')
    .requiredOption('--salida <archivo.xlsx>', 'ruta del archivo que se escribe')
    .action(async (reporte: string, opciones: { fase?: string; salida: string }) => {
      if (reporte !== 'balance')
        throw new ErrorDeUso(`No hay un reporte «${reporte}»: el reporte es balance.`);
      const fase = opciones.fase === undefined ? undefined : parseFase(opciones.fase);
      if (opciones.fase !== undefined && !fase)
        throw new ErrorDeUso('--fase debe ser I, II o III.');
      await withDatabase(config, async (ds) => {
        await prepare(ds);
        const metricas = new MetricasService(ds);
        const pdt = new PdtService(ds);
        const balance = new BalanceService(
          metricas,
          new GraficosService(metricas, pdt),
          pdt,
          new ResumenFaseService(ds, metricas),
        );
        await writeFile(
          opciones.salida,
          await balance.libro(fase ? { fase } : {}, `cli:${userInfo().username}`),
        );
        console.log(`Escrito ${opciones.salida}.`);
      });
    });

  const usuarios = cli.command('usuarios').description('Cuentas locales del tablero');
  usuarios
    .command('crear')
    .description(
      'Crea un usuario con una clave aleatoria que se muestra una sola vez (así se crea el primer administrador)',
    )
    .requiredOption('--usuario <nombre>', 'nombre de usuario (letras, números, . _ -)')
    .requiredOption('--rol <rol>', ROLES.join(', '))
    .option('--departamentos <códigos>', 'limita sus cifras a estos departamentos: 05,08')
    .action(async (opciones: { usuario: string; rol: string; departamentos?: string }) => {
      await withDatabase(config, async (ds) => {
        await prepare(ds);
        const clave = randomBytes(18).toString('base64url');
        const usuario = await new UsuariosService(ds).crear({
          nombre: opciones.usuario,
          clave,
          rol: opciones.rol as Rol,
          departamentos: opciones.departamentos?.split(',').map((d) => d.trim()),
        });
        await new AuditoriaService(ds).registrar({
          quien: `cli:${userInfo().username}`,
          origen: 'línea de comandos',
          accion: 'usuario_creado',
          detalle: {
            usuario: usuario.nombre,
            rol: usuario.rol,
            departamentos: usuario.departamentos,
          },
        });
        console.log(
          `Usuario «${usuario.nombre}» (${usuario.rol}${usuario.departamentos ? `, departamentos ${usuario.departamentos.join(', ')}` : ''}) creado.\n` +
            `Clave (se muestra solo esta vez; cámbiela desde la administración si quiere): ${clave}`,
        );
      });
    });
  usuarios
    .command('listar')
    .description('Los usuarios, con su rol y sus departamentos')
    .action(() =>
      withDatabase(config, async (ds) => {
        await prepare(ds);
        for (const u of await new UsuariosService(ds).listar()) {
          console.log(
            `${u.nombre}\t${u.rol}\t${u.departamentos?.join(',') ?? 'todos'}\t${u.activo ? 'activo' : 'inactivo'}`,
          );
        }
      }),
    );

  const esquema = cli.command('esquema').description('Coherencia entre entidades y migraciones');
  esquema
    .command('verificar')
    .description('Falla si las entidades y las migraciones no coinciden')
    .action(async () => {
      const pending = await schemaDrift(config);
      if (pending.up.length === 0) {
        console.log('Entidades y migraciones coinciden.');
        return;
      }
      console.error('Las entidades piden cambios que ninguna migración hace:');
      for (const query of pending.up) console.error(`  ${query};`);
      console.error(
        'Genere una migración con `npm run migration:generate -- <Nombre>` y revísela.',
      );
      process.exitCode = 1;
    });
  esquema
    .command('generar')
    .argument('<nombre>', 'nombre de la migración, en PascalCase')
    .description('Escribe en migrations/ una migración con lo que falta, para revisarla a mano')
    .action(async (nombre: string) => {
      const pending = await schemaDrift(config);
      if (pending.up.length === 0) {
        console.log('No hay cambios: entidades y migraciones coinciden.');
        return;
      }
      const timestamp = Date.now();
      const file = join('migrations', `${timestamp}-${nombre}.ts`);
      writeFileSync(file, migrationSource(`${nombre}${timestamp}`, pending));
      console.log(`Escrita ${file}: revísela y añádala a migrations/index.ts.`);
    });
  return cli;
}

async function main(): Promise<void> {
  try {
    await program(loadConfig()).parseAsync(process.argv);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirInUseError ||
      error instanceof EmbeddedDatabaseError ||
      error instanceof ArchivoInvalido ||
      error instanceof ErrorDeUso
    ) {
      console.error(error.message);
    } else if (error instanceof AccesoError) {
      console.error((error.getResponse() as { mensaje: string }).mensaje);
    } else {
      console.error(mensajeInesperado(error));
    }
    process.exitCode = 1;
  }
}

/**
 * An error nobody foresaw, told in Spanish without a stack trace: what the
 * database or the system said, and that nothing was saved (an import is one
 * transaction). The trace is for developers: TABLERO_DEPURAR=1 prints it.
 */
function mensajeInesperado(error: unknown): string {
  if (process.env.TABLERO_DEPURAR === '1') return String((error as Error)?.stack ?? error);
  const e = error as { code?: string; message?: string };
  const detalle = String(e?.message ?? error)
    .split('\n')[0]
    .slice(0, 300);
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '28P01', '3D000'].includes(e?.code ?? ''))
    return `No se pudo conectar con la base de datos (${e.code}): revise DATABASE_URL o que el servidor esté en marcha. Detalle: ${detalle}`;
  if (/^[0-9A-Z]{5}$/.test(e?.code ?? ''))
    return `La base de datos rechazó la operación (código ${e.code}); no se guardó nada. Detalle: ${detalle}`;
  return `Error inesperado; no se guardó nada. Detalle: ${detalle}`;
}

void main();
