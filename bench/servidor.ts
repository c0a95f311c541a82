/**
 * The PostgreSQL a benchmark runs on: DATABASE_URL's server, or an embedded
 * one in a temporary folder; a database of its own, migrated and seeded.
 */
import { NestFactory } from '@nestjs/core';
import { CredencialesService } from '@tablero/access';
import { Config, pseudonymKey } from '@tablero/config';
import { cargarReferencia } from '@tablero/domain';
import {
  createDataSource,
  createThrowawayDatabase,
  startEmbeddedDatabase,
  ThrowawayDatabase,
} from '@tablero/database';
import { SCHEMA } from '../migrations/schema';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp, OpcionesDeServidor } from '../apps/api/src/configure-app';
import { carpetaDeBench } from './medicion';

export interface BaseDeBench {
  readonly url: string;
  cerrar(): Promise<void>;
}

/** On `servidorDado`, or else DATABASE_URL's server, or else an embedded one. */
export async function baseDeBench(proposito: string, servidorDado?: string): Promise<BaseDeBench> {
  const embebida =
    (servidorDado ?? process.env.DATABASE_URL)
      ? undefined
      : await startEmbeddedDatabase({
          dataDir: carpetaDeBench('postgres'),
          port: 54400 + (process.pid % 500),
        });
  const servidor = servidorDado ?? process.env.DATABASE_URL ?? embebida!.url;
  const base: ThrowawayDatabase = await createThrowawayDatabase(servidor, proposito);
  const ds = createDataSource(base.url, SCHEMA);
  await ds.initialize();
  await ds.runMigrations();
  await cargarReferencia(ds);
  await ds.destroy();
  return {
    url: base.url,
    cerrar: async () => {
      await base.drop();
      await embebida?.stop();
    },
  };
}

export const formatoEsCo = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });

export interface ServidorDeBench {
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** An admin API token's header for the benchmark's requests (revoked on cerrar). */
  readonly headers: Record<string, string>;
  /** The header of a reader's token limited to these departments (revoked on cerrar). */
  headersDe(departamentos: readonly string[]): Promise<Record<string, string>>;
  cerrar(): Promise<void>;
}

/** The real application, silent, on the given database and a free loopback port. */
export async function servidorDeBench(
  config: Config,
  url: string,
  opciones?: OpcionesDeServidor,
): Promise<ServidorDeBench> {
  const app = await NestFactory.create(
    AppModule.forRoot({
      config: { ...config, logLevel: 'silent' },
      databaseUrl: url,
      pseudonymKey: pseudonymKey(config),
    }),
    { logger: false },
  );
  configureApp(app, config, opciones);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const credenciales = app.get(CredencialesService);
  const tokens: string[] = [];
  const headersDe = async (departamentos: readonly string[] | null) => {
    const token = await credenciales.crearToken({
      nombre: 'bench',
      rol: departamentos ? 'lectura' : 'admin',
      departamentos,
      creadoPor: 'bench',
    });
    tokens.push(token.id);
    return { authorization: `Bearer ${token.secreto}` };
  };
  return {
    base: `http://127.0.0.1:${port}`,
    headers: await headersDe(null),
    headersDe,
    cerrar: async () => {
      for (const id of tokens) await credenciales.revocarToken(id);
      await app.close();
    },
  };
}
