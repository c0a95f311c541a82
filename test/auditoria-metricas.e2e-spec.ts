/**
 * The audit of the metrics against the API on the reference data: a group's figures are the same in
 * its breakdown row and in its cards; a figure of several places together is a joint figure in the
 * breakdown by subregion as by department; a filtered map lists only the places of its filter; a
 * series under a cut-off date ends at it.
 */
import { Client } from 'pg';
import { texto } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { crearToken, servidorConCliente, TestApp } from './support/test-app';
import { jsonDe } from './support/api';

let server: TestApp;
let db: Client;

servidorConCliente('auditoria-metricas', (s, c) => {
  [server, db] = [s, c];
});

interface Cifra {
  valor: number | null;
  texto: string;
  motivo?: string;
}

interface Desglose {
  filas: { clave: string | null; etiqueta: string; cifras: Record<string, Cifra> }[];
  total: Record<string, Cifra>;
  enCifrasConjuntas?: { clave: string; etiqueta: string }[];
}

interface Serie {
  puntos: { periodo: string; cifra: Cifra; acumulado: Cifra }[];
  tramos: { desde: string; hasta: string; cifra: Cifra }[];
  sinFecha: Cifra | null;
}

const get = <T>(ruta: string, init?: RequestInit) => jsonDe<T>(server, ruta, init);

/** Each row as «etiqueta: metrica texto, …» for the metrics asked, so that a failure shows them all. */
async function filas(consulta: string, metricas: string[]): Promise<Record<string, string>> {
  const { filas } = await get<Desglose>(`/api/v1/desglose?${consulta}`);
  return Object.fromEntries(
    filas.map((f) => [f.etiqueta, metricas.map((m) => `${m} ${f.cifras[m].texto}`).join(', ')]),
  );
}

/** Every card's figure by its metric. */
async function cifrasDeTarjetas(consulta: string): Promise<Record<string, Cifra>> {
  const { kpis } = await get<{ kpis: { metrica: string; cifra: Cifra }[] }>(
    `/api/v1/kpis?${consulta}`,
  );
  return Object.fromEntries(kpis.map((k) => [k.metrica, k.cifra]));
}

/** Every card's figure, «metrica texto». */
async function tarjetas(consulta: string): Promise<Record<string, string>> {
  const cifras = await cifrasDeTarjetas(consulta);
  return Object.fromEntries(Object.entries(cifras).map(([m, c]) => [m, c.texto]));
}

/** Each figure as its text: a measured zero («0») and no figure («—») told apart. */
const cifras = (figuras: Record<string, Cifra>) =>
  Object.fromEntries(Object.entries(figuras).map(([m, c]) => [m, c.texto]));

/** A group's cards under the filters `consulta`, as `cifras` tells them. */
async function tarjetasDelGrupo(grupo: string, consulta: string) {
  return cifras(await cifrasDeTarjetas(`grupo=${grupo}${consulta}`));
}

