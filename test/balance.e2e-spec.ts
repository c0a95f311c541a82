/**
 * The phase balance workbook, read back with exceljs: a cover, the phase as declared, every
 * figure of FACTS.md, totals as live SUM formulas with the right cached values where cells add
 * up, number and date formats, frozen headers, print set-up, the charts embedded as images, the
 * methodology from the catalogue, safe text, and what it leaves out said once.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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

/** Label → value from the cover. */
function portada(wb: ExcelJS.Workbook): Record<string, unknown> {
  const filas: Record<string, unknown> = {};
  wb.getWorksheet('Portada')!.eachRow((row) => {
    filas[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  return filas;
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

  it('names the columns a remark is about, beside the figures the source does give', () => {
    const hoja = wb.getWorksheet('Actividades')!;
    const encabezados = hoja.getRow(1).values as unknown[];
    const observaciones: Record<string, unknown> = {};
    hoja.eachRow((row, n) => {
      if (n > 1)
        observaciones[String(row.getCell(1).value)] = row.getCell(
          encabezados.indexOf('Observación'),
        ).value;
    });
    expect(observaciones).toMatchObject({
      'F1-CURSO-YES': 'asistencias y vistas: sin cifra en la fuente',
      'F1-WEBINARS': 'asistencias y personas certificadas: sin cifra en la fuente',
    });
  });

  it('names the places reached only in joint figures under the territorial table', () => {
    const textos: string[] = [];
    wb.getWorksheet('Territorios')!.eachRow((row) => {
      const texto = row.getCell(1).value;
      if (typeof texto === 'string' && / alcanzados solo en cifras conjuntas/.test(texto))
        textos.push(texto);
    });
    expect(textos).toEqual([
      expect.stringMatching(
        /^Departamentos alcanzados solo en cifras conjuntas, sin cifra propia \(4\): .*Antioquia.* y .+\.$/,
      ),
      expect.stringMatching(
        /^Municipios alcanzados solo en cifras conjuntas, sin cifra propia \(44\): .*Medellín \(Antioquia\).* y .+\.$/,
      ),
    ]);
  });

  it('has the sheets an evaluator expects, in order, and its document properties', () => {
    expect(wb.worksheets.map((h) => h.name)).toEqual([
      'Portada',
      'Declarado',
      'Resumen',
      'Actividades',
      'Webinars',
      'Territorios',
      'Grupos de valor',
      'Aliados',
      'Conciliación',
      'Gráficos',
      'Metodología',
      'Sin cifras',
    ]);
    expect(wb.title).toBe('Balance de la Fase I');
    expect(wb.creator).toBe('Tablero JPT (DNP)');
  });

  it('states every phase I figure of FACTS.md in the summary', () => {
    expect(resumen(wb)).toMatchObject({
      'Interacciones registradas': [33274, 'Exacto', '33.274'],
      'Actividades realizadas': [18, 'Exacto', '18'],
      'Vistas de webinars': [11991, 'Exacto', '11.991'],
      'Personas certificadas': [20743, 'Exacto', '20.743'],
      'Asistentes presenciales': [540, 'Exacto', '540'],
    });
    const cubierta = wb.getWorksheet('Portada')!;
    expect(cubierta.getCell('A1').value).toBe('Balance de la Fase I');
    // A row without a height prints at the default one in LibreOffice: the 18-point title overlapped the next.
    expect(cubierta.getRow(1).height).toBeGreaterThanOrEqual(18 * 1.3);
    expect([1, 2].map((n) => cubierta.getCell(n, 1).font?.name)).toEqual(['Calibri', 'Calibri']);
    expect(portada(wb)).toMatchObject({
      Fase: 'Fase I: Programas de Gobierno',
      Periodo: 'Abril a finales de julio de 2023',
      'Filtros aplicados': 'Fase I',
      'Fecha de corte': '31/12/2023',
      Fuente: 'DNP (2023), Estrategia Juntos por el Territorio',
    });
    const hoja = wb.getWorksheet('Resumen')!;
    expect(hoja.getColumn(2).numFmt).toBe('#,##0');
  });

  it('totals the activities with a live SUM whose cached value is the phase alcance', () => {
    const hoja = wb.getWorksheet('Actividades')!;
    const total = hoja.getRow(hoja.rowCount);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(15).value).toEqual({
      formula: `SUM(O2:O${hoja.rowCount - 1})`,
      result: 33274,
    });
    expect(total.getCell(12).value).toMatchObject({ result: 540 });
    expect((hoja.getRow(1).values as unknown[]).slice(4, 8)).toEqual([
      'Título',
      'Fecha o periodo',
      'Desde',
      'Hasta',
    ]);
    const medellin = hoja
      .getRows(2, hoja.rowCount - 2)!
      .find((r) => r.getCell(1).value === 'F1-EVT-MEDELLIN')!;
    expect(medellin.getCell(5).value).toBe('abril a julio de 2023');
    // The course the source dates only «2023», the fichas it does not date: no day of their phase.
    const fechas = (codigo: string) => {
      const r = hoja.getRows(2, hoja.rowCount - 2)!.find((r) => r.getCell(1).value === codigo)!;
      return [5, 6, 7].map((c) => {
        const v = r.getCell(c).value;
        return v instanceof Date ? v.toISOString().slice(0, 10) : v;
      });
    };
    expect(fechas('F1-CURSO-YES')).toEqual(['2023', '2023-01-01', '2023-12-31']);
    expect(fechas('F1-FICHAS')).toEqual(['—', null, null]);
    expect([hoja.getColumn(6).numFmt, hoja.getColumn(7).numFmt]).toEqual([
      'dd/mm/yyyy',
      'dd/mm/yyyy',
    ]);
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

  it('embeds the main charts that have figures as images, and says which it leaves out', () => {
    expect(wb.getWorksheet('Gráficos')!.getImages()).toHaveLength(3);
    const omitidas: unknown[] = [];
    wb.getWorksheet('Sin cifras')!.eachRow((row, n) => {
      if (n > 1) omitidas.push([row.getCell(1).value, row.getCell(2).value]);
    });
    expect(omitidas).toEqual([
      [
        'Gráfico «Asistencias por departamento»',
        'Ningún departamento con cifra propia para estos filtros. De las asistencias: en cifras ' +
          'conjuntas de varios territorios, 540.',
      ],
    ]);
  });

  it('defines every metric in the methodology sheet, from the catalogue', () => {
    const hoja = wb.getWorksheet('Metodología')!;
    const metricas = (hoja.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(metricas).toEqual(
      expect.arrayContaining([
        'Interacciones registradas',
        'Vistas de webinars',
        'Personas únicas',
      ]),
    );
  });
});

it('states phase II with its qualifier: ≈ 21.712', async () => {
  expect(resumen(await libro('?fase=II'))['Interacciones registradas']).toEqual([
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
  expect(resumen(wb)['Interacciones registradas']).toEqual([
    21712,
    'Aproximado (cerca de)',
    '≈ 21.712',
  ]);
  expect(portada(wb)['Generado por']).toMatch(/^cli:/);
});

describe('a balance a director can send', () => {
  let fase2: ExcelJS.Workbook;
  let fase3: ExcelJS.Workbook;
  let pedido: Date;

  beforeAll(async () => {
    pedido = new Date();
    [fase2, fase3] = await Promise.all([libro('?fase=II'), libro('?fase=III')]);
  });

  it('opens with a cover: title, phase, period, cut-off, Colombian time, source and a summary', () => {
    const p = portada(fase2);
    expect(p).toMatchObject({
      Fase: 'Fase II: Transición de Gobiernos Territoriales 2024-2027',
      Periodo: 'Junio a diciembre de 2023',
      'Fecha de corte': '31/12/2023',
      Fuente: 'DNP (2023), Estrategia Juntos por el Territorio',
    });
    // Colombia is UTC−5 all year.
    const bogota = new Date(pedido.getTime() - 5 * 3600_000);
    const dos = (n: number) => String(n).padStart(2, '0');
    expect(p['Generado el']).toMatch(
      new RegExp(
        `^${dos(bogota.getUTCDate())}/${dos(bogota.getUTCMonth() + 1)}/${bogota.getUTCFullYear()} ${dos(bogota.getUTCHours())}:\\d{2} \\(hora de Colombia\\)$`,
      ),
    );
    const resumenEnPalabras: string[] = [];
    fase2.getWorksheet('Portada')!.eachRow((row) => {
      if (row.getCell(1).value === '' || row.getCell(1).value === null)
        resumenEnPalabras.push(String(row.getCell(2).value ?? ''));
    });
    expect(resumenEnPalabras.join(' ')).toContain('≈ 21.712 interacciones registradas');
    expect(resumenEnPalabras.join(' ')).toContain('personas certificadas: sin cifra en la fuente');
  });

  /** The cover's summary, its sentences joined. */
  async function resumenDeLaPortada(consulta: string): Promise<string> {
    const resumen: string[] = [];
    (await libro(consulta)).getWorksheet('Portada')!.eachRow((row) => {
      if (row.getCell(1).value === '' || row.getCell(1).value === null)
        resumen.push(String(row.getCell(2).value ?? ''));
    });
    return resumen.join(' ');
  }

  it('agrees each count with its noun, and does not put a place’s activities in the national lines', async () => {
    expect(await resumenDeLaPortada('?departamento=73')).toMatch(
      /^1 actividad realizada\. El documento fuente declara la estrategia en \d+ líneas \(hoja Declarado\)\./,
    );
  });

  it('says in the cover’s summary where a place reached only in a joint figure has its share', async () => {
    const antioquia = await resumenDeLaPortada('?departamento=05');
    expect(antioquia).toContain(
      'asistencias: en una cifra conjunta de varios territorios: 540. ' +
        'Sumadas, interacciones registradas: en una cifra conjunta de varios territorios: 540.',
    );
    expect(antioquia).not.toContain('—');
  });

  it('states the phase as declared first, line by line', () => {
    const hoja = fase2.getWorksheet('Declarado')!;
    expect(fase2.worksheets[1].name).toBe('Declarado');
    const lineas: Record<string, unknown[]> = {};
    hoja.eachRow((row, n) => {
      if (n > 1) lineas[String(row.getCell(1).value)] = (row.values as unknown[]).slice(2);
    });
    expect(lineas['F2-LANZAMIENTO']).toEqual([
      expect.stringContaining('Lanzamiento'),
      'Lanzamiento',
      1,
      '> 300 presenciales · ≈ 1.700 remotos',
      'Mínimo (más de) y aproximado (cerca de)',
      undefined,
      'Ibagué (Tolima), con la Gobernación del Tolima',
      '17/07/2023',
    ]);
  });

  it('fits every column to its content: no text cut, no number shown as ###', () => {
    for (const hoja of [...fase2.worksheets, ...fase3.worksheets]) {
      if (hoja.name === 'Gráficos') continue;
      hoja.eachRow((row) => {
        row.eachCell((celda) => {
          if (celda.isMerged) return;
          const ancho = hoja.getColumn(Number(celda.col)).width ?? 8.43;
          const texto =
            typeof celda.value === 'number'
              ? new Intl.NumberFormat('es-CO').format(celda.value)
              : typeof celda.value === 'string'
                ? celda.value
                : '';
          if (typeof celda.value === 'number') expect(texto.length).toBeLessThan(ancho);
          else if (texto.length > ancho) {
            expect({
              hoja: hoja.name,
              celda: celda.address,
              ajuste: celda.alignment?.wrapText,
            }).toEqual({
              hoja: hoja.name,
              celda: celda.address,
              ajuste: true,
            });
            expect(row.height).toBeGreaterThanOrEqual(15 * Math.ceil(texto.length / ancho));
          }
        });
      });
    }
  });

  it('makes a row taller only for text that does not fit its column, never for a date', () => {
    for (const hoja of fase2.worksheets) {
      hoja.eachRow((row, n) => {
        const celdas: ExcelJS.Cell[] = [];
        row.eachCell((celda) => celdas.push(celda));
        for (const celda of celdas.filter((c) => c.value instanceof Date))
          expect([hoja.name, celda.address, Boolean(celda.alignment?.wrapText)]).toEqual([
            hoja.name,
            celda.address,
            false,
          ]);
        const largos = celdas.filter(
          (c) =>
            c.isMerged ||
            (typeof c.value === 'string' &&
              c.value.length > (hoja.getColumn(Number(c.col)).width ?? 8.43) - 2),
        );
        if (n > 1 && (row.height ?? 15) > 15)
          expect([hoja.name, n, largos.length > 0]).toEqual([hoja.name, n, true]);
      });
    }
  });

  it('keeps text apart from the date or figure before it, and «—» where figures sit', () => {
    const hoja = fase2.getWorksheet('Actividades')!;
    const columna = (titulo: string) =>
      (hoja.getRow(1).values as unknown[]).findIndex((v) => v === titulo);
    let ciclo: ExcelJS.Row | undefined;
    hoja.eachRow((row) => {
      if (row.getCell(1).value === 'F2-CAP-01') ciclo = row;
    });
    const modalidades = new Set<unknown>();
    hoja.eachRow((row, n) => {
      if (n > 1) modalidades.add(row.getCell(columna('Modalidad')).value);
    });
    expect([...modalidades].sort()).toEqual(['Híbrida', 'Presencial', 'Virtual', null, '—']);
    expect(ciclo!.getCell(columna('Modalidad')).alignment).toMatchObject({
      horizontal: 'left',
      indent: 1,
    });
    expect(ciclo!.getCell(columna('Personas certificadas')).value).toBe('—');
    expect(ciclo!.getCell(columna('Personas certificadas')).alignment).toMatchObject({
      horizontal: 'right',
    });
  });

  it('states once what phase III has no figures for, instead of empty sheets', () => {
    expect(fase3.worksheets.map((h) => h.name)).toEqual([
      'Portada',
      'Resumen',
      'Metodología',
      'Sin cifras',
    ]);
    const motivos: Record<string, string> = {};
    fase3.getWorksheet('Sin cifras')!.eachRow((row, n) => {
      if (n > 1) motivos[String(row.getCell(1).value)] = String(row.getCell(2).value);
    });
    expect(motivos).toMatchObject({
      Declarado: 'El documento fuente no declara actividades ni cifras de esta fase.',
      Actividades:
        'No hay actividades registradas ni cifras declaradas en la fuente para estos filtros.',
      'Estado PDT': expect.stringMatching(/^No se ha cargado ningún hito/),
    });
  });

  it('prints to PDF with LibreOffice, read back and kept as pictures under test-output/balances', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((r) => existsSync(r));
    if (!soffice) {
      // CI installs LibreOffice (.ci/run); a developer's machine may not have it.
      if (process.env.CI) throw new Error('LibreOffice no está instalado');
      console.warn('Sin LibreOffice: el balance no se imprimió a PDF');
      return;
    }
    const salida = join(__dirname, '..', 'test-output', 'balances');
    mkdirSync(salida, { recursive: true });
    const ejecutar = promisify(execFile);
    for (const [nombre, wb] of [
      ['balance-fase-II', fase2],
      ['balance-fase-III', fase3],
    ] as const) {
      await wb.xlsx.writeFile(join(salida, `${nombre}.xlsx`));
      await ejecutar(
        soffice,
        ['--headless', '--convert-to', 'pdf', '--outdir', salida, join(salida, `${nombre}.xlsx`)],
        { env: { ...process.env, HOME: carpeta }, timeout: 120_000 },
      );
      const pdf = join(salida, `${nombre}.pdf`);
      const { stdout: texto } = await ejecutar('pdftotext', ['-layout', pdf, '-']);
      expect(texto).not.toContain('###');
      expect(texto).toContain(`Balance de la Fase ${nombre.split('-')[2]}`);
      if (nombre === 'balance-fase-II') {
        expect(texto).toContain('> 300 presenciales · ≈ 1.700 remotos');
        expect(texto).toContain('≈ 21.712');
      }
      await ejecutar('pdftoppm', ['-png', '-r', '60', pdf, join(salida, nombre)]);
    }
  }, 300_000);
});
