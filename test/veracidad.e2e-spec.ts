/**
 * Every figure tells the truth: each statement of the source document (DNP
 * 2023, ../shared/seed/FACTS.md), as the API's phase "as declared", the
 * charts' data and the phase balance workbook state it; and none of them
 * states a figure, a date, a territory or a qualifier the source does not give.
 */
import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from './support/test-app';
import { jsonDe } from './support/api';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('veracidad');
});

afterAll(async () => {
  await server?.close();
});

const json = <T>(ruta: string) => jsonDe<T>(server, ruta);

interface Cifra {
  valor: number | null;
  texto: string;
  motivo?: string;
}

interface Linea {
  codigo: string;
  nombre: string;
  actividades: number | null;
  texto: string;
  canal: string | null;
  lugar: string | null;
  fechas: string | null;
}

/**
 * The source's statements: [phase, activity or cycle, count, figure as declared, channel, place, date or
 * period]. Where the source gives only the year, or no count or date, so does the line.
 */
const DECLARACIONES: [
  string,
  string,
  number | null,
  string,
  string | null,
  string | null,
  string | null,
][] = [
  ['I', 'F1-WEBINARS', 6, '11.991 vistas', 'YouTube Live', null, 'abril a julio de 2023'],
  ['I', 'F1-CURSO-YES', 1, '20.743 personas certificadas', null, null, '2023'],
  [
    'I',
    'F1-EVENTOS',
    7,
    '540 asistentes presenciales',
    'Presencial',
    'Bajo Cauca (Antioquia), Cali, Catatumbo (Norte de Santander), Cúcuta, Medellín, Oriente Antioqueño y Riohacha',
    'abril a julio de 2023',
  ],
  ['I', 'F1-GUIA-PG', 1, '—', 'Sitio web del DNP y Portal Territorial', null, '28/06/2023'],
  ['I', 'F1-CIRCULAR-002', 1, '—', null, null, '2023'],
  ['I', 'F1-FICHAS', null, '—', 'Sitio web del DNP y Portal Territorial', null, null],
  ['I', 'F1-DRV', null, '—', 'Sitio web del DNP y Portal Territorial', null, null],
  [
    'II',
    'F2-CAPACITACIONES',
    3,
    '≈ 300 asistentes remotos',
    'Microsoft Teams',
    null,
    'abril a junio de 2023',
  ],
  [
    'II',
    'F2-LANZAMIENTO',
    1,
    '> 300 presenciales · ≈ 1.700 remotos',
    null,
    'Ibagué (Tolima), con la Gobernación del Tolima',
    '17/07/2023',
  ],
  [
    'II',
    'F2-TALLERES',
    38,
    '3.715 asistentes presenciales',
    'Presencial',
    'Todo el territorio nacional, con las gobernaciones',
    '03/08/2023 a 11/10/2023',
  ],
  ['II', 'F2-WEBINARS', 13, '11.551 vistas', 'YouTube Live', null, 'junio a diciembre de 2023'],
  ['II', 'F2-CONVERSATORIOS', 3, '3.641 asistentes remotos', null, null, '2023'],
  ['II', 'F2-REFUERZO', 1, '505 asistentes remotos', 'Google Meet', null, '2023'],
];

describe('the phase as declared', () => {
  it.each(DECLARACIONES)(
    'fase %s, %s: %i, %s, %s, %s, %s',
    async (fase, codigo, actividades, texto, canal, lugar, fechas) => {
      const { lineas } = await json<{ lineas: Linea[] }>(`/api/v1/fases/${fase}/declarado`);
      expect(lineas.find((l) => l.codigo === codigo)).toMatchObject({
        actividades,
        texto,
        canal,
        lugar,
        fechas,
      });
    },
  );

  it('has the source’s lines only: phase I six, phase II seven, phase III none yet', async () => {
    const cuantas = async (fase: string) =>
      (await json<{ lineas: Linea[] }>(`/api/v1/fases/${fase}/declarado`)).lineas.length;
    // Phase I: webinars, course, events, the guide, the fichas, the Diálogos Regionales, the circular.
    expect(await cuantas('I')).toBe(7);
    // Phase II: the guide and its launch, trainings, workshops, webinars, conversatorios, reinforcement.
    expect(await cuantas('II')).toBe(7);
    expect(await cuantas('III')).toBe(0);
  });
});

