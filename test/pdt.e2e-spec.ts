/**
 * Phase III end to end: a few Tolima and Cesar entities whose milestone
 * histories exercise every state and deadline (on time, late, overdue,
 * adopted by decree) and the rejections (out of order, future-dated), loaded
 * through the import API, then read back through the API, the chart data,
 * the phase III balance workbook and the dashboard in a real browser.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { texto } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { abrirNavegador, CARPETA_CAPTURAS, nuevaPagina, PaginaVigilada } from './support/navegador';
import { startTestApp, TestApp } from './support/test-app';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('pdt');
});

afterAll(async () => {
  await server?.close();
});

interface Informe {
  filas: {
    leidas: number;
    aceptadas: number;
    actualizadas: number;
    duplicadas: number;
    rechazadas: number;
  };
  rechazos: { fila: number; columna: string | null; valor: string | null; motivo: string }[];
}

const importar = (tipo: string, ruta: string) => importarAceptado<Informe>(server, tipo, ruta);

async function obtener<T>(ruta: string): Promise<T> {
  const response = await fetch(server.baseUrl + ruta);
  const body = (await response.json()) as T;
  expect({ ruta, status: response.status, body }).toMatchObject({ status: 200 });
  return body;
}

const conteo = ({ filas }: Informe) => filas;

const TERRITORIOS = texto('territorios-tolima.csv', [
  [
    'codigo_departamento',
    'nombre_departamento',
    'codigo_municipio',
    'nombre_municipio',
    'tipo',
    'categoria',
  ],
  ['73', 'TOLIMA', '73001', 'IBAGUÉ', 'Municipio', 'Categoría 1'],
  ['73', 'TOLIMA', '73024', 'Alpujarra', 'Municipio', '6'],
  ['73', 'TOLIMA', '73026', 'Alvarado', 'Municipio', '6'],
  ['73', 'TOLIMA', '73030', 'Ambalema', 'Municipio', '6'],
]);

/** Row 2 is the first data row. */
const HITOS = texto('hitos-pdt.csv', [
  ['codigo_entidad', 'hito', 'fecha', 'referencia'],
  // Tolima: on time, approved on 28/05.
  ['73', 'anteproyecto', '05/02/2024', ''],
  ['73', 'radicado_ctp', '26/02/2024', 'Radicado CTP 2024-011'],
  ['73', 'concepto_ctp', '22/03/2024', ''],
  ['73', 'radicado_corporacion', '29/04/2024', ''],
  ['73', 'Aprobado (ordenanza o acuerdo)', '28/05/2024', 'Ordenanza 012 de 2024'],
  // Ibagué: approved after the deadline.
  ['73001', 'anteproyecto', '25/01/2024', ''],
  ['73001', 'radicado_ctp', '26/02/2024', ''],
  ['73001', 'concepto_ctp', '20/03/2024', ''],
  ['73001', 'radicado_corporacion', '30/04/2024', ''],
  ['73001', 'aprobado', '05/06/2024', 'Acuerdo 004 de 2024'],
  // Alpujarra: with the council, never approved.
  ['73024', 'anteproyecto', '01/02/2024', ''],
  ['73024', 'radicado_ctp', '20/02/2024', ''],
  ['73024', 'concepto_ctp', '15/03/2024', ''],
  ['73024', 'radicado_corporacion', '25/04/2024', ''],
  // Alvarado: adopted by decree.
  ['73026', 'radicado_corporacion', '28/04/2024', ''],
  ['73026', 'adoptado_decreto', '10/06/2024', 'Decreto 100 de 2024'],
  // Ambalema: only the anteproyecto; its concept is dated before it (row 19), and a future filing (row 20).
  ['73030', 'anteproyecto', '15/02/2024', ''],
  ['73030', 'concepto_ctp', '10/02/2024', ''],
  ['73024', 'aprobado', '01/05/2099', ''],
  // Cesar: approved on the last day, its concept two days late.
  ['20', 'anteproyecto', '20/01/2024', ''],
  ['20', 'radicado_ctp', '28/02/2024', ''],
  ['20', 'concepto_ctp', '30/03/2024', ''],
  ['20', 'radicado_corporacion', '30/04/2024', ''],
  ['20', 'aprobado', '31/05/2024', 'Ordenanza 003 de 2024'],
  // Unknown entity and milestone.
  ['99999', 'aprobado', '31/05/2024', ''],
  ['20', 'aprobada por cabildo', '31/05/2024', ''],
]);

