/**
 * The record-level export: pseudonymous keys only, CSV and .xlsx read back,
 * further sheets beyond a sheet's row limit, and a cancelled download that
 * stops the query.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { ExportacionCancelada, exportarDetalle } from '@tablero/reports';
import { createDataSource } from '@tablero/database';
import { SCHEMA } from '../migrations/schema';
import { generarDatos } from '../bench/datos-sinteticos';
import { carpeta, texto } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

let server: TestApp;
let db: Client;

beforeAll(async () => {
  server = await startTestApp('detalle');
  db = new Client({ connectionString: server.database.url });
  await db.connect();
  const form = new FormData();
  const ruta = texto('detalle.csv', [
    [
      'codigo_actividad',
      'tipo_documento',
      'numero_documento',
      'nombre',
      'codigo_municipio',
      'grupo_de_valor',
      'sexo',
    ],
    ['F2-TAL-01', 'CC', '1020304050', 'Ana Pérez', '73001', 'autoridades_salientes', 'F'],
    ['F2-TAL-02', 'CC', '1020304050', 'Ana Pérez', '73001', 'autoridades_salientes', 'F'],
    ['F2-TAL-02', 'CE', '99887766', '=cmd|calc', '05001', '', 'M'],
  ]);
  form.append('archivo', new Blob([readFileSync(ruta)]), 'detalle.csv');
  const response = await fetch(`${server.baseUrl}/api/v1/importaciones/asistencias`, {
    method: 'POST',
    body: form,
  });
  expect(response.status).toBe(200);
});

afterAll(async () => {
  await db?.end();
  await server?.close();
});

it('exports CSV with semicolons, a BOM and pseudonymous keys only', async () => {
  const response = await fetch(`${server.baseUrl}/api/v1/reportes/detalle?formato=csv`);
  expect(response.status).toBe(200);
  const cuerpo = Buffer.from(await response.arrayBuffer());
  expect(cuerpo.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const texto = cuerpo.toString('utf8');
  expect(texto).not.toMatch(/1020304050|99887766|Pérez|cmd/);
  const filas = parse(texto, { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  // The export streams in the table's order, which is no promise: compare as sorted lines.
  const lineas = filas.map((f) =>
    [f.codigo_actividad, f.codigo_municipio, f.municipio, f.grupo_de_valor, f.sexo].join(' | '),
  );
  expect(lineas.sort()).toEqual([
    'F2-TAL-01 | 73001 | Ibagué | autoridades_salientes | mujer',
    'F2-TAL-02 | 05001 | Medellín |  | hombre',
    'F2-TAL-02 | 73001 | Ibagué | autoridades_salientes | mujer',
  ]);
  const deAna = filas.filter((f) => f.codigo_municipio === '73001').map((f) => f.clave_persona);
  expect(deAna[0]).toMatch(/^[0-9a-f]{64}$/);
  expect(deAna[1]).toBe(deAna[0]);
});

interface Trabajo {
  id: string;
  estado: string;
  filas: number;
}

async function esperarTrabajo(id: string): Promise<Trabajo> {
  for (let intento = 0; intento < 200; intento++) {
    const trabajo = (await (
      await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos/${id}`)
    ).json()) as Trabajo;
    if (trabajo.estado !== 'en_curso') return trabajo;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`La exportación ${id} no terminó`);
}

it('runs a background export, keeps its progress in PostgreSQL and serves the file when ready', async () => {
  const inicio = await fetch(
    `${server.baseUrl}/api/v1/reportes/detalle/trabajos?formato=csv&municipio=73001`,
    { method: 'POST' },
  );
  expect(inicio.status).toBe(202);
  const { id, estado } = (await inicio.json()) as Trabajo;
  expect(estado).toBe('en_curso');
  expect(await esperarTrabajo(id)).toMatchObject({ estado: 'lista', filas: 2 });
  const [{ n }] = (await db.query(`SELECT filas AS n FROM exportacion WHERE id = $1`, [id])).rows;
  expect(n).toBe(2);
  const archivo = await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos/${id}/archivo`);
  expect(archivo.status).toBe(200);
  const filas = parse(await archivo.text(), { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  expect(filas.map((f) => f.codigo_municipio)).toEqual(['73001', '73001']);
});

it('answers 404 for an unknown background export', async () => {
  const response = await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos/999999`);
  expect(response.status).toBe(404);
  expect(((await response.json()) as { codigo: string }).codigo).toBe('EXPORTACION_NO_ENCONTRADA');
});

it('exports .xlsx with the same rows, filtered like every other figure', async () => {
  const response = await fetch(
    `${server.baseUrl}/api/v1/reportes/detalle?formato=xlsx&municipio=05001`,
  );
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const hoja = libro.getWorksheet('Detalle')!;
  expect(hoja.rowCount).toBe(2);
  expect((hoja.getRow(2).values as unknown[]).slice(1, 3)).toEqual([
    expect.stringMatching(/^[0-9a-f]{64}$/),
    'F2-TAL-02',
  ]);
});

it('continues on further sheets when a sheet is full', async () => {
  const ds = createDataSource(server.database.url, SCHEMA);
  await ds.initialize();
  const ruta = join(carpeta, 'detalle-hojas.xlsx');
  const salida = createWriteStream(ruta);
  const filas = await exportarDetalle(ds, {}, salida, { formato: 'xlsx', filasPorHoja: 2 });
  await once(salida, 'close');
  await ds.destroy();
  expect(filas).toBe(3);
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.readFile(ruta);
  expect(libro.worksheets.map((h) => [h.name, h.rowCount])).toEqual([
    ['Detalle', 3],
    ['Detalle 2', 2],
  ]);
});

it('stops reading as soon as it is cancelled, without reading the rest', async () => {
  const ds = createDataSource(server.database.url, SCHEMA);
  await ds.initialize();
  await generarDatos(ds, 60_000);
  const cancelacion = new AbortController();
  let leidas = 0;
  const salida = createWriteStream(join(carpeta, 'detalle-cancelado.xlsx'));
  await expect(
    exportarDetalle(ds, {}, salida, {
      formato: 'xlsx',
      senal: cancelacion.signal,
      alAvanzar: (filas) => {
        leidas = filas;
        cancelacion.abort();
      },
    }),
  ).rejects.toBeInstanceOf(ExportacionCancelada);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM asistencia');
  await ds.destroy();
  expect(leidas).toBe(5000);
  expect(n).toBeGreaterThan(50_000);
});

it('cancels a background export that is running, and will not serve its file', async () => {
  const inicio = await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos?formato=xlsx`, {
    method: 'POST',
  });
  const { id } = (await inicio.json()) as Trabajo;
  const noLista = await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos/${id}/archivo`);
  expect(noLista.status).toBe(409);
  const cancelar = await fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos/${id}`, {
    method: 'DELETE',
  });
  expect(cancelar.status).toBe(204);
  expect((await esperarTrabajo(id)).estado).toBe('cancelada');
});

it('keeps serving after a client abandons a download', async () => {
  const cancelacion = new AbortController();
  const response = await fetch(`${server.baseUrl}/api/v1/reportes/detalle?formato=xlsx`, {
    signal: cancelacion.signal,
  });
  const lector = response.body!.getReader();
  expect((await lector.read()).done).toBe(false);
  cancelacion.abort();
  await lector.cancel().catch(() => undefined);
  expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  expect((await fetch(`${server.baseUrl}/api/v1/kpis`)).status).toBe(200);
});
