/**
 * Every route that takes filters (read from the application's own OpenAPI
 * document) × every filter it takes: the answer moves exactly as the records
 * and declared figures in scope say, on a small dataset whose figures are
 * computed by hand below. A route that takes a filter and ignores it fails here.
 */
import ExcelJS from 'exceljs';
import { CAMPOS_FILTRO, CampoFiltro, FILTROS } from '@tablero/metrics';
import { texto } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { startTestApp, TestApp } from './support/test-app';
import { jsonDe } from './support/api';

let server: TestApp;

/**
 * Thirteen attendances, one person each, and the activities of the reference data they belong to:
 * phase II workshops (cycle F2-TALLERES), the reinforcement session (ally Asocapitales, virtual),
 * a readiness training (cycle F2-CAPACITACIONES, virtual) and the phase I event in Cali.
 */
const ASISTENCIAS: [string, string, string, string, number][] = [
  // activity, municipality, group, modality, how many
  ['F2-TAL-01', '05001', 'autoridades_salientes', 'presencial', 3], // Medellín
  ['F2-TAL-01', '05120', 'jefes_control_interno', 'presencial', 2], // Cáceres: Bajo Cauca, also PDET
  ['F2-TAL-02', '54206', 'autoridades_salientes', 'presencial', 2], // Convención: Catatumbo, also PDET
  ['F2-TAL-02', '54003', '', 'presencial', 1], // Ábrego: Catatumbo
  ['F2-REFUERZO', '76001', 'ciudadania', 'virtual', 2], // Cali
  ['F2-CAP-01', '19050', '', 'virtual', 2], // Argelia: PDET Alto Patía
  ['F1-EVT-CALI', '76001', 'candidatos', 'presencial', 1],
];

/** A value of each filter that leaves part of the dataset out. */
const VALOR: Record<CampoFiltro, string> = {
  fase: 'I',
  desde: '2023-08-01',
  hasta: '2023-07-31',
  fechaCorte: '2023-07-20',
  departamento: '54',
  municipio: '05001',
  subregion: 'catatumbo',
  tipoSubregion: 'pdet',
  tipo: 'taller_presencial',
  aliado: 'asocapitales',
  grupo: 'autoridades_salientes',
  modalidad: 'virtual',
};

type Cifras = Record<CampoFiltro | 'ninguno', number>;

/** The records alone: each is one person. */
const REGISTROS: Cifras = {
  ninguno: 13,
  fase: 1,
  desde: 10,
  hasta: 5,
  fechaCorte: 5,
  departamento: 3,
  municipio: 3,
  subregion: 3,
  tipoSubregion: 6,
  tipo: 8,
  aliado: 2,
  grupo: 5,
  modalidad: 4,
};

/**
 * Attendances in scope: the records, and the declared figures no record replaces (the launch's
 * "más de 300" in person in Ibagué and "cerca de 1.700" remote, the conversatorios' 3.641, virtual,
 * these two without a place), which are in force at the reference cut-off (31/12/2023) only.
 */
const ASISTENCIAS_EN_AMBITO: Cifras = {
  ...REGISTROS,
  ninguno: 13 + 300 + 1700 + 3641,
  desde: 10 + 3641,
  hasta: 5 + 300 + 1700 + 3641,
  modalidad: 4 + 1700 + 3641,
};

/** The attendances on each activity's own row: the cycle-wide conversatorios figure is on none. */
const ASISTENCIAS_POR_ACTIVIDAD: Cifras = {
  ...REGISTROS,
  ninguno: 13 + 2000,
  hasta: 5 + 2000,
  modalidad: 4 + 1700,
};

/**
 * Municipalities reached: those of the records, and Ibagué where the launch's in-person figure is in
 * scope (those who joined it from afar have no place).
 */
const MUNICIPIOS_ALCANZADOS: Cifras = {
  ninguno: 7,
  fase: 1,
  desde: 5,
  hasta: 3,
  fechaCorte: 2,
  departamento: 2,
  municipio: 1,
  subregion: 2,
  tipoSubregion: 3,
  tipo: 4,
  aliado: 1,
  grupo: 2,
  modalidad: 2,
};