const ASISTENCIAS = texto('asistencias-tecnicas.csv', [
  ['fecha', 'codigo_entidad', 'tema', 'modalidad', 'oferente', 'horas', 'funcionarios'],
  ['15/02/2024', '73030', 'diagnóstico', 'virtual', 'DNP', '2,5', '4'],
  ['20/03/2024', '73024', 'parte_estrategica', 'presencial', 'ESAP', '3', '6'],
  ['10/04/2024', '73', 'Plan plurianual de inversiones', 'hibrida', 'DNP', '4', '10'],
  ['10/04/2024', '73', 'plan_plurianual_inversiones', 'hibrida', 'dnp', '4', '10'],
  ['01/01/2099', '73', 'seguimiento', 'virtual', 'DNP', '1', '2'],
  ['11/04/2024', '20', 'seguimiento', 'virtual', 'Fundación Inventada', '1', '2'],
  ['12/04/2024', '20', 'seguimiento', 'virtual', 'DNP', '0', '2'],
]);

describe('before any milestone is recorded', () => {
  it('follows the 32 departments and the 1.103 municipalities with a mayor, none of them overdue', async () => {
    const resumen = await obtener<{
      fecha: string;
      entidades: number;
      conHitos: number;
      porEstado: { estado: string; entidades: number }[];
      aprobadoATiempo: { porNivel: { nivel: string; entidades: number }[] };
    }>('/api/v1/pdt/resumen');
    // Without a cut-off date, the states stand where the data does: with none, the governments' first day.
    expect(resumen.fecha).toBe('2024-01-01');
    expect(resumen.entidades).toBe(32 + 1103);
    expect(resumen.aprobadoATiempo.porNivel.map((n) => [n.nivel, n.entidades])).toEqual([
      ['departamento', 32],
      ['municipio', 1103],
    ]);
    expect(resumen.conHitos).toBe(0);
    expect(resumen.porEstado.filter((e) => e.entidades > 0)).toEqual([
      { estado: 'sin_iniciar', nombre: 'Sin hitos registrados', entidades: 1135 },
    ]);
  });

  it('says why its charts are empty: no milestone loaded, the source has no phase III figures', async () => {
    const { filas, contexto } = await obtener<{ filas: unknown[]; contexto: { nota?: string } }>(
      '/api/v1/graficos/pdt-estados.json',
    );
    expect(filas).toEqual([]);
    expect(contexto.nota).toMatch(/^Sin hitos de los planes de desarrollo cargados: /);
    const svg = await (await fetch(`${server.baseUrl}/api/v1/graficos/pdt-estados.svg`)).text();
    expect(svg).toContain('Sin hitos de los planes de desarrollo cargados');
  });

  it('gives no share approved on time, not 0 %, past the deadline with no milestone known', async () => {
    const resumen = await obtener<{
      aprobadoATiempo: { nacional: { aprobadasATiempo: number; porcentaje: number | null } };
    }>('/api/v1/pdt/resumen?fecha_corte=2024-06-30');
    expect(resumen.aprobadoATiempo.nacional).toMatchObject({
      aprobadasATiempo: 0,
      porcentaje: null,
    });
  });
});

