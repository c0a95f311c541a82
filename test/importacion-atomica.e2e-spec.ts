/**
 * An import is one transaction: killed half way it leaves nothing, and two
 * runs of the same file at once count each person once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { appendFileSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { escribirAsistencias } from './support/asistencias-sinteticas';
import { carpeta } from './support/fixtures';
import { crearToken, servidorConCliente, TEST_PSEUDONYM_KEY, TestApp } from './support/test-app';

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

describe('a file larger than one chunk (25.000 rows), merged a chunk at a time', () => {
  // Past two chunk boundaries: three chunks, the last one partial.
  const FILAS = 60_000;
  const ruta = join(carpeta, 'asistencias-por-tramos.csv');

  const vaciar = async () => {
    await db.query(`TRUNCATE asistencia, importacion_rechazo, importacion_aviso, importacion_fila_rechazada,
                             resumen_actividad, resumen_departamento, resumen_departamento_grupo, resumen_grupo,
                             resumen_asistencia, resumen_fase_tipo`);
    await db.query('DELETE FROM importacion');
  };

  beforeAll(async () => {
    await vaciar();
    await escribirAsistencias(ruta, FILAS);
    // Rows 2, 3 and 4 of the data again near the end of the file, past two chunk boundaries.
    const lineas = readFileSync(ruta, 'utf8').split('\n');
    appendFileSync(ruta, `${lineas[1]}\n${lineas[2]}\n${lineas[3]}\n`);
  });

  const enviar = async (headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('archivo', new Blob([readFileSync(ruta)]), 'asistencias-por-tramos.csv');
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/asistencias`, {
      method: 'POST',
      body: form,
      headers,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      filas: { leidas: number; aceptadas: number; duplicadas: number; rechazadas: number };
      rechazos: { fila: number; motivo: string }[];
    };
  };
  const porMunicipio = async () =>
    (
      await db.query<{ municipio_codigo: string; n: string }>(
        `SELECT municipio_codigo, count(*) AS n FROM asistencia GROUP BY 1 ORDER BY 1`,
      )
    ).rows;

  it('limits a department-limited principal row by row in every chunk', async () => {
    const secreto = await crearToken(server.baseUrl, 'tramos-05', 'editor', ['05']);
    const informe = await enviar({ authorization: `Bearer ${secreto}` });
    // The synthetic file puts one row in five in Medellín (05001): rows 2, 7, 12 … of the file.
    expect(informe.filas).toMatchObject({ leidas: FILAS + 3, aceptadas: FILAS / 5, duplicadas: 1 });
    expect(informe.filas.rechazadas).toBe(FILAS + 3 - FILAS / 5 - 1);
    expect(informe.rechazos[0]).toMatchObject({ fila: 3 });
    expect(informe.rechazos[0].motivo).toContain('fuera de sus departamentos');
    const { rows } = await db.query<{ max: number }>(
      `SELECT max(fila) AS max FROM importacion_rechazo WHERE motivo LIKE '%fuera de sus departamentos%'`,
    );
    expect(rows[0].max).toBe(FILAS + 4);
    expect(await porMunicipio()).toEqual([{ municipio_codigo: '05001', n: String(FILAS / 5) }]);
    await vaciar();
  });

  it('counts a person repeated in a later chunk once, grows the summaries as a rebuild would, and changes nothing when imported again', async () => {
    const primera = await enviar();
    expect(primera.filas).toEqual({
      leidas: FILAS + 3,
      aceptadas: FILAS,
      actualizadas: 0,
      duplicadas: 3,
      rechazadas: 0,
      omitidas: 0,
    });
    expect(await contar('asistencia')).toBe(FILAS);
    const resumen = `SELECT actividad_codigo, municipio_codigo, modalidad, sum(asistencias)::int AS n
                       FROM resumen_asistencia GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const { rows: crecido } = await db.query(resumen);
    const { rows: contado } = await db.query(
      `SELECT actividad_codigo, municipio_codigo, modalidad, count(*)::int AS n
         FROM asistencia GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(crecido).toEqual(contado);

    const segunda = await enviar();
    expect(segunda.filas).toMatchObject({ aceptadas: 0, duplicadas: FILAS + 3 });
    expect(await contar('asistencia')).toBe(FILAS);
    expect((await db.query(resumen)).rows).toEqual(crecido);
  });
});