/**
 * The records beside the declared figures they replace (the workshops', the trainings', the
 * reinforcement's, the phase I events'), where a declared figure is in scope by its own place
 * (none: they are national or joint), group (none) and modality, in force at the cut-off.
 */
const REGISTRADO_EN_CONCILIACION: Cifras = {
  ...REGISTROS,
  fechaCorte: 0,
  departamento: 0,
  municipio: 0,
  subregion: 0,
  tipoSubregion: 0,
  grupo: 0,
};

/** Territorial entities that adopt a PDT: the filters that choose places, the rest unchanged. */
const ENTIDADES_PDT: Partial<Cifras> = {
  ninguno: 1135,
  departamento: 41,
  municipio: 1,
  subregion: 11,
  tipoSubregion: 170,
  fechaCorte: 1135,
  desde: 1135,
};

interface Medida {
  readonly esperado: Partial<Cifras>;
  medir(consulta: URLSearchParams): Promise<number>;
}

const json = <T>(ruta: string, init?: RequestInit) => jsonDe<T>(server, ruta, init);

const con = (consulta: URLSearchParams, propios: Record<string, string>) => {
  const q = new URLSearchParams(consulta);
  for (const [k, v] of Object.entries(propios)) q.set(k, v);
  return `?${q}`;
};

type Cifra = { valor: number | null };
const suma = (valores: (number | null)[]) => valores.reduce<number>((s, v) => s + (v ?? 0), 0);