describe('imports', () => {
  it('sets the category of Tolima municipalities, whose names in capitals change nothing', async () => {
    expect(conteo(await importar('territorios', TERRITORIOS))).toMatchObject({
      aceptadas: 0,
      actualizadas: 4,
      rechazadas: 0,
    });
  });

  it('loads the milestones, rejecting out-of-order, future, unknown ones with row and reason', async () => {
    const informe = await importar('hitos_pdt', HITOS);
    expect(conteo(informe)).toEqual({
      leidas: 26,
      aceptadas: 22,
      actualizadas: 0,
      duplicadas: 0,
      rechazadas: 4,
      omitidas: 0,
    });
    expect(informe.rechazos).toEqual([
      {
        fila: 19,
        columna: 'fecha',
        valor: '10/02/2024',
        motivo:
          'fuera de orden: es anterior al hito previo «Anteproyecto consolidado» (15/02/2024)',
      },
      {
        fila: 20,
        columna: 'fecha',
        valor: '01/05/2099',
        motivo: expect.stringMatching(
          /^la fecha 01\/05\/2099 es posterior a hoy \(\d\d\/\d\d\/\d{4}\)$/,
        ),
      },
      {
        fila: 26,
        columna: 'codigo_entidad',
        valor: '99999',
        motivo: 'el código 99999 no es de ningún municipio de la DIVIPOLA',
        catalogo: 'territorio',
        desconocido: '99999',
      },
      {
        fila: 27,
        columna: 'hito',
        valor: 'aprobada por cabildo',
        motivo: expect.stringMatching(/^el hito debe ser uno de: anteproyecto, radicado_ctp/),
      },
    ]);
  });

  it('changes nothing when the same file is loaded again', async () => {
    expect(conteo(await importar('hitos_pdt', HITOS))).toMatchObject({
      aceptadas: 0,
      actualizadas: 0,
      duplicadas: 22,
      rechazadas: 4,
    });
  });

  it('rejects a milestone that contradicts the stored ones', async () => {
    const ruta = texto('hitos-tardios.csv', [
      ['codigo_entidad', 'hito', 'fecha'],
      ['73', 'radicado_ctp', '01/06/2024'],
      ['73', 'adoptado_decreto', '01/06/2024'],
    ]);
    const informe = await importar('hitos_pdt', ruta);
    expect(conteo(informe)).toMatchObject({ aceptadas: 0, actualizadas: 0, rechazadas: 2 });
    expect(informe.rechazos.map((r) => [r.fila, r.motivo])).toEqual([
      [2, 'fuera de orden: es posterior al hito siguiente «Concepto del CTP» (22/03/2024)'],
      [
        3,
        'la entidad ya tiene el hito «Aprobado (ordenanza o acuerdo)»: un plan se aprueba o se adopta por decreto, no ambos',
      ],
    ]);
  });

  it('loads the technical assistance, once', async () => {
    const informe = await importar('asistencias_tecnicas', ASISTENCIAS);
    expect(conteo(informe)).toMatchObject({
      leidas: 7,
      aceptadas: 3,
      duplicadas: 1,
      rechazadas: 3,
    });
    expect(informe.rechazos.map((r) => [r.fila, r.columna, r.motivo])).toEqual([
      [6, 'fecha', expect.stringMatching(/^la fecha es posterior a hoy/)],
      [7, 'oferente', 'debe ser DNP o una entidad aliada registrada'],
      [8, 'horas', 'debe ser mayor que cero'],
    ]);
    expect(conteo(await importar('asistencias_tecnicas', ASISTENCIAS))).toMatchObject({
      aceptadas: 0,
      actualizadas: 0,
      rechazadas: 3,
    });
  });

  it.each(['hitos_pdt', 'asistencias_tecnicas'])('offers a template for %s', async (tipo) => {
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/plantillas/${tipo}`);
    expect(response.status).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const encabezados = (libro.getWorksheet('Datos')!.getRow(1).values as string[]).slice(1);
    expect(encabezados).toEqual(
      tipo === 'hitos_pdt'
        ? ['departamento', 'codigo_entidad', 'hito', 'fecha', 'referencia']
        : [
            'fecha',
            'departamento',
            'codigo_entidad',
            'tema',
            'modalidad',
            'oferente',
            'horas',
            'funcionarios',
          ],
    );
  });
});

interface Entidad {
  codigo: string;
  estado: string;
  ultimoHito: string | null;
  hitoPendiente: string | null;
  plazoPendiente: string | null;
  diasRetraso: number;
  asistencias: number;
  horas: number;
}

describe('API', () => {
  const TOLIMA = '/api/v1/pdt/estados?departamento=73&fecha_corte=';

  it('derives each Tolima entity’s state on 30/06/2024', async () => {
    const { entidades, porEstado } = await obtener<{
      entidades: Entidad[];
      porEstado: { estado: string; entidades: number }[];
    }>(`${TOLIMA}2024-06-30`);
    const conHitos = entidades.filter((e) => e.ultimoHito);
    expect(
      conHitos.map((e) => [
        e.codigo,
        e.estado,
        e.hitoPendiente,
        e.diasRetraso,
        e.asistencias,
        e.horas,
      ]),
    ).toEqual([
      ['73', 'aprobado_a_tiempo', null, 0, 1, 4],
      ['73001', 'aprobado_tarde', null, 0, 0, 0],
      ['73024', 'vencido', 'aprobado', 30, 1, 3],
      ['73026', 'adoptado_decreto', null, 0, 0, 0],
      ['73030', 'vencido', 'radicado_ctp', 122, 1, 2.5],
    ]);
    // The department and its 47 municipalities; the 43 without any milestone are not overdue.
    expect(entidades).toHaveLength(48);
    expect(entidades.filter((e) => !e.ultimoHito).map((e) => [e.estado, e.diasRetraso])).toEqual(
      Array(43).fill(['sin_iniciar', 0]),
    );
    expect(Object.fromEntries(porEstado.map((e) => [e.estado, e.entidades]))).toEqual({
      sin_iniciar: 43,
      en_tramite: 0,
      vencido: 2,
      aprobado_a_tiempo: 1,
      aprobado_tarde: 1,
      adoptado_decreto: 1,
    });
  });

  it('reads the states of the approval deadline itself', async () => {
    const { entidades } = await obtener<{ entidades: Entidad[] }>(`${TOLIMA}2024-05-31`);
    expect(
      entidades.filter((e) => e.ultimoHito).map((e) => [e.codigo, e.estado, e.diasRetraso]),
    ).toEqual([
      ['73', 'aprobado_a_tiempo', 0],
      ['73001', 'en_tramite', 0],
      ['73024', 'en_tramite', 0],
      ['73026', 'en_tramite', 0],
      ['73030', 'vencido', 92],
    ]);
  });

  it('lists the overdue entities, most days late first', async () => {
    const { entidades } = await obtener<{ entidades: Entidad[] }>(
      '/api/v1/pdt/vencidas?departamento=73&fecha_corte=2024-06-30',
    );
    expect(
      entidades.map((e) => [e.codigo, e.hitoPendiente, e.plazoPendiente, e.diasRetraso]),
    ).toEqual([
      ['73030', 'radicado_ctp', '2024-02-29', 122],
      ['73024', 'aprobado', '2024-05-31', 30],
    ]);
  });

  it('gives the phase III metrics', async () => {
    const resumen = await obtener<{
      entidades: number;
      aprobadoATiempo: Record<string, unknown>;
      vencidasPorHito: { hito: string; entidades: number }[];
      embudo: { hito: string; entidades: number }[];
      asistencias: unknown;
    }>('/api/v1/pdt/resumen?departamento=73&fecha_corte=2024-06-30');
    // Against every entity that adopts a plan: the department and its 47 municipalities.
    expect(resumen.entidades).toBe(48);
    expect(resumen.aprobadoATiempo).toMatchObject({
      nacional: { entidades: 48, aprobadasATiempo: 1, porcentaje: 1 / 48 },
      porNivel: [
        { nivel: 'departamento', entidades: 1, aprobadasATiempo: 1, porcentaje: 1 },
        { nivel: 'municipio', entidades: 47, aprobadasATiempo: 0, porcentaje: 0 },
      ],
      porCategoria: [
        { categoria: '1', entidades: 1, aprobadasATiempo: 0, porcentaje: 0 },
        { categoria: '6', entidades: 3, aprobadasATiempo: 0, porcentaje: 0 },
      ],
      porDepartamento: [{ codigo: '73', nombre: 'Tolima', entidades: 48, aprobadasATiempo: 1 }],
      asistidas: { entidades: 3, aprobadasATiempo: 1 },
      noAsistidas: { entidades: 45, aprobadasATiempo: 0, porcentaje: 0 },
    });
    expect(Object.fromEntries(resumen.vencidasPorHito.map((v) => [v.hito, v.entidades]))).toEqual({
      anteproyecto: 0,
      radicado_ctp: 1,
      concepto_ctp: 0,
      radicado_corporacion: 0,
      aprobado: 1,
    });
    expect(resumen.embudo.map((p) => p.entidades)).toEqual([5, 4, 4, 4, 3]);
    expect(resumen.asistencias).toEqual({ total: 3, horas: 9.5, entidades: 3 });
  });

  it('counts Cesar, approved on the last day, as on time nationally', async () => {
    const { entidades } = await obtener<{ entidades: Entidad[] }>(
      '/api/v1/pdt/estados?municipio=&departamento=20&nivel=departamento&fecha_corte=2024-06-30',
    );
    expect(entidades.map((e) => [e.codigo, e.estado])).toEqual([['20', 'aprobado_a_tiempo']]);
  });

  it.each([
    ['fecha_corte=2024-13-01', 'El parámetro «fecha_corte» debe ser una fecha aaaa-mm-dd.'],
    [
      'departamento=98',
      'El parámetro «departamento» no corresponde a ningún código conocido («98»).',
    ],
    ['nivel=vereda', 'El parámetro «nivel» debe ser uno de: departamento, municipio.'],
    ['fase=III', expect.stringMatching(/^El parámetro «fase» no existe\./)],
  ])('answers 400 in Spanish to %s', async (consulta, mensaje) => {
    const response = await fetch(`${server.baseUrl}/api/v1/pdt/estados?${consulta}`);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: expect.objectContaining({ mensaje }),
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await obtener<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/pdt'))).toEqual([
      '/api/v1/pdt/metricas',
      '/api/v1/pdt/estados',
      '/api/v1/pdt/vencidas',
      '/api/v1/pdt/resumen',
      '/api/v1/pdt/asistencias',
    ]);
  });
});

describe('charts', () => {
  const datos = (id: string) =>
    obtener<{
      filas: { clave: string; valor: number; texto: string }[];
      contexto: { fechaCorte: string };
    }>(`/api/v1/graficos/${id}.json?fase=III&departamento=73&fecha_corte=2024-06-30`);

  it('draws the states, the funnel and the ranking with the API’s numbers', async () => {
    const estados = await datos('pdt-estados');
    expect(estados.contexto.fechaCorte).toBe('30/06/2024');
    expect(estados.filas.map((f) => [f.clave, f.valor])).toEqual([
      ['sin_iniciar', 43],
      ['en_tramite', 0],
      ['vencido', 2],
      ['aprobado_a_tiempo', 1],
      ['aprobado_tarde', 1],
      ['adoptado_decreto', 1],
    ]);
    expect((await datos('pdt-embudo')).filas.map((f) => f.valor)).toEqual([5, 4, 4, 4, 3]);
    expect((await datos('pdt-estados-por-departamento')).filas).toEqual([
      { clave: '73', etiqueta: 'Tolima', serie: 'Sin hitos registrados', valor: 43, texto: '43' },
      { clave: '73', etiqueta: 'Tolima', serie: 'Con un plazo vencido', valor: 2, texto: '2' },
      { clave: '73', etiqueta: 'Tolima', serie: 'Aprobado a tiempo', valor: 1, texto: '1' },
      { clave: '73', etiqueta: 'Tolima', serie: 'Aprobado fuera de plazo', valor: 1, texto: '1' },
      { clave: '73', etiqueta: 'Tolima', serie: 'Adoptado por decreto', valor: 1, texto: '1' },
    ]);
    expect((await datos('pdt-aprobado-por-departamento')).filas).toEqual([
      { clave: '73', etiqueta: 'Tolima', valor: 2.1, texto: '2,1 %' },
    ]);
    expect((await datos('pdt-asistencias-por-mes')).filas.map((f) => [f.clave, f.valor])).toEqual([
      ['2024-02', 1],
      ['2024-03', 1],
      ['2024-04', 1],
    ]);
  });
});

describe('phase III balance workbook', () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const response = await fetch(
      `${server.baseUrl}/api/v1/reportes/balance?fase=III&departamento=73&fecha_corte=2024-06-30`,
    );
    expect(response.status).toBe(200);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  });

  it('has an Estado PDT sheet: one row per entity, its milestones and state, late ones highlighted', () => {
    const hoja = wb.getWorksheet('Estado PDT')!;
    const encabezados = (hoja.getRow(1).values as string[]).slice(1);
    const col = (titulo: string) => encabezados.indexOf(titulo) + 1;
    const filas = [2, 3, 4, 5, 6].map((r) => hoja.getRow(r));
    expect(
      filas.map((r) => [
        r.getCell(1).value,
        r.getCell(col('Estado')).value,
        r.getCell(col('Días de retraso')).value,
      ]),
    ).toEqual([
      ['73', 'Aprobado a tiempo', 0],
      ['73001', 'Aprobado fuera de plazo', 0],
      ['73024', 'Con un plazo vencido', 30],
      ['73026', 'Adoptado por decreto', 0],
      ['73030', 'Con un plazo vencido', 122],
    ]);
    const aprobado = filas[0].getCell(col('Aprobado (ordenanza o acuerdo)')).value as Date;
    expect(aprobado.toISOString().slice(0, 10)).toBe('2024-05-28');
    expect(filas[0].getCell(col('Acto de adopción')).value).toBe('Ordenanza 012 de 2024');
    expect(filas.map((r) => r.getCell(col('Categoría')).value)).toEqual([null, '1', '6', '6', '6']);
    const formatos = (
      hoja as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    const retraso = hoja.getColumn(col('Días de retraso')).letter;
    expect(formatos).toEqual([
      expect.objectContaining({
        ref: `A2:${hoja.getColumn(encabezados.length).letter}49`,
        rules: [
          expect.objectContaining({ formulae: [`$${retraso}2>0`] }),
          expect.objectContaining({
            formulae: [expect.stringContaining('Aprobado fuera de plazo')],
          }),
        ],
      }),
    ]);
  });

  it('defines the phase III metrics in the methodology sheet', () => {
    const metricas = wb.getWorksheet('Metodología')!.getColumn(1).values;
    expect(metricas).toEqual(
      expect.arrayContaining([
        'Entidades por estado del PDT',
        'PDT aprobados a tiempo',
        'Aprobación a tiempo: asistidas frente a no asistidas',
      ]),
    );
  });

  it('has an Asistencias técnicas sheet with its totals', () => {
    const hoja = wb.getWorksheet('Asistencias técnicas')!;
    expect([2, 3, 4].map((r) => (hoja.getRow(r).values as unknown[]).slice(2))).toEqual([
      ['73030', 'Ambalema', 'Diagnóstico', 'Virtual', 'DNP', 2.5, 4],
      ['73024', 'Alpujarra', 'Parte estratégica', 'Presencial', 'ESAP', 3, 6],
      ['73', 'Tolima', 'Plan plurianual de inversiones', 'Híbrida', 'DNP', 4, 10],
    ]);
    const total = hoja.getRow(5);
    expect(total.getCell(1).value).toBe('Total: 3 asistencias');
    expect(total.getCell(7).value).toEqual({ formula: 'SUM(G2:G4)', result: 9.5 });
    expect(total.getCell(8).value).toEqual({ formula: 'SUM(H2:H4)', result: 20 });
  });
});

describe('dashboard', () => {
  let navegador: Browser;
  let vigilada: PaginaVigilada;
  let page: Page;

  beforeAll(async () => {
    navegador = await abrirNavegador();
    vigilada = await nuevaPagina(navegador);
    page = vigilada.page;
  });

  afterAll(async () => {
    await navegador?.close();
  });

  it('shows Fase III: the PDT charts and the overdue entities with their days late', async () => {
    await page.goto(`${server.baseUrl}/fases?fase=III&departamento=73&fecha_corte=2024-06-30`);
    await page.waitForSelector('main[aria-busy="false"]');
    await page.waitForSelector('[data-lista="pdt-vencidas"] table');
    for (const id of [
      'pdt-estados',
      'pdt-estados-por-departamento',
      'pdt-aprobado-por-departamento',
      'pdt-embudo',
      'pdt-asistencias-por-mes',
    ]) {
      await expect(
        page.locator(`[data-grafico="${id}"]`).getAttribute('data-estado'),
      ).resolves.toBe('listo');
    }
    const filas = await page
      .locator('[data-lista="pdt-vencidas"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent)),
      );
    expect(filas).toEqual([
      [
        'Ambalema (73030)',
        'Tolima',
        'Radicado ante el Consejo Territorial de Planeación',
        '29/02/2024',
        '122',
      ],
      ['Alpujarra (73024)', 'Tolima', 'Aprobado (ordenanza o acuerdo)', '31/05/2024', '30'],
    ]);
    await expect(page.locator('.cifras-pdt').innerText()).resolves.toBe(
      'Al 30/06/2024: 1 de 48 entidades con el PDT aprobado a tiempo (2,1 %); 2 con un plazo vencido; ' +
        '43 sin hitos registrados; 3 asistencias técnicas (9,5 horas) a 3 entidades. Aprobado a tiempo entre las asistidas: ' +
        '33,3 %; entre las no asistidas: 0 %.',
    );
    const estados = page.locator('[data-grafico="pdt-estados"]');
    await estados.getByRole('button', { name: 'Ver datos' }).click();
    await expect(estados.locator('table').innerText()).resolves.toContain('Con un plazo vencido');
    await page.screenshot({ path: join(CARPETA_CAPTURAS, 'fase-iii-pdt.png'), fullPage: true });
    expect(vigilada.errores).toEqual([]);
  });

  it('says once, in a department without milestones nor technical assistance, what the section lacks', async () => {
    await page.goto(`${server.baseUrl}/fases?fase=III&departamento=91&fecha_corte=2024-06-30`);
    await page.waitForSelector('main[aria-busy="false"]');
    await expect(page.locator('.pdt .vacio').allInnerTexts()).resolves.toEqual([
      'Sin hitos de los planes de desarrollo ni asistencias técnicas registrados para estos filtros.',
    ]);
    await expect(page.locator('.pdt [data-grafico], .pdt [data-lista]').count()).resolves.toBe(0);
    await expect(page.locator('.cifras-pdt').innerText()).resolves.toBe('');
    expect(vigilada.errores).toEqual([]);
  });

  it('reads the states on another date, and a department’s bar filters the page by it', async () => {
    await page.goto(`${server.baseUrl}/fases?fase=III&departamento=73&fecha_corte=2024-06-30`);
    await page.waitForSelector('main[aria-busy="false"]');
    await page.locator('input[name="fecha_corte"]').fill('2024-05-31');
    await page.locator('input[name="fecha_corte"]').dispatchEvent('change');
    await page.waitForFunction("location.search.includes('fecha_corte=2024-05-31')");
    await page.waitForSelector('main[aria-busy="false"]');
    const filas = page.locator('[data-lista="pdt-vencidas"] tbody tr');
    await expect(filas.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(
        /^Ambalema \(73030\)\s+Tolima\s+Radicado ante el Consejo Territorial de Planeación\s+29\/02\/2024\s+92$/,
      ),
    ]);
    await page.goto(`${server.baseUrl}/fases?fase=III&fecha_corte=2024-06-30`);
    await page.waitForSelector('main[aria-busy="false"]');
    const ranking = page.locator('[data-grafico="pdt-aprobado-por-departamento"]');
    await ranking.getByRole('button', { name: 'Ver datos' }).click();
    await ranking.getByRole('button', { name: 'Cesar' }).click();
    await page.waitForFunction("location.search.includes('departamento=20')");
    await page.waitForSelector('main[aria-busy="false"]');
    await expect(page.locator('[data-lista="pdt-vencidas"] .vacio').innerText()).resolves.toBe(
      'Ninguna entidad tiene un plazo vencido en esta fecha.',
    );
    expect(vigilada.errores).toEqual([]);
  });

  it('draws only the technical assistance where no plan has a milestone, and says what is missing', async () => {
    // Amazonas: its government assisted, none of its plans' milestones loaded.
    const amazonas = texto('asistencia-amazonas.csv', [
      ['fecha', 'codigo_entidad', 'tema', 'modalidad', 'oferente', 'horas', 'funcionarios'],
      ['14/03/2024', '91', 'diagnóstico', 'virtual', 'DNP', '2', '3'],
    ]);
    expect(conteo(await importar('asistencias_tecnicas', amazonas))).toMatchObject({
      aceptadas: 1,
      rechazadas: 0,
    });
    await page.goto(`${server.baseUrl}/fases?fase=III&departamento=91&fecha_corte=2024-06-30`);
    await page.waitForSelector('main[aria-busy="false"]');
    await expect(
      page
        .locator('.pdt [data-grafico]')
        .evaluateAll((paneles) =>
          paneles.map((p) => [p.getAttribute('data-grafico'), p.getAttribute('data-estado')]),
        ),
    ).resolves.toEqual([['pdt-asistencias-por-mes', 'listo']]);
    await expect(page.locator('.pdt .vacio').allInnerTexts()).resolves.toEqual([
      'Sin hitos de los planes de desarrollo registrados para estos filtros: no hay estados, embudo ni plazos vencidos que mostrar.',
    ]);
    await expect(page.locator('.pdt [data-lista]').count()).resolves.toBe(0);
    expect(vigilada.errores).toEqual([]);
  });
});
