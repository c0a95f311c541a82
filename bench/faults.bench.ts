/**
 * npm run bench:faults [-- --filas 300000]
 * Two faults on an embedded PostgreSQL of its own (loopback, a temporary folder):
 * 1. The database stops under load and comes back: while it is down every
 *    request is answered 503 with a clear message (none hangs, none is a 500),
 *    /api/health says so, and the server recovers by itself.
 * 2. An import killed with SIGKILL half way, then run again: the figures
 *    equal those of a single clean import of the same file.
 * 3. Files of the shapes that froze the server or blew its memory (issue 23):
 *    /api/health latency during each import, the server's peak RSS.
 * Prints what it saw and a verdict line for each.
 */
import 'reflect-metadata';
import {
  createDataSource,
  createThrowawayDatabase,
  RunningDatabase,
  startEmbeddedDatabase,
} from '@tablero/database';
import { cargarReferencia } from '@tablero/domain';
import { MetricasService } from '@tablero/metrics';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as esperar } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { rutaDelProyecto } from '@tablero/config';
import { SCHEMA } from '../migrations/schema';
import { escribirAsistencias } from '../test/support/asistencias-sinteticas';
import { freePort } from '../test/support/free-port';
import { startServerProcess } from '../test/support/server-process';
import { entradasHostiles } from './entradas-hostiles';
import { formatoEsCo as n } from './servidor';
import { carpetaDeBench } from './medicion';

const CLAVE_SEUDONIMOS = 'clave-de-las-fallas-de-tablero-jpt-0123456789';
const CLIENTES = 10;
const ESPERA_MAXIMA_MS = 20_000;

async function preparar(url: string): Promise<void> {
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  await ds.runMigrations();
  await cargarReferencia(ds);
  await ds.destroy();
}

type Fase = 'antes' | 'caída' | 'regreso' | 'después';
interface Respuesta {
  readonly fase: Fase;
  readonly estado: number | 'sin respuesta' | 'colgada';
  readonly codigo?: string;
  readonly ms: number;
}