/** How each route's answer is measured, by its path in the OpenAPI document. */
const MEDIDAS: Record<string, Medida> = {
  '/api/v1/kpis': {
    esperado: ASISTENCIAS_EN_AMBITO,
    medir: async (c) => {
      const { kpis } = await json<{ kpis: { metrica: string; cifra: Cifra }[] }>(
        `/api/v1/kpis${con(c, {})}`,
      );
      return kpis.find((k) => k.metrica === 'asistencias')!.cifra.valor ?? 0;
    },
  },
  '/api/v1/personas-unicas': {
    esperado: REGISTROS,
    medir: async (c) =>
      (await json<{ cifra: Cifra | null }>(`/api/v1/personas-unicas${con(c, {})}`)).cifra?.valor ??
      0,
  },
  '/api/v1/series': {
    esperado: ASISTENCIAS_EN_AMBITO,
    medir: async (c) =>
      suma(
        (
          await json<{ puntos: { cifra: Cifra }[] }>(
            `/api/v1/series${con(c, { metrica: 'asistencias' })}`,
          )
        ).puntos.map((p) => p.cifra.valor),
      ),
  },
  '/api/v1/desglose': {
    esperado: ASISTENCIAS_EN_AMBITO,
    medir: async (c) =>
      (
        await json<{ total: Record<string, Cifra> }>(
          `/api/v1/desglose${con(c, { por: 'modalidad' })}`,
        )
      ).total.asistencias.valor ?? 0,
  },
  '/api/v1/cobertura': {
    esperado: MUNICIPIOS_ALCANZADOS,
    medir: async (c) =>
      (await json<{ municipios: { alcanzados: number } }>(`/api/v1/cobertura${con(c, {})}`))
        .municipios.alcanzados,
  },
  '/api/v1/conciliacion': {
    esperado: REGISTRADO_EN_CONCILIACION,
    medir: async (c) =>
      suma(
        (
          await json<{ partidas: { registrado: number }[] }>(`/api/v1/conciliacion${con(c, {})}`)
        ).partidas.map((p) => p.registrado),
      ),
  },
  '/api/v1/actividades': {
    esperado: ASISTENCIAS_POR_ACTIVIDAD,
    medir: async (c) =>
      suma(
        (
          await json<{ filas: { cifras: Record<string, Cifra> }[] }>(
            `/api/v1/actividades${con(c, { tamano: '500' })}`,
          )
        ).filas.map((f) => f.cifras.asistencias.valor),
      ),
  },
  '/api/v1/graficos/{archivo}': {
    esperado: ASISTENCIAS_EN_AMBITO,
    medir: async (c) =>
      suma(
        (
          await json<{ filas: { valor: number | null }[] }>(
            `/api/v1/graficos/asistencias-por-grupo.json${con(c, {})}`,
          )
        ).filas.map((f) => f.valor),
      ),
  },
  // The drawing a panel shows: each bar reads its figure («Ciudadanía: 2», «…: > 300 presenciales ·
  // ≈ 1.700 remotos»); a lone figure is written in the middle instead, in the figures' blue.
  '/api/v1/graficos/{id}/panel.svg': {
    esperado: ASISTENCIAS_EN_AMBITO,
    medir: async (c) => {
      const svg = await (
        await fetch(
          `${server.baseUrl}/api/v1/graficos/asistencias-por-grupo/panel.svg${con(c, { ancho: '480' })}`,
        )
      ).text();
      const barras = [...svg.matchAll(/ data-lectura="[^"]*?: ([^"]*)"/g)].map(
        ([, cifra]) => cifra,
      );
      const sola = [...svg.matchAll(/<text [^>]*fill="#08306b">([^<]*)<\/text>/g)].map(
        ([, t]) => t,
      );
      return suma(
        (barras.length ? barras : sola).flatMap((cifra) =>
          (cifra.replace(/&#\d+;/g, '').match(/\d[\d.]*/g) ?? []).map((n) =>
            Number(n.replace(/\./g, '')),
          ),
        ),
      );
    },
  },
  '/api/v1/reportes/balance': {
    esperado: REGISTRADO_EN_CONCILIACION,
    medir: async (c) => {
      const response = await fetch(`${server.baseUrl}/api/v1/reportes/balance${con(c, {})}`);
      expect(response.status).toBe(200);
      const libro = new ExcelJS.Workbook();
      await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const hoja = libro.getWorksheet('Conciliación')!;
      const columna = (hoja.getRow(1).values as unknown[]).indexOf('Registrado');
      let registrado = 0;
      hoja.eachRow((fila, n) => {
        const valor = fila.getCell(columna).value;
        if (n > 1 && typeof valor === 'number') registrado += valor;
      });
      return registrado;
    },
  },
  '/api/v1/reportes/detalle': {
    esperado: REGISTROS,
    medir: async (c) => {
      const response = await fetch(
        `${server.baseUrl}/api/v1/reportes/detalle${con(c, { formato: 'csv' })}`,
      );
      expect(response.status).toBe(200);
      return (await response.text()).trim().split('\n').length - 1;
    },
  },
  '/api/v1/reportes/detalle/trabajos': {
    esperado: REGISTROS,
    medir: async (c) => {
      const { id } = await json<{ id: string }>(
        `/api/v1/reportes/detalle/trabajos${con(c, { formato: 'csv' })}`,
        { method: 'POST' },
      );
      for (;;) {
        const trabajo = await json<{ estado: string; filas: number }>(
          `/api/v1/reportes/detalle/trabajos/${id}`,
        );
        if (trabajo.estado !== 'en_curso') return trabajo.filas;
        await new Promise((listo) => setTimeout(listo, 50));
      }
    },
  },
  '/api/v1/pdt/estados': {
    esperado: ENTIDADES_PDT,
    medir: async (c) =>
      (await json<{ entidades: unknown[] }>(`/api/v1/pdt/estados${con(c, {})}`)).entidades.length,
  },
  '/api/v1/pdt/resumen': {
    esperado: ENTIDADES_PDT,
    medir: async (c) =>
      (await json<{ entidades: number }>(`/api/v1/pdt/resumen${con(c, {})}`)).entidades,
  },
  // No milestone and no assistance is recorded here: nothing is overdue or listed, whatever the filter.
  '/api/v1/pdt/vencidas': {
    esperado: Object.fromEntries(Object.keys(ENTIDADES_PDT).map((k) => [k, 0])),
    medir: async (c) =>
      (await json<{ entidades: unknown[] }>(`/api/v1/pdt/vencidas${con(c, {})}`)).entidades.length,
  },
  '/api/v1/pdt/asistencias': {
    esperado: Object.fromEntries(Object.keys(ENTIDADES_PDT).map((k) => [k, 0])),
    medir: async (c) =>
      (await json<{ asistencias: unknown[] }>(`/api/v1/pdt/asistencias${con(c, {})}`)).asistencias
        .length,
  },
};

/** The filters each route takes, as its OpenAPI parameters say. */
let rutas: [string, CampoFiltro[]][] = [];

beforeAll(async () => {
  server = await startTestApp('filtros_por_ruta');
  const filas = [
    [
      'codigo_actividad',
      'tipo_documento',
      'numero_documento',
      'codigo_municipio',
      'grupo_de_valor',
      'modalidad',
    ],
  ];
  let documento = 70_000_000;
  for (const [actividad, municipio, grupo, modalidad, cuantas] of ASISTENCIAS) {
    for (let i = 0; i < cuantas; i++)
      filas.push([actividad, 'CC', String(documento++), municipio, grupo, modalidad]);
  }
  const ruta = texto('filtros-por-ruta.csv', filas);
  const informe = await importarAceptado<{ filas: { aceptadas: number } }>(
    server,
    'asistencias',
    ruta,
  );
  expect(informe.filas.aceptadas).toBe(13);

  const doc = await json<{
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  }>('/api/docs-json');
  rutas = Object.entries(doc.paths).flatMap(([ruta, metodos]) => {
    const parametros = Object.values(metodos).flatMap((m) => m.parameters ?? []);
    const campos = CAMPOS_FILTRO.filter((campo) =>
      parametros.some((p) => p.in === 'query' && p.name === FILTROS[campo].parametro),
    );
    return campos.includes('departamento') ? [[ruta, campos] as [string, CampoFiltro[]]] : [];
  });
});

afterAll(async () => {
  await server?.close();
});

it('documents the API in Spanish: no summary or description in English', async () => {
  const textos: string[] = [];
  const recorrer = (valor: unknown, clave = ''): void => {
    if (typeof valor === 'string' && ['summary', 'description', 'title'].includes(clave))
      textos.push(valor);
    else if (valor && typeof valor === 'object')
      for (const [k, v] of Object.entries(valor)) recorrer(v, k);
  };
  recorrer(await json('/api/docs-json'));
  expect(textos.length).toBeGreaterThan(100);
  expect(textos.filter((t) => /\b(the|is|are|of|to|and|with|successful)\b/i.test(t))).toEqual([]);
});

it('measures every route that takes filters', () => {
  expect(rutas.map(([ruta]) => ruta).sort()).toEqual(Object.keys(MEDIDAS).sort());
});

it.each(Object.keys(MEDIDAS))(
  '%s answers as the figures in scope say, for every filter it takes',
  async (ruta) => {
    const { esperado, medir } = MEDIDAS[ruta];
    const campos = rutas.find(([r]) => r === ruta)![1];
    const medido: Partial<Cifras> = { ninguno: await medir(new URLSearchParams()) };
    for (const campo of campos) {
      medido[campo] = await medir(
        new URLSearchParams({ [FILTROS[campo].parametro]: VALOR[campo] }),
      );
    }
    const esperadoDeLaRuta = Object.fromEntries(
      ['ninguno', ...campos].map((c) => [c, esperado[c as CampoFiltro | 'ninguno']]),
    );
    expect(medido).toEqual(esperadoDeLaRuta);
  },
);

it('breaks attendances down by subregion, of one kind when asked', async () => {
  const porSubregion = async (consulta: string) =>
    Object.fromEntries(
      (
        await json<{ filas: { etiqueta: string; cifras: Record<string, Cifra> }[] }>(
          `/api/v1/desglose?por=subregion${consulta}`,
        )
      ).filas
        .filter((f) => f.cifras.asistencias.valor)
        .map((f) => [f.etiqueta, f.cifras.asistencias.valor]),
    );
  // A municipality in two subregions is under the first by code: the strategy's before PDET's.
  expect(await porSubregion('&tipo=taller_presencial')).toEqual({
    'Bajo Cauca (Antioquia)': 2,
    'Catatumbo (Norte de Santander)': 3,
    'Fuera de las subregiones definidas': 3,
  });
  expect(await porSubregion('&tipo=taller_presencial&tipo_subregion=pdet')).toEqual({
    'Bajo Cauca y Nordeste Antioqueño (PDET)': 2,
    'Catatumbo (PDET)': 2,
  });
  expect(await porSubregion('&tipo_subregion=pdet&modalidad=virtual')).toEqual({
    'Alto Patía y Norte del Cauca (PDET)': 2,
  });
});