describe('what no output may state', () => {
  const sinDosMil = (cuerpo: unknown) => {
    const texto = JSON.stringify(cuerpo);
    expect(texto).not.toContain('≈ 2.000');
    expect(texto).not.toMatch(/"valor":2000,"calificador":"aproximado","texto":"≈/);
  };

  it.each([
    '/api/v1/kpis?tipo=lanzamiento',
    '/api/v1/desglose?por=actividad&fase=II',
    '/api/v1/desglose?por=tipo&fase=II',
    '/api/v1/desglose?por=departamento&fase=II',
    '/api/v1/desglose?por=municipio&fase=II',
    '/api/v1/graficos/interacciones-por-departamento.json?fase=II',
    '/api/v1/graficos/mapa-por-municipio.json?departamento=73',
    '/api/v1/actividades?fase=II&tamano=100',
    '/api/v1/cobertura?fase=II',
  ])('%s never tells the launch as ≈ 2.000', async (ruta) => {
    sinDosMil(await json(ruta));
  });

  it('places no figure of April–July in April, nor one the source dates by its year in a month', async () => {
    const { puntos, tramos } = await json<{
      puntos: { periodo: string; acumulado: Cifra }[];
      tramos: { desde: string; hasta: string; cifra: Cifra }[];
    }>('/api/v1/series?metrica=interacciones&periodo=mes&fase=I');
    // Webinars and events ran from April to July; the course's 20.743 the source dates only «2023».
    expect(puntos.map((p) => [p.periodo, p.acumulado.texto])).toEqual([
      ['2023-07-01', '12.531'],
      ['2023-12-01', '33.274'],
    ]);
    expect(tramos.map((t) => [t.desde, t.hasta, t.cifra.texto])).toEqual([
      ['2023-01-01', '2023-12-01', '20.743'],
      ['2023-04-01', '2023-07-01', '12.531'],
    ]);
    const { filas } = await json<{ filas: { etiqueta: string; texto: string }[] }>(
      '/api/v1/graficos/actividades-por-mes.json?fase=II',
    );
    // The 38 workshops ran from August to October: a period, not 38 activities of August.
    expect(filas.map((f) => `${f.etiqueta}: ${f.texto}`)).toContain('ago 2023 – oct 2023: 38');
  });

  it('puts in no period the publications the source does not date, and says how many', async () => {
    const { filas, contexto } = await json<{
      filas: { etiqueta: string; texto: string }[];
      contexto: { nota?: string };
    }>('/api/v1/graficos/actividades-por-mes.json?fase=I');
    // The guide is dated; the course and Circular 002 only «2023»; the fichas and the systematisation, not at all.
    expect(filas.map((f) => `${f.etiqueta}: ${f.texto}`)).toEqual([
      '2023: 2',
      'abr 2023 – jul 2023: 13',
      'jun 2023: 1',
    ]);
    expect(contexto.nota).toBe(
      'Actividades realizadas sin fecha en la fuente (fuera de todo periodo): 2.',
    );
    const acumulado = await json<{ contexto: { nota?: string } }>(
      '/api/v1/graficos/interacciones-acumuladas.json?fase=I',
    );
    expect(acumulado.contexto.nota).toBeUndefined();
  });

  it('draws a running total at every month, carried over those that add nothing', async () => {
    const { filas } = await json<{ filas: { etiqueta: string; texto: string }[] }>(
      '/api/v1/graficos/interacciones-acumuladas.json?fase=I',
    );
    // Known: 12.531 at the end of July, the course's 20.743 at the end of 2023; nothing new between.
    expect(filas.map((f) => `${f.etiqueta}: ${f.texto}`)).toEqual([
      'jul 2023: 12.531',
      'ago 2023: 12.531',
      'sep 2023: 12.531',
      'oct 2023: 12.531',
      'nov 2023: 12.531',
      'dic 2023: 33.274',
    ]);
  });

  it('puts the launch’s room in Tolima, and those who joined from afar in no department', async () => {
    const { filas } = await json<{
      filas: { clave: string | null; cifras: { asistencias: Cifra } }[];
    }>('/api/v1/desglose?por=departamento&tipo=lanzamiento');
    expect(
      filas
        .filter((f) => f.cifras.asistencias.valor)
        .map((f) => [f.clave, f.cifras.asistencias.texto]),
    ).toEqual([
      [null, '≈ 1.700'],
      ['73', '> 300'],
    ]);
  });

  it('gives the members of a cycle no zero: their figure is the cycle’s', async () => {
    const { filas } = await json<{
      filas: { clave: string; cifras: { vistas: Cifra; asistencias: Cifra } }[];
    }>('/api/v1/desglose?por=actividad');
    const webinar = filas.find((f) => f.clave === 'F1-WEB-03')!;
    expect(webinar.cifras.vistas).toEqual({
      valor: null,
      calificador: null,
      texto: '—',
      motivo: 'en la cifra del ciclo Ciclo de webinars de la Fase I (YouTube Live del DNP): 11.991',
    });
    const taller = filas.find((f) => f.clave === 'F2-TAL-17')!;
    expect(taller.cifras.asistencias).toMatchObject({
      valor: null,
      motivo: 'en la cifra del ciclo Talleres presenciales de transición (ESAP, DNP y DAFP): 3.715',
    });
    const ceros = filas.filter((f) =>
      Object.values(f.cifras).some((c) => (c as Cifra).valor === 0),
    );
    expect(ceros.map((f) => f.clave)).toEqual([]);
  });

  it('has no certified persons in phase II: «—», the source gives no figure', async () => {
    const { kpis } = await json<{ kpis: { metrica: string; cifra: Cifra }[] }>(
      '/api/v1/kpis?fase=II',
    );
    expect(kpis.find((k) => k.metrica === 'certificados')!.cifra).toEqual({
      valor: null,
      calificador: null,
      texto: '—',
      motivo: 'sin cifra en la fuente',
    });
  });

  it('compares with a month before only where what held then is known', async () => {
    const { kpis } = await json<{ kpis: { metrica: string; anterior: Cifra | null }[] }>(
      '/api/v1/kpis',
    );
    // Every figure of the source is declared at its 31/12/2023 cut-off: a month before, it was not known.
    expect(kpis.filter((k) => k.anterior !== null)).toEqual([
      expect.objectContaining({ metrica: 'actividades' }),
    ]);
  });

  it('tells the units apart: no card reads as persons reached', async () => {
    const { kpis } = await json<{ kpis: { metrica: string; etiqueta: string; unidad: string }[] }>(
      '/api/v1/kpis',
    );
    expect(kpis.find((k) => k.metrica === 'interacciones')).toMatchObject({
      etiqueta: 'Interacciones registradas',
      unidad: 'vistas + personas certificadas + asistencias',
    });
    expect(JSON.stringify(kpis)).not.toMatch(/Alcance total|personas y vistas/);
  });

  it('counts the workshops as national coverage and the events as a joint figure', async () => {
    const cobertura = await json<{
      departamentos: { alcanzados: number; enCifrasConjuntas: number; total: number };
      nacional: Cifra;
      porDepartamento: { codigo: string; estado: string }[];
    }>('/api/v1/cobertura');
    expect(cobertura.departamentos).toMatchObject({
      alcanzados: 1,
      enCifrasConjuntas: 4,
      total: 33,
    });
    expect(cobertura.nacional.texto).toBe('3.715');
    expect(
      cobertura.porDepartamento
        .filter((d) => d.estado !== 'sin_alcanzar')
        .map((d) => [d.codigo, d.estado]),
    ).toEqual([
      ['73', 'propia'],
      ['05', 'conjunta'],
      ['44', 'conjunta'],
      ['54', 'conjunta'],
      ['76', 'conjunta'],
    ]);
  });

  it('names the places reached only in a joint figure, on the maps and in the breakdowns', async () => {
    type Fila = { clave: string; etiqueta: string; conjunta?: boolean };
    const conjuntas = async (id: string) =>
      (await json<{ filas: Fila[] }>(`/api/v1/graficos/${id}.json`)).filas
        .filter((f) => f.conjunta)
        .map((f) => [f.clave, f.etiqueta]);
    expect(await conjuntas('mapa-por-departamento')).toEqual([
      ['05', 'Antioquia'],
      ['44', 'La Guajira'],
      ['54', 'Norte de Santander'],
      ['76', 'Valle del Cauca'],
    ]);
    const municipios = await conjuntas('mapa-por-municipio');
    expect(municipios).toHaveLength(44);
    expect(municipios).toContainEqual(['05001', 'Medellín (Antioquia)']);
    expect(municipios.filter(([clave, etiqueta]) => etiqueta === clave)).toEqual([]);
    const desglose = await json<{ enCifrasConjuntas: { clave: string; etiqueta: string }[] }>(
      '/api/v1/desglose?por=departamento',
    );
    expect(desglose.enCifrasConjuntas).toContainEqual({ clave: '44', etiqueta: 'La Guajira' });
  });

  it('draws a department reached only in joint figures as such: no «sin datos», no empty note', async () => {
    const ruta = '/api/v1/graficos/mapa-por-municipio';
    const datos = await json<{ filas: { conjunta?: boolean }[]; contexto: { nota?: string } }>(
      `${ruta}.json?departamento=05`,
    );
    expect(datos.filas.length).toBeGreaterThan(0);
    expect(datos.filas.every((f) => f.conjunta)).toBe(true);
    expect(datos.contexto.nota).toBeUndefined();
    const svg = await (await fetch(`${server.baseUrl}${ruta}.svg?departamento=05`)).text();
    expect(svg).toContain('Alcanzado en cifra conjunta');
    expect(svg).not.toContain('Sin datos');
    expect(svg).not.toMatch(/registradas: \./);
  });
});

describe('the phase balance workbook', () => {
  let libro: ExcelJS.Workbook;

  beforeAll(async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/reportes/balance?fase=II`);
    expect(response.status).toBe(200);
    libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  });

  const celdas = () =>
    libro.worksheets.flatMap((hoja) => {
      const todas: { hoja: string; celda: string; valor: unknown }[] = [];
      hoja.eachRow((fila) =>
        fila.eachCell((celda) =>
          todas.push({ hoja: hoja.name, celda: celda.address, valor: celda.value }),
        ),
      );
      return todas;
    });

  it('never tells the launch as ≈ 2.000 nor as 2.000', () => {
    const lanzamiento = celdas().filter((c) =>
      ['≈ 2.000', 2000, '2.000'].includes(c.valor as string | number),
    );
    expect(lanzamiento).toEqual([]);
  });

  it('tells the launch as the source does in its activity row, and only its room in Tolima’s', () => {
    const hojas = (valor: string) =>
      celdas()
        .filter((c) => c.valor === valor)
        .map((c) => c.hoja);
    expect(hojas('> 300 presenciales · ≈ 1.700 remotos')).toContain('Actividades');
    expect(hojas('> 300 presenciales · ≈ 1.700 remotos')).not.toContain('Territorios');
  });
});
