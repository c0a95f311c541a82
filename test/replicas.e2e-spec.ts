/**
 * Two instances on a primary with a real streaming replica (DATABASE_REPLICA_URLS):
 * reads of the figures go to the replica, writes to the primary, an answer is never
 * older than the primary's data version, and a pg_dump -Fc of the primary restored
 * with pg_restore gives the same figures.
 */
import { createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { escribirAsistencias } from './support/asistencias-sinteticas';
import { carpeta } from './support/fixtures';
import { iniciarReplicaEnStreaming, ReplicaEnStreaming } from './support/replica-en-streaming';
import { startTestApp, TestApp } from './support/test-app';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The replica's log of the metrics' own statements, not of the freshness check before them. */
const LECTURA_DE_CIFRAS =
  /statement: (?!SELECT count\(\*\) >= \$1::bigint AS al_dia)\s*(SELECT|WITH)/;
const CHEQUEO_DE_VERSION = /SELECT count\(\*\) >= \$1::bigint AS al_dia FROM cambio_de_datos/;

let par: ReplicaEnStreaming;
let base: ThrowawayDatabase;
let a: TestApp;
let b: TestApp;
/** The truth: an instance that reads everything on the primary. */
let primario: TestApp;

beforeAll(async () => {
  par = await iniciarReplicaEnStreaming();
  base = await createThrowawayDatabase(par.primario, 'replicas');
  a = await startTestApp('replicas', {}, { base, replicas: [par.replica] });
  b = await startTestApp('replicas', {}, { base, replicas: [par.replica] });
  primario = await startTestApp('replicas', {}, { base });
  await par.alcanzar();
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await primario?.close();
  await base?.drop();
  await par?.detener();
});

async function kpis(app: TestApp): Promise<Record<string, number>> {
  const response = await fetch(`${app.baseUrl}/api/v1/kpis`, {
    headers: { 'cache-control': 'no-cache' },
  });
  expect(response.status).toBe(200);
  const { kpis } = (await response.json()) as {
    kpis: { metrica: string; cifra: { valor: number } }[];
  };
  return Object.fromEntries(kpis.map((k) => [k.metrica, k.cifra.valor]));
}

async function importarAsistencias(app: TestApp, nombre: string, filas: number, primero: number) {
  const ruta = join(carpeta, nombre);
  await escribirAsistencias(ruta, filas, { primerDocumento: primero });
  const form = new FormData();
  form.append('archivo', new Blob([readFileSync(ruta)]), nombre);
  const response = await fetch(`${app.baseUrl}/api/v1/importaciones/asistencias`, {
    method: 'POST',
    body: form,
  });
  expect(response.status).toBe(200);
  const { filas: resultado } = (await response.json()) as { filas: { aceptadas: number } };
  expect(resultado.aceptadas).toBe(filas);
}

async function salud(app: TestApp) {
  const response = await fetch(`${app.baseUrl}/api/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    status: string;
    info: Record<string, { status: string; replicas?: Record<string, unknown>[] }>;
  };
}

it('reads the figures on the replica and writes an import on the primary', async () => {
  const desde = par.logDeLaReplica().length;
  const antes = await kpis(a);
  expect(par.logDeLaReplica(desde)).toMatch(LECTURA_DE_CIFRAS);

  const escrito = par.logDeLaReplica().length;
  await importarAsistencias(a, 'replica-1.csv', 300, 50_000_000);
  expect(par.logDeLaReplica(escrito)).not.toMatch(/INSERT|COPY|UPDATE/);

  await par.alcanzar();
  const despues = await kpis(b);
  expect(despues).not.toEqual(antes);
  expect(despues).toEqual(await kpis(primario));
});

it('never answers from a replica behind the data version: the primary answers at once', async () => {
  await par.alcanzar();
  const antes = await kpis(b);
  await par.pausarReplay();
  try {
    await importarAsistencias(a, 'replica-2.csv', 200, 60_000_000);
    const desde = par.logDeLaReplica().length;
    const despues = await kpis(b);
    expect(despues).not.toEqual(antes);
    expect(despues).toEqual(await kpis(primario));
    const log = par.logDeLaReplica(desde);
    expect(log).toMatch(CHEQUEO_DE_VERSION);
    expect(log).not.toMatch(LECTURA_DE_CIFRAS);

    const { status, info } = await salud(b);
    expect(status).toBe('degraded');
    expect(info.replicas.status).toBe('degraded');
    expect(info.replicas.replicas).toEqual([
      expect.objectContaining({ responde: true, alDia: false }),
    ]);
    expect(info.replicas.replicas![0].retrasoBytes).toBeGreaterThan(0);
  } finally {
    await par.reanudarReplay();
  }
  await par.alcanzar();
  const desde = par.logDeLaReplica().length;
  expect(await kpis(b)).toEqual(await kpis(primario));
  expect(par.logDeLaReplica(desde)).toMatch(LECTURA_DE_CIFRAS);
  const { info } = await salud(a);
  expect(info.replicas).toEqual({
    status: 'up',
    replicas: [
      {
        replica: `127.0.0.1:${new URL(par.replica).port}/${base.name}`,
        responde: true,
        retrasoSegundos: 0,
        retrasoBytes: 0,
        versionDeDatos: expect.any(Number),
        alDia: true,
      },
    ],
  });
});

it('restores a pg_dump -Fc of the primary with pg_restore to the same figures', async () => {
  const respaldo = join(carpeta, 'respaldo.dump');
  const restaurada = await createThrowawayDatabase(par.primario, 'restaurada');
  let c: TestApp | undefined;
  try {
    execFileSync(join(PG_BIN, 'pg_dump'), ['-Fc', '-f', respaldo, '-d', base.url]);
    execFileSync(join(PG_BIN, 'pg_restore'), ['--no-owner', '-d', restaurada.url, respaldo]);
    c = await startTestApp('restaurada', {}, { base: restaurada });
    const rutas = [
      '/api/v1/kpis',
      '/api/v1/desglose?por=tipo',
      '/api/v1/desglose?por=departamento',
    ];
    for (const ruta of rutas) {
      const [original, restaurado] = await Promise.all(
        [a, c].map((app) => fetch(`${app.baseUrl}${ruta}`).then((r) => r.json())),
      );
      expect({ ruta, cifras: restaurado }).toEqual({ ruta, cifras: original });
    }
  } finally {
    await c?.close();
    await restaurada.drop();
    rmSync(respaldo, { force: true });
  }
});