async function baseCaida(
  iniciar: () => Promise<RunningDatabase>,
  pg: RunningDatabase,
): Promise<{ pg: RunningDatabase; cumple: boolean }> {
  const base = await createThrowawayDatabase(pg.url, 'fallas-caida');
  await preparar(base.url);
  const puerto = await freePort();
  const servidor = startServerProcess({
    DATABASE_URL: base.url,
    PSEUDONYM_KEY: CLAVE_SEUDONIMOS,
    PORT: String(puerto),
    PUBLIC_DASHBOARD: 'true',
    LOG_LEVEL: 'error',
  });
  const url = `http://127.0.0.1:${puerto}`;
  const respuestas: Respuesta[] = [];
  let fase: Fase = 'antes';
  let seguir = true;
  try {
    await servidor.waitFor(/Tablero JPT listo/, 60_000);
    const clientes = Array.from({ length: CLIENTES }, async () => {
      while (seguir) {
        const enFase = fase;
        const inicio = Date.now();
        try {
          const r = await fetch(`${url}/api/v1/kpis`, {
            signal: AbortSignal.timeout(ESPERA_MAXIMA_MS),
          });
          const cuerpo = (await r.json().catch(() => ({}))) as { codigo?: string };
          respuestas.push({
            fase: enFase,
            estado: r.status,
            codigo: cuerpo.codigo,
            ms: Date.now() - inicio,
          });
        } catch (error) {
          const colgada = (error as Error).name === 'TimeoutError';
          respuestas.push({
            fase: enFase,
            estado: colgada ? 'colgada' : 'sin respuesta',
            ms: Date.now() - inicio,
          });
          await esperar(100);
        }
      }
    });
    await esperar(3000);
    fase = 'caída';
    await pg.stop();
    await esperar(6000);
    const salud = await fetch(`${url}/api/health`, {
      signal: AbortSignal.timeout(ESPERA_MAXIMA_MS),
    });
    const saludCuerpo = (await salud.json()) as { codigo?: string; mensaje?: string };
    fase = 'regreso';
    const regreso = Date.now();
    pg = await iniciar();
    let recuperado: number | null = null;
    while (Date.now() - regreso < 60_000) {
      const r = await fetch(`${url}/api/health`).catch(() => null);
      if (r?.status === 200) {
        recuperado = Date.now() - regreso;
        break;
      }
      await esperar(250);
    }
    fase = 'después';
    await esperar(3000);
    seguir = false;
    await Promise.all(clientes);

    const resumen = (f: Fase) => {
      const deFase = respuestas.filter((r) => r.fase === f);
      const porEstado = new Map<string, number>();
      for (const r of deFase) {
        const clave = `${r.estado}${r.codigo ? ` ${r.codigo}` : ''}`;
        porEstado.set(clave, (porEstado.get(clave) ?? 0) + 1);
      }
      return {
        deFase,
        texto: [...porEstado].map(([k, v]) => `${n.format(v)} × ${k}`).join(', ') || 'ninguna',
        maximo: Math.max(0, ...deFase.map((r) => r.ms)),
      };
    };
    console.log('1. La base de datos se detiene bajo carga y vuelve');
    for (const f of ['antes', 'caída', 'regreso', 'después'] as Fase[]) {
      const { texto, maximo } = resumen(f);
      console.log(`   ${f.padEnd(8)} ${texto}; la más lenta ${n.format(maximo)} ms`);
    }
    console.log(
      `   /api/health con la base caída: ${salud.status} ${saludCuerpo.codigo} «${saludCuerpo.mensaje}»`,
    );
    console.log(
      `   Recuperación: ${recuperado === null ? 'NO se recuperó en 60 s' : `${n.format(recuperado)} ms después de que la base volvió`}, sin reiniciar el servidor.`,
    );
    const caida = resumen('caída').deFase;
    const cumple =
      caida.length > 0 &&
      caida.every(
        (r) => r.estado === 200 || (r.estado === 503 && r.codigo === 'BASE_DE_DATOS_NO_DISPONIBLE'),
      ) &&
      caida.some((r) => r.estado === 503) &&
      respuestas.every((r) => r.estado !== 'colgada' && r.estado !== 500) &&
      salud.status === 503 &&
      recuperado !== null &&
      resumen('después').deFase.length > 0 &&
      resumen('después').deFase.every((r) => r.estado === 200);
    console.log(
      `   Veredicto: ${cumple ? 'CUMPLE' : 'NO CUMPLE'}: 503 con mensaje claro mientras la base no está, ninguna solicitud colgada ni 500, /api/health lo dice y el servicio se recupera solo.`,
    );
    return { pg, cumple };
  } finally {
    seguir = false;
    servidor.child.kill('SIGTERM');
    await servidor.exited();
    await base.drop().catch(() => undefined);
  }
}

function importar(url: string, archivo: string, matarTrasMs?: number) {
  const inicio = Date.now();
  const cli = spawn(
    process.execPath,
    [rutaDelProyecto('dist', 'apps', 'cli', 'src', 'main.js'), 'importar', 'asistencias', archivo],
    {
      env: { ...process.env, DATABASE_URL: url, PSEUDONYM_KEY: CLAVE_SEUDONIMOS },
      stdio: 'ignore',
    },
  );
  const temporizador =
    matarTrasMs === undefined ? undefined : setTimeout(() => cli.kill('SIGKILL'), matarTrasMs);
  return new Promise<{ ms: number; senal: NodeJS.Signals | null; codigo: number | null }>(
    (resolver) =>
      cli.on('exit', (codigo, senal) => {
        clearTimeout(temporizador);
        resolver({ ms: Date.now() - inicio, senal, codigo });
      }),
  );
}

async function cifras(url: string): Promise<Record<string, unknown>> {
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  try {
    const [conteos] = await ds.query(
      `SELECT (SELECT count(*) FROM asistencia)::int AS asistencias,
              (SELECT count(DISTINCT persona_clave) FROM asistencia)::int AS personas,
              (SELECT coalesce(sum(asistencias), 0) FROM resumen_asistencia)::int AS "resumenAsistencia"`,
    );
    const totales = await new MetricasService(ds).totales({});
    return {
      ...conteos,
      ...Object.fromEntries(Object.entries(totales).map(([m, c]) => [m, c.valor])),
    };
  } finally {
    await ds.destroy();
  }
}