describe('on the reference data', () => {
  it('counts a group’s activities in its breakdown row as in its cards', async () => {
    expect(await filas('por=grupo', ['actividades', 'asistencias', 'certificados'])).toEqual({
      'Candidatos a alcaldías y gobernaciones':
        'actividades 8, asistencias 540, certificados 20.743',
      'Sin grupo de valor identificado': 'actividades 70, asistencias ≈ 10.161, certificados —',
    });
    expect(await filas('por=grupo&grupo=candidatos', ['actividades'])).toEqual({
      'Candidatos a alcaldías y gobernaciones': 'actividades 8',
    });
    expect((await tarjetas('grupo=candidatos')).actividades).toBe('8');
  });

  it.each(['', '&fase=I', '&departamento=05', '&subregion=catatumbo', '&municipio=05001'])(
    'gives each group’s row the figures of its cards (filters «%s»)',
    async (consulta) => {
      const desglose = await get<Desglose>(`/api/v1/desglose?por=grupo${consulta}`);
      const grupos = desglose.filas.filter((f) => f.clave !== null);
      expect(grupos.length).toBeGreaterThan(0);
      for (const fila of grupos)
        expect({ grupo: fila.etiqueta, cifras: cifras(fila.cifras) }).toEqual({
          grupo: fila.etiqueta,
          cifras: await tarjetasDelGrupo(fila.clave!, consulta),
        });
      // The total is the cards' without a group, not the rows' sum.
      expect(
        Object.fromEntries(Object.entries(desglose.total).map(([m, c]) => [m, c.texto])),
      ).toEqual(await tarjetas(consulta.slice(1)));
    },
  );

  it('puts the subregional events’ 540 in a joint figure and the workshops in the national row, as by department', async () => {
    expect(await filas('por=subregion', ['actividades', 'asistencias'])).toEqual({
      // The launch in Ibagué and the other events with a place of their own outside them.
      'Fuera de las subregiones definidas': 'actividades 5, asistencias > 300',
      // The 38 workshops, held across the country; the webinars, sessions and course, with no place.
      'Todo el territorio nacional': 'actividades 38, asistencias 3.715',
      'Sin territorio (virtual o sin lugar registrado)': 'actividades 32, asistencias ≈ 6.146',
      'En cifras conjuntas de varios territorios': 'actividades —, asistencias 540',
      'Bajo Cauca (Antioquia)': 'actividades 1, asistencias —',
      'Catatumbo (Norte de Santander)': 'actividades 1, asistencias —',
      'Oriente Antioqueño': 'actividades 1, asistencias —',
    });
    expect(
      (await filas('por=departamento', ['asistencias']))[
        'En cifras conjuntas de varios territorios'
      ],
    ).toBe('asistencias 540');
    const conjuntas = async (consulta: string) =>
      (await get<Desglose>(`/api/v1/desglose?por=subregion${consulta}`)).enCifrasConjuntas;
    expect(await conjuntas('')).toEqual([
      { clave: 'bajo_cauca', etiqueta: 'Bajo Cauca (Antioquia)' },
      { clave: 'catatumbo', etiqueta: 'Catatumbo (Norte de Santander)' },
      { clave: 'oriente_antioqueno', etiqueta: 'Oriente Antioqueño' },
    ]);
    expect(await conjuntas('&departamento=54')).toEqual([
      { clave: 'catatumbo', etiqueta: 'Catatumbo (Norte de Santander)' },
    ]);
    expect(await conjuntas('&departamento=76')).toEqual([]);
  });

  it.each([
    ['departamento=91', [], []],
    ['departamento=05', ['05'], Array(30).fill('05')],
    ['departamento=54', ['54'], Array(12).fill('54')],
    ['municipio=05001', ['05'], ['05']],
    ['subregion=catatumbo', ['54'], Array(11).fill('54')],
  ])(
    'lists on the maps filtered by «%s» only the places of the filter',
    async (consulta, departamentos, municipios) => {
      const mapa = async (por: string) =>
        (
          await get<{ filas: { clave: string }[] }>(
            `/api/v1/graficos/mapa-por-${por}.json?${consulta}`,
          )
        ).filas.map((f) => f.clave.slice(0, 2));
      expect({ consulta, departamentos: await mapa('departamento') }).toEqual({
        consulta,
        departamentos,
      });
      expect({ consulta, municipios: await mapa('municipio') }).toEqual({ consulta, municipios });
    },
  );

  it.each(['departamento=05', 'municipio=05001', 'subregion=catatumbo'])(
    'says that a place reached only in the subregional events’ 540 has its share there («%s»)',
    async (consulta) => {
      const motivos = Object.fromEntries(
        Object.entries(await cifrasDeTarjetas(consulta)).map(([m, c]) => [m, c.motivo ?? c.texto]),
      );
      const enLaConjunta = 'en una cifra conjunta de varios territorios: 540';
      expect(motivos).toMatchObject({
        interacciones: enLaConjunta,
        asistencias: enLaConjunta,
        asistentes_presenciales: enLaConjunta,
        asistentes_remotos: 'sin cifra en la fuente',
        vistas: 'sin cifra en la fuente',
      });
    },
  );

  it('names the joint figure to a principal limited to the department without its value', async () => {
    const secreto = await crearToken(server.baseUrl, 'auditoria-05', 'lectura', ['05']);
    const { kpis } = await get<{ kpis: { metrica: string; cifra: Cifra }[] }>('/api/v1/kpis', {
      headers: { authorization: `Bearer ${secreto}` },
    });
    // The 540 are of seven places in four departments: the others' share is not theirs to read.
    expect(kpis.find((k) => k.metrica === 'asistencias')!.cifra.motivo).toBe(
      'en una cifra conjunta de varios territorios',
    );
  });

  it('says where the hybrid launch’s attendees are counted, not that the source gives none', async () => {
    const { filas } = await get<Desglose>('/api/v1/desglose?por=modalidad');
    const motivos = (clave: string) =>
      Object.fromEntries(
        Object.entries(filas.find((f) => f.clave === clave)!.cifras).map(([m, c]) => [
          m,
          c.valor === null ? c.motivo : c.texto,
        ]),
      );
    const enSusFilas =
      'sus asistentes se cuentan en Presencial o en Virtual, según cómo asistió cada uno';
    expect(motivos('hibrida')).toEqual({
      interacciones: enSusFilas,
      actividades: '1',
      vistas: 'sin cifra en la fuente',
      certificados: 'sin cifra en la fuente',
      asistencias: enSusFilas,
      asistentes_presenciales: enSusFilas,
      asistentes_remotos: enSusFilas,
    });
    expect(motivos('presencial').asistentes_remotos).toBe('sin cifra en la fuente');
  });

  it.each(['fase=III', 'departamento=91', 'aliado=apc'])(
    'gives no count of activities where the source names none («%s»): «—», never 0',
    async (consulta) => {
      expect((await cifrasDeTarjetas(consulta)).actividades).toMatchObject({
        valor: null,
        texto: '—',
        motivo: 'sin cifra en la fuente',
      });
    },
  );

  it('ends the series of activities at the cut-off date, with the undated ones at the card’s count', async () => {
    const { puntos, tramos, sinFecha } = await get<Serie>(
      '/api/v1/series?metrica=actividades&fecha_corte=2023-06-30',
    );
    // Workshops, webinars and conversatorios of periods running past June were under way by then; what the
    // source dates only by its year runs from January, and the two undated publications are in no period.
    expect(puntos.map((p) => `${p.periodo} ${p.cifra.texto} ${p.acumulado.texto}`)).toEqual([
      '2023-06-01 36 36',
    ]);
    expect(tramos.map((t) => `${t.desde} ${t.hasta} ${t.cifra.texto}`)).toEqual([
      '2023-01-01 2023-06-01 6',
      '2023-04-01 2023-06-01 16',
      '2023-06-01 2023-06-01 14',
    ]);
    expect(sinFecha?.texto).toBe('2');
    expect((await tarjetas('fecha_corte=2023-06-30')).actividades).toBe('38');
  });
});

