/**
 * Three instances of the built server on one PostgreSQL and the machine's
 * Redis (issue 26): background exports queued in the database are run,
 * polled, downloaded and cancelled from any instance; an instance killed
 * mid-export leaves its job to another once the lease runs out; starting an
 * instance fails no job of another; and the sign-in limit is counted once for
 * all of them.
 */
import { cargarReferencia } from '@tablero/domain';
import { createDataSource, createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { generarDatos } from '../bench/datos-sinteticos';
import { SCHEMA } from '../migrations/schema';
import { freePort } from './support/free-port';
import { ServerProcess, startServerProcess } from './support/server-process';
import { TEST_PSEUDONYM_KEY, testServerUrl } from './support/test-app';

jest.setTimeout(240_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Short, so that a dead instance's job is taken again within seconds. */
const CONCESION_S = 8;
/** B's: its job outlives a pause of B while C starts. */
const CONCESION_DE_B_S = 300;
const ASISTENCIAS = 100_000;

interface Instancia {
  readonly nombre: string;
  readonly base: string;
  readonly proceso: ServerProcess;
}

interface Trabajo {
  id: string;
  estado: string;
  filas: number;
  total: number | null;
  intentos: number;
  error: string | null;
}

const prefijo = `tablero-jpt-prueba:${process.pid}-${Date.now()}:`;
const carpetas: string[] = [];
const instancias: Instancia[] = [];
let database: ThrowawayDatabase;
let ds: DataSource;
let redis: Redis;
let token: string;
let asistencias: number;

async function iniciar(nombre: string, concesion = CONCESION_S): Promise<Instancia> {
  const puerto = await freePort();
  const carpeta = mkdtempSync(join(tmpdir(), `tablero-instancia-${nombre}-`));
  carpetas.push(carpeta);
  const proceso = startServerProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(puerto),
    DATA_DIR: carpeta,
    DATABASE_URL: database.url,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefijo,
    EXPORT_LEASE_SECONDS: String(concesion),
    LOGIN_MAX_PER_MINUTE: '10',
    EXPENSIVE_MAX_PER_MINUTE: '1000',
  });
  const instancia = { nombre, base: `http://127.0.0.1:${puerto}`, proceso };
  instancias.push(instancia);
  await proceso.waitFor(/Tablero JPT listo/, 60_000);
  return instancia;
}

const pid = (instancia: Instancia) => instancia.proceso.child.pid!;

function api(instancia: Instancia, ruta: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${instancia.base}/api/v1${ruta}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
}

