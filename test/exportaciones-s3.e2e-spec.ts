/**
 * Background exports whose files go to an S3-compatible bucket (issue 26):
 * two instances on one database and one bucket. An export run by either is
 * polled and downloaded from the other, nothing of its file is kept in
 * PostgreSQL, and its folder in the bucket goes when the job expires. A
 * server whose bucket does not exist does not start.
 */
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { createDataSource } from '@tablero/database';
import { generarDatos } from '../bench/datos-sinteticos';
import { SCHEMA } from '../migrations/schema';
import { iniciarServidorS3, ServidorS3 } from './support/servidor-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { startServerProcess } from './support/server-process';
import { startTestApp, TEST_PSEUDONYM_KEY, TestApp } from './support/test-app';

jest.setTimeout(180_000);

/** Enough rows for a CSV of more than one 8 MiB part. */
const ASISTENCIAS = 60_000;
const PREFIJO = 'jpt/';

let s3: ServidorS3;
let a: TestApp;
let b: TestApp;
let ds: DataSource;
let asistencias: number;
let s3Cerrado = false;
/** The first test's export, whose file stays in the bucket. */
let exportada: string;

beforeAll(async () => {
  s3 = await iniciarServidorS3();
  const env = { ...s3.env, S3_PREFIX: PREFIJO };
  a = await startTestApp('exportaciones-s3', env);
  b = await startTestApp('exportaciones-s3', env, { base: a.database });
  ds = createDataSource(a.database.url, SCHEMA);
  await ds.initialize();
  asistencias = (await generarDatos(ds, ASISTENCIAS)).asistencias;
});

afterAll(async () => {
  await ds?.destroy();
  await b?.close();
  await a?.close();
  if (!s3Cerrado) await s3?.cerrar();
});

interface Trabajo {
  id: string;
  estado: string;
  filas: number;
  bytes: string | null;
}

async function esperarTrabajo(servidor: TestApp, id: string): Promise<Trabajo> {
  for (let intento = 0; intento < 600; intento++) {
    const response = await fetch(`${servidor.baseUrl}/api/v1/reportes/detalle/trabajos/${id}`);
    const trabajo = (await response.json()) as Trabajo;
    if (trabajo.estado !== 'en_curso') return trabajo;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`La exportación ${id} no terminó`);
}

it('runs an export into the bucket and serves its file from the other instance', async () => {
  const inicio = await fetch(`${a.baseUrl}/api/v1/reportes/detalle/trabajos?formato=csv`, {
    method: 'POST',
  });
  expect(inicio.status).toBe(202);
  const { id } = (await inicio.json()) as Trabajo;
  const listo = await esperarTrabajo(b, id);
  expect(listo).toMatchObject({ estado: 'lista', filas: asistencias });
  exportada = id;

  const [fila] = await ds.query<{ objeto: string | null; partes: number }[]>(
    `SELECT objeto, (SELECT count(*)::int FROM exportacion_parte WHERE exportacion_id = e.id) AS partes
       FROM exportacion e WHERE id = $1`,
    [id],
  );
  expect(fila.partes).toBe(0);
  const objetos = await s3.objetos(`${PREFIJO}exportaciones/${id}/`);
  expect(objetos).toEqual([{ objeto: fila.objeto, bytes: Number(listo.bytes) }]);
  expect(objetos[0].bytes).toBeGreaterThan(8 * 1024 * 1024);

  const archivo = await fetch(`${b.baseUrl}/api/v1/reportes/detalle/trabajos/${id}/archivo`, {
    headers: { 'accept-encoding': 'identity' },
  });
  expect(archivo.status).toBe(200);
  expect(archivo.headers.get('content-length')).toBe(listo.bytes);
  const filas = parse(await archivo.text(), { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  expect(filas).toHaveLength(asistencias);
  expect(Object.keys(filas[0])).not.toContain('numero_documento');
});

it('answers 410 when the file is no longer in the bucket', async () => {
  const inicio = await fetch(
    `${b.baseUrl}/api/v1/reportes/detalle/trabajos?formato=xlsx&municipio=05001`,
    { method: 'POST' },
  );
  const { id } = (await inicio.json()) as Trabajo;
  expect((await esperarTrabajo(a, id)).estado).toBe('lista');
  await ds.query(`UPDATE exportacion SET objeto = objeto || '-borrado' WHERE id = $1`, [id]);
  const archivo = await fetch(`${a.baseUrl}/api/v1/reportes/detalle/trabajos/${id}/archivo`);
  expect(archivo.status).toBe(410);
  expect(await archivo.json()).toMatchObject({
    codigo: 'EXPORTACION_SIN_ARCHIVO',
    mensaje: expect.stringContaining('Pida la exportación de nuevo'),
  });
});

it('empties the job’s folder in the bucket when the job expires', async () => {
  const inicio = await fetch(
    `${a.baseUrl}/api/v1/reportes/detalle/trabajos?formato=csv&municipio=05001`,
    {
      method: 'POST',
    },
  );
  const { id } = (await inicio.json()) as Trabajo;
  expect((await esperarTrabajo(a, id)).estado).toBe('lista');
  expect(await s3.objetos(`${PREFIJO}exportaciones/${id}/`)).toHaveLength(1);
  await ds.query(`UPDATE exportacion SET expira_en = now() - interval '1 second' WHERE id = $1`, [
    id,
  ]);
  // Expired jobs are deleted every 10 s.
  for (let intento = 0; intento < 125; intento++) {
    const quedan = await ds.query(`SELECT 1 FROM exportacion WHERE id = $1`, [id]);
    if (quedan.length === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(await ds.query(`SELECT 1 FROM exportacion WHERE id = $1`, [id])).toEqual([]);
  expect(await s3.objetos(`${PREFIJO}exportaciones/${id}/`)).toEqual([]);
});

it('does not start when its bucket does not exist', async () => {
  await expect(
    startTestApp('exportaciones-s3-sin-bucket', { ...s3.env, S3_BUCKET: 'no-existe' }),
  ).rejects.toThrow(/S3_BUCKET: no se puede usar el bucket «no-existe»/);
});

it('stops `npm start` with the reason when its bucket does not exist, without a stack trace', async () => {
  const carpeta = mkdtempSync(join(tmpdir(), 'tablero-s3-'));
  const proceso = startServerProcess({
    ...s3.env,
    S3_BUCKET: 'no-existe',
    DATABASE_URL: a.database.url,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    PORT: String(await freePort()),
    DATA_DIR: carpeta,
  });
  expect(await proceso.exited()).toBe(1);
  rmSync(carpeta, { recursive: true, force: true });
  expect(proceso.output()).toContain(
    `S3_BUCKET: no se puede usar el bucket «no-existe» de ${s3.env.S3_ENDPOINT}`,
  );
  expect(proceso.output()).not.toMatch(/\n\s+at /);
});

it('answers 503 while the bucket does not answer', async () => {
  await s3.cerrar();
  s3Cerrado = true;
  const archivo = await fetch(`${a.baseUrl}/api/v1/reportes/detalle/trabajos/${exportada}/archivo`);
  expect(archivo.status).toBe(503);
  expect(await archivo.json()).toMatchObject({ codigo: 'ALMACENAMIENTO_NO_DISPONIBLE' });
});
