/**
 * The phase balance workbook, read back with exceljs: sheet names, every
 * figure of FACTS.md, totals as live SUM formulas with the right cached
 * values, number and date formats, frozen headers, print set-up, the charts
 * embedded as images, the methodology from the catalogue, and safe text.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { carpeta } from './support/fixtures';
import { startTestApp, TEST_PSEUDONYM_KEY, TestApp } from './support/test-app';

jest.setTimeout(60_000);

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('balance');
});

afterAll(() => server?.close());

async function libro(consulta: string): Promise<ExcelJS.Workbook> {
  const response = await fetch(`${server.baseUrl}/api/v1/reportes/balance${consulta}`);
  expect(response.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return wb;
}

/** Indicator → [value, qualifier, published text] from the Resumen sheet. */
function resumen(wb: ExcelJS.Workbook): Record<string, [unknown, unknown, unknown]> {
  const hoja = wb.getWorksheet('Resumen')!;
  const filas: Record<string, [unknown, unknown, unknown]> = {};
  hoja.eachRow((row, n) => {
    if (n > 1)
      filas[String(row.getCell(1).value)] = [
        row.getCell(2).value,
        row.getCell(3).value,
        row.getCell(4).value,
      ];
  });
  return filas;
}

describe('Balance de la Fase I', () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = await libro('?fase=I');
  });

  it('has the sheets an evaluator expects, in order, and its document properties', () => {
    expect(wb.worksheets.map((h) => h.name)).toEqual([
      'Resumen',
      'Actividades',
      'Webinars',
      'Territorios',
      'Grupos de valor',
      'Aliados',
      'Conciliación',
      'Gráficos',
      'Metodología',
    ]);
    expect(wb.title).toBe('Balance de la Fase I');
    expect(wb.creator).toBe('Tablero JPT (DNP)');
  });

  it('states every phase I figure of FACTS.md in the summary', () => {
    expect(resumen(wb)).toMatchObject({
      'Alcance total': [33274, 'Exacto', '33.274'],
      'Actividades realizadas': [18, 'Exacto', '18'],
      'Vistas de webinars': [11991, 'Exacto', '11.991'],
      'Personas certificadas': [20743, 'Exacto', '20.743'],
      'Asistentes presenciales': [540, 'Exacto', '540'],
      'Filtros aplicados': ['Fase I', null, null],
      'Fecha de corte': [new Date('2023-12-31T12:00:00Z'), null, null],
    });
    const hoja = wb.getWorksheet('Resumen')!;
    expect(hoja.getColumn(2).numFmt).toBe('#,##0');
  });

  it('totals the activities with a live SUM whose cached value is the phase alcance', () => {
    const hoja = wb.getWorksheet('Actividades')!;
    const total = hoja.getRow(hoja.rowCount);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(14).value).toEqual({
      formula: `SUM(N2:N${hoja.rowCount - 1})`,
      result: 33274,
    });
    expect(total.getCell(11).value).toMatchObject({ result: 540 });
    expect(hoja.getColumn(5).numFmt).toBe('dd/mm/yyyy');
    expect(hoja.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(hoja.autoFilter).toBeTruthy();
    expect(hoja.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '1:1',
    });
  });

  it('lists the webinars’ views and adds them up to 11.991', () => {
    const hoja = wb.getWorksheet('Webinars')!;
    expect(hoja.getRow(hoja.rowCount).getCell(3).value).toMatchObject({ result: 11991 });
  });

  it('embeds the main charts as images', () => {
    expect(wb.getWorksheet('Gráficos')!.getImages()).toHaveLength(4);
  });

  it('defines every metric in the methodology sheet, from the catalogue', () => {
    const hoja = wb.getWorksheet('Metodología')!;
    const metricas = (hoja.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(metricas).toEqual(
      expect.arrayContaining(['Alcance total', 'Vistas de webinars', 'Personas únicas']),
    );
  });
});

it('states phase II with its qualifier: ≈ 21.712', async () => {
  expect(resumen(await libro('?fase=II'))['Alcance total']).toEqual([
    21712,
    'Aproximado (cerca de)',
    '≈ 21.712',
  ]);
});

it('writes an imported title that looks like a formula as text', async () => {
  const db = new Client({ connectionString: server.database.url });
  await db.connect();
  await db.query(
    `UPDATE actividad SET titulo = '=HYPERLINK("http://malo.example";"clic")' WHERE codigo = 'F1-FICHAS'`,
  );
  await db.end();
  const hoja = (await libro('?fase=I')).getWorksheet('Actividades')!;
  let celda: ExcelJS.Cell | undefined;
  hoja.eachRow((row) => {
    if (row.getCell(1).value === 'F1-FICHAS') celda = row.getCell(4);
  });
  expect(celda?.type).toBe(ExcelJS.ValueType.String);
  expect(celda?.value).toBe(`'=HYPERLINK("http://malo.example";"clic")`);
});

it('is also written by the CLI: exportar balance --fase II --salida archivo.xlsx', async () => {
  const salida = join(carpeta, 'balance-fase-II.xlsx');
  await promisify(execFile)(
    process.execPath,
    [
      join(__dirname, '../dist/apps/cli/src/main.js'),
      'exportar',
      'balance',
      '--fase',
      'II',
      '--salida',
      salida,
    ],
    {
      env: { ...process.env, DATABASE_URL: server.database.url, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY },
    },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(salida) as never);
  expect(resumen(wb)['Alcance total']).toEqual([21712, 'Aproximado (cerca de)', '≈ 21.712']);
  expect(resumen(wb)['Generado por'][0]).toMatch(/^cli:/);
});
