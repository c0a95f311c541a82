/**
 * An import is one transaction: killed half way it leaves nothing, and two
 * runs of the same file at once count each person once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { escribirAsistencias } from './support/asistencias-sinteticas';
import { carpeta } from './support/fixtures';
import { servidorConCliente, TEST_PSEUDONYM_KEY, TestApp } from './support/test-app';

jest.setTimeout(120_000);

let server: TestApp;
let db: Client;

servidorConCliente('atomica', (s, c) => {
  [server, db] = [s, c];
});

const contar = async (tabla: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM ${tabla}`)).rows[0].n);

const CLI = join(__dirname, '../dist/apps/cli/src/main.js');

it('leaves nothing behind when the importing process is killed half way', async () => {
  const ruta = join(carpeta, 'asistencias-grande.csv');
  await escribirAsistencias(ruta, 300_000);
  const cli = spawn(process.execPath, [CLI, 'importar', 'asistencias', ruta], {
    env: { ...process.env, DATABASE_URL: server.database.url, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY },
    stdio: 'ignore',
  });
  const terminado = new Promise<number | null>((resolve) =>
    cli.on('exit', (code) => resolve(code)),
  );

  // Wait until the rows are streaming into the staging table, then kill it.
  for (let intento = 0; ; intento++) {
    const { rows } = await db.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY stage%'`,
    );
    if (rows.length > 0) break;
    if (intento > 600 || cli.exitCode !== null)
      throw new Error('La importación no llegó a copiar filas');
    await new Promise((r) => setTimeout(r, 20));
  }
  cli.kill('SIGKILL');
  await terminado;

  for (let intento = 0; intento < 200; intento++) {
    const { rows } = await db.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND application_name = 'tablero-jpt' AND state <> 'idle'`,
    );
    if (rows.length === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await contar('asistencia')).toBe(0);
  expect(await contar('importacion')).toBe(0);
  expect(await contar('importacion_rechazo')).toBe(0);
});

it('counts each person once when the same file is imported twice at the same time', async () => {
  const ruta = join(carpeta, 'asistencias-concurrentes.csv');
  await escribirAsistencias(ruta, 20_000);
  const enviar = async () => {
    const form = new FormData();
    form.append('archivo', new Blob([readFileSync(ruta)]), 'asistencias-concurrentes.csv');
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/asistencias`, {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { filas: { aceptadas: number; duplicadas: number } };
  };
  const [a, b] = await Promise.all([enviar(), enviar()]);
  expect(a.filas.aceptadas + b.filas.aceptadas).toBe(20_000);
  expect(a.filas.duplicadas + b.filas.duplicadas).toBe(20_000);
  expect(await contar('asistencia')).toBe(20_000);
  expect(await contar('importacion')).toBe(2);
});