async function exportar(instancia: Instancia, consulta: string): Promise<string> {
  const response = await api(instancia, `/reportes/detalle/trabajos?${consulta}`, {
    method: 'POST',
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as Trabajo).id;
}

async function trabajo(instancia: Instancia, id: string): Promise<Trabajo> {
  return (await (await api(instancia, `/reportes/detalle/trabajos/${id}`)).json()) as Trabajo;
}

/** Polls until `listo` says so, or fails with the last state after `segundos`. */
async function esperar<T>(
  que: string,
  leer: () => Promise<T>,
  listo: (valor: T) => boolean,
  segundos: number,
): Promise<T> {
  const limite = Date.now() + segundos * 1000;
  for (;;) {
    const valor = await leer();
    if (listo(valor)) return valor;
    if (Date.now() > limite)
      throw new Error(`Tras ${segundos} s, ${que} no se cumplió: ${JSON.stringify(valor)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Who runs a job, as the queue's row says (the API does not show it). */
async function fila(id: string) {
  const [f] = await ds.query<{ estado: string; ejecutor: string | null; filas: number }[]>(
    `SELECT estado, ejecutor, filas FROM exportacion WHERE id = $1`,
    [id],
  );
  return f;
}

const ejecutaEn = (instancia: Instancia) => (f: { ejecutor: string | null; filas: number }) =>
  f.ejecutor?.split(':')[1] === String(pid(instancia)) && f.filas > 0;

async function csvDe(instancia: Instancia, id: string): Promise<Record<string, string>[]> {
  const response = await api(instancia, `/reportes/detalle/trabajos/${id}/archivo`);
  expect(response.status).toBe(200);
  return parse(await response.text(), { bom: true, delimiter: ';', columns: true });
}

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { keyPrefix: prefijo, lazyConnect: true });
  await redis.connect();
  database = await createThrowawayDatabase(testServerUrl(), 'instancias');
  ds = createDataSource(database.url, SCHEMA);
  await ds.initialize();
  await ds.runMigrations();
  await cargarReferencia(ds);
  asistencias = (await generarDatos(ds, ASISTENCIAS)).asistencias;
  const secreto = `tjpt_${randomBytes(24).toString('base64url')}`;
  await ds.query(
    `INSERT INTO token_api (nombre, hash, rol, creado_por) VALUES ('instancias', $1, 'admin', 'pruebas')`,
    [createHash('sha256').update(secreto).digest('hex')],
  );
  token = secreto;
});

afterAll(async () => {
  for (const { proceso } of instancias) {
    if (proceso.child.exitCode === null && proceso.child.signalCode === null) {
      proceso.child.kill('SIGCONT');
      proceso.child.kill('SIGKILL');
      await proceso.exited();
    }
  }
  if (redis) {
    const claves = await redis.keys(`${prefijo}*`);
    if (claves.length > 0) await redis.del(...claves.map((c) => c.slice(prefijo.length)));
    redis.disconnect();
  }
  await ds?.destroy();
  await database?.drop();
  for (const carpeta of carpetas) rmSync(carpeta, { recursive: true, force: true });
});

let a: Instancia;
let b: Instancia;
let c: Instancia;

it('polls and downloads on B an export started on A', async () => {
  a = await iniciar('a');
  b = await iniciar('b', CONCESION_DE_B_S);
  const id = await exportar(a, 'formato=csv&municipio=05001');
  const fin = await esperar(
    `la exportación ${id} vista desde B`,
    () => trabajo(b, id),
    (t) => t.estado !== 'en_curso',
    60,
  );
  const [{ n }] = await ds.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM asistencia WHERE municipio_codigo = '05001'`,
  );
  expect(fin).toMatchObject({ estado: 'lista', filas: n, intentos: 1 });
  const filas = await csvDe(b, id);
  expect(filas).toHaveLength(n);
  expect(new Set(filas.map((f) => f.codigo_municipio))).toEqual(new Set(['05001']));
});

it('cancels from A an export that B runs', async () => {
  a.proceso.child.kill('SIGSTOP');
  try {
    const id = await exportar(b, 'formato=xlsx');
    await esperar(`la exportación ${id} en B`, () => fila(id), ejecutaEn(b), 60);
    // B waits while A cancels, so that the export cannot end first however fast it runs.
    b.proceso.child.kill('SIGSTOP');
    a.proceso.child.kill('SIGCONT');
    try {
      expect((await api(a, `/reportes/detalle/trabajos/${id}`, { method: 'DELETE' })).status).toBe(
        204,
      );
    } finally {
      b.proceso.child.kill('SIGCONT');
    }
    const fin = await esperar(
      `la cancelación de ${id}`,
      () => trabajo(a, id),
      (t) => t.estado !== 'en_curso',
      CONCESION_S + 10,
    );
    expect(fin.estado).toBe('cancelada');
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM exportacion_parte WHERE exportacion_id = $1`,
      [id],
    );
    expect(n).toBe(0);
  } finally {
    a.proceso.child.kill('SIGCONT');
  }
});

it('starts C without failing the export B is running', async () => {
  a.proceso.child.kill('SIGSTOP');
  let id: string;
  try {
    id = await exportar(b, 'formato=xlsx');
    await esperar(`la exportación ${id} en B`, () => fila(id), ejecutaEn(b), 60);
  } finally {
    a.proceso.child.kill('SIGCONT');
  }
  // B paused holds its job (its lease is long) while C starts: C must leave it alone.
  b.proceso.child.kill('SIGSTOP');
  try {
    c = await iniciar('c');
    const alIniciarC = await fila(id);
    expect(alIniciarC.estado).toBe('en_curso');
    expect(ejecutaEn(b)(alIniciarC)).toBe(true);
  } finally {
    b.proceso.child.kill('SIGCONT');
  }
  const fin = await esperar(
    `la exportación ${id}`,
    () => trabajo(c, id),
    (t) => t.estado !== 'en_curso',
    120,
  );
  expect(fin).toMatchObject({ estado: 'lista', filas: asistencias, intentos: 1 });
  const [{ fallidas }] = await ds.query<{ fallidas: number }[]>(
    `SELECT count(*)::int AS fallidas FROM exportacion WHERE estado = 'fallida'`,
  );
  expect(fallidas).toBe(0);
});

it('counts the sign-in attempts of the three instances as one', async () => {
  const estados: number[] = [];
  for (let intento = 0; intento < 11; intento++) {
    const response = await fetch(`${[a, b, c][intento % 3].base}/api/v1/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: 'nadie', clave: 'una clave equivocada' }),
    });
    estados.push(response.status);
  }
  expect(estados).toEqual([...Array<number>(10).fill(401), 429]);
  expect(await redis.keys(`${prefijo}login:*`)).not.toHaveLength(0);
});

it('gives the export of an instance killed mid-way to another within its lease', async () => {
  b.proceso.child.kill('SIGSTOP');
  c.proceso.child.kill('SIGSTOP');
  let id: string;
  try {
    id = await exportar(a, 'formato=xlsx');
    await esperar(`la exportación ${id} en A`, () => fila(id), ejecutaEn(a), 60);
  } finally {
    b.proceso.child.kill('SIGCONT');
    c.proceso.child.kill('SIGCONT');
  }
  a.proceso.child.kill('SIGKILL');
  await a.proceso.exited();
  // A's lease is CONCESION_S: B or C takes the job at their first look past it.
  const retomada = await esperar(
    `la exportación ${id} retomada por B o C`,
    () => fila(id),
    (f) => f.ejecutor !== null && !f.ejecutor.includes(`:${pid(a)}:`),
    CONCESION_S + 5,
  );
  expect(retomada.estado).toBe('en_curso');
  const fin = await esperar(
    `la exportación ${id}`,
    () => trabajo(b, id),
    (t) => t.estado !== 'en_curso',
    120,
  );
  expect(fin).toMatchObject({ estado: 'lista', filas: asistencias, intentos: 2 });
  const archivo = await api(c, `/reportes/detalle/trabajos/${id}/archivo`);
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load((await archivo.arrayBuffer()) as never);
  expect(libro.getWorksheet('Detalle')!.rowCount).toBe(asistencias + 1);
});