describe('on attendance records of an event aimed at candidates', () => {
  beforeAll(async () => {
    // At the Medellín event and the course, aimed at candidates: one attendee of a group of their own,
    // three of none.
    await importarAceptado(
      server,
      'asistencias',
      texto('auditoria-asistencias.csv', [
        [
          'codigo_actividad',
          'tipo_documento',
          'numero_documento',
          'codigo_municipio',
          'grupo_de_valor',
        ],
        ['F1-EVT-MEDELLIN', 'CC', '901', '05001', 'ciudadania'],
        ['F1-EVT-MEDELLIN', 'CC', '902', '05001', ''],
        ['F1-EVT-MEDELLIN', 'CC', '903', '05002', ''],
        // The course is the only one of its phase and type: a department's question reads it from the blocks.
        ['F1-CURSO-YES', 'CC', '904', '05001', ''],
      ]),
    );
  });

  it('puts records without a group under the groups of their activity, as the group’s cards count them', async () => {
    expect(await filas('por=grupo&fase=I', ['actividades', 'asistencias'])).toEqual({
      'Candidatos a alcaldías y gobernaciones': 'actividades 8, asistencias 3',
      'Ciudadanía en general': 'actividades —, asistencias 1',
      // Phase I's attendance is all in records, each under a group: none is left without one.
      'Sin grupo de valor identificado': 'actividades 10, asistencias 0',
    });
    for (const consulta of [
      '',
      '&departamento=05',
      '&municipio=05002',
      '&subregion=oriente_antioqueno',
    ]) {
      const { filas } = await get<Desglose>(`/api/v1/desglose?por=grupo${consulta}`);
      for (const fila of filas.filter((f) => f.clave !== null))
        expect({ consulta, grupo: fila.etiqueta, cifras: cifras(fila.cifras) }).toEqual({
          consulta,
          grupo: fila.etiqueta,
          cifras: await tarjetasDelGrupo(fila.clave!, consulta),
        });
    }
  });
});

describe('on the same attendance records: a zero only where the records are the whole figure', () => {
  it.each([
    // Phase I's attendance is all in records now (the records of one event replace its cycle's 540).
    ['grupo=jefes_control_interno&fase=I', '0'],
    ['departamento=76&fase=I', '0'],
    // Phase II's attendance is declared without groups or, for the workshops, places: it may hold them.
    ['grupo=jefes_control_interno', '—'],
    ['departamento=76', '—'],
  ])('attendance under «%s»: %s', async (consulta, asistencias) => {
    expect((await tarjetas(consulta)).asistencias).toBe(asistencias);
  });
});

describe('on views recorded for a webinar of June to December, and the attendances above', () => {
  beforeAll(async () => {
    await db.query(
      `UPDATE actividad SET youtube_video_id = 'AUDITORIA01' WHERE codigo = 'F2-WEB-01'`,
    );
    await importarAceptado(
      server,
      'vistas',
      texto('auditoria-vistas.csv', [
        ['youtube_video_id', 'fecha_corte', 'vistas'],
        ['AUDITORIA01', '2023-08-01', '120'],
      ]),
    );
  });

  it.each([
    ['vistas', 'fase=II&tipo=webinar&fecha_corte=2023-08-31', '2023-08-01'],
    ['interacciones', 'fase=II&tipo=webinar&fecha_corte=2023-08-31', '2023-08-01'],
    ['actividades', 'fase=II&tipo=webinar&fecha_corte=2023-08-31', '2023-08-01'],
    ['asistencias', 'fase=I&tipo=evento_subregional&fecha_corte=2023-06-30', '2023-06-01'],
    ['interacciones', 'fase=I&fecha_corte=2023-06-30', '2023-06-01'],
  ])(
    'ends the series of %s under «%s» at the cut-off date, at the card’s figure',
    async (metrica, consulta, mesDelCorte) => {
      const { puntos, tramos } = await get<Serie>(`/api/v1/series?metrica=${metrica}&${consulta}`);
      expect({ metrica, hasta: [...new Set(tramos.map((t) => t.hasta))] }).toEqual({
        metrica,
        hasta: [mesDelCorte],
      });
      expect({ metrica, puntos: puntos.map((p) => `${p.periodo} ${p.acumulado.texto}`) }).toEqual({
        metrica,
        puntos: [`${mesDelCorte} ${(await tarjetas(consulta))[metrica]}`],
      });
    },
  );
});