async function importacionCortada(pg: RunningDatabase, filas: number): Promise<boolean> {
  const archivo = join(carpetaDeBench('fallas'), 'asistencias.csv');
  await escribirAsistencias(archivo, filas);
  const limpia = await createThrowawayDatabase(pg.url, 'fallas-limpia');
  const cortada = await createThrowawayDatabase(pg.url, 'fallas-cortada');
  try {
    await Promise.all([preparar(limpia.url), preparar(cortada.url)]);
    const antes = await cifras(cortada.url);
    const unaVez = await importar(limpia.url, archivo);
    const matada = await importar(cortada.url, archivo, Math.round(unaVez.ms / 2));
    const tras = await cifras(cortada.url);
    const otraVez = await importar(cortada.url, archivo);
    const [esperadas, obtenidas] = await Promise.all([cifras(limpia.url), cifras(cortada.url)]);
    console.log(
      `2. Una importación de ${n.format(filas)} asistencias matada con SIGKILL a la mitad`,
    );
    console.log(`   Importación limpia: ${n.format(unaVez.ms)} ms (salida ${unaVez.codigo}).`);
    console.log(
      `   Matada a los ${n.format(matada.ms)} ms (${matada.senal ?? `salió con ${matada.codigo}`}); la base quedó con ${n.format(Number(tras.asistencias))} asistencias, ${JSON.stringify(tras) === JSON.stringify(antes) ? 'como antes de importar' : 'DISTINTO de antes de importar'}. Repetida: ${n.format(otraVez.ms)} ms (salida ${otraVez.codigo}).`,
    );
    const diferencias = Object.keys(esperadas).filter(
      (k) => JSON.stringify(esperadas[k]) !== JSON.stringify(obtenidas[k]),
    );
    for (const k of Object.keys(esperadas))
      console.log(
        `   ${k.padEnd(26)} limpia ${String(esperadas[k]).padStart(10)}   matada y repetida ${String(obtenidas[k]).padStart(10)}`,
      );
    const cumple =
      matada.senal === 'SIGKILL' &&
      JSON.stringify(tras) === JSON.stringify(antes) &&
      diferencias.length === 0 &&
      unaVez.codigo === 0;
    console.log(
      `   Veredicto: ${cumple ? 'CUMPLE' : 'NO CUMPLE'}: ${
        matada.senal !== 'SIGKILL'
          ? 'la importación terminó antes de matarla (use más --filas)'
          : diferencias.length
            ? `difieren ${diferencias.join(', ')}`
            : 'las cifras son las de una sola importación limpia'
      }.`,
    );
    return cumple;
  } finally {
    await limpia.drop();
    await cortada.drop();
    rmSync(archivo, { force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      filas: { type: 'string', default: '300000' },
      megas: { type: 'string', default: '20' },
      solo: { type: 'string' },
      caso: { type: 'string', default: '' },
    },
  });
  const dataDir = carpetaDeBench('fallas-pg');
  const port = await freePort();
  const iniciar = () => startEmbeddedDatabase({ dataDir, port });
  let pg = await iniciar();
  try {
    let cumple = true;
    if (!values.solo || values.solo === 'caida') {
      const caida = await baseCaida(iniciar, pg);
      pg = caida.pg;
      cumple &&= caida.cumple;
    }
    if (!values.solo || values.solo === 'corte')
      cumple &&= await importacionCortada(pg, Number(values.filas));
    if (!values.solo || values.solo === 'hostiles')
      cumple &&= await entradasHostiles(
        pg,
        Number(values.megas),
        carpetaDeBench('hostiles'),
        values.caso,
      );
    process.exitCode = cumple ? 0 : 1;
  } finally {
    await pg.stop();
  }
}

void main();
