/**
 * The metrics API: every figure of FACTS.md on the reference data, then each
 * rule (snapshots, records over declared totals, distinct persons, qualifiers,
 * reconciliation, targets, filters combined) on a small dataset whose answers
 * are computed by hand.
 */
import { Client } from 'pg';
import { texto } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { servidorConCliente, TestApp } from './support/test-app';
import { jsonDe } from './support/api';

let server: TestApp;
let db: Client;

servidorConCliente('metricas', (s, c) => {
  [server, db] = [s, c];
});

interface Cifra {
  valor: number;
  calificador: string;
  texto: string;
}

const get = <T>(ruta: string) => jsonDe<T>(server, ruta);

/** "metrica texto" of every KPI card, distinct persons and coverage, so that a failure shows them all. */
async function tarjetas(consulta = ''): Promise<Record<string, string | null>> {
  const { kpis } = await get<{ kpis: { metrica: string; cifra: Cifra }[] }>(
    `/api/v1/kpis${consulta}`,
  );
  const personas = await get<{ cifra: Cifra }>(`/api/v1/personas-unicas${consulta}`);
  const cobertura = await get<{
    departamentos: { alcanzados: number; enCifrasConjuntas: number };
    municipios: { alcanzados: number; enCifrasConjuntas: number };
  }>(`/api/v1/cobertura${consulta}`);
  const alcanzados = (a: { alcanzados: number; enCifrasConjuntas: number }) =>
    `${a.alcanzados} + ${a.enCifrasConjuntas} en cifras conjuntas`;
  return {
    ...Object.fromEntries(kpis.map((k) => [k.metrica, k.cifra.texto])),
    personas_unicas: personas.cifra.texto,
    departamentos_alcanzados: alcanzados(cobertura.departamentos),
    municipios_alcanzados: alcanzados(cobertura.municipios),
  };
}

async function desglose(
  por: string,
  consulta = '',
  metrica = 'interacciones',
): Promise<Record<string, string>> {
  const { filas } = await get<{ filas: { etiqueta: string; cifras: Record<string, Cifra> }[] }>(
    `/api/v1/desglose?por=${por}${consulta}`,
  );
  return Object.fromEntries(filas.map((f) => [f.etiqueta, f.cifras[metrica].texto]));
}

async function importar(tipo: string, ruta: string, consulta = ''): Promise<void> {
  await importarAceptado(server, tipo, ruta, consulta);
}

describe('on the reference data', () => {
  it('shows every KPI of the strategy as FACTS.md adds it', async () => {
    expect(await tarjetas()).toEqual({
      interacciones: '≈ 54.986',
      actividades: '78',
      vistas: '23.542',
      certificados: '20.743',
      asistencias: '≈ 10.701',
      asistentes_presenciales: '> 4.555',
      asistentes_remotos: '≈ 6.146',
      personas_unicas: '—',
      // Tolima and Ibagué by the launch's own figures; the subregional events' 540 is one joint figure
      // for Antioquia, Norte de Santander, Valle del Cauca and La Guajira, and 44 of their municipalities.
      departamentos_alcanzados: '1 + 4 en cifras conjuntas',
      municipios_alcanzados: '1 + 44 en cifras conjuntas',
    });
  });

  it('shows the phase totals: 33.274 for phase I, ≈ 21.712 for phase II, nothing yet for phase III', async () => {
    expect(await desglose('fase')).toEqual({
      'Programas de Gobierno': '33.274',
      'Transición de Gobiernos Territoriales 2024-2027': '≈ 21.712',
    });
    expect((await tarjetas('?fase=I')).interacciones).toBe('33.274');
    expect((await tarjetas('?fase=III')).interacciones).toBe('—');
  });

  it('breaks phase II down by type with its qualifiers', async () => {
    expect(await desglose('tipo', '&fase=II', 'asistencias')).toEqual({
      Webinar: '—',
      'Taller presencial': '3.715',
      'Capacitación virtual': '≈ 300',
      Conversatorio: '3.641',
      Lanzamiento: '> 300 presenciales · ≈ 1.700 remotos',
      'Sesión de refuerzo': '505',
      Publicación: '—',
    });
  });

  it('places the launch’s room in Tolima, the workshops in the whole country and the rest, its remote attendees too, without territory', async () => {
    // The source says where the launch was held, not where the ≈ 1.700 who joined from afar were.
    expect(await desglose('departamento', '&fase=II')).toEqual({
      'Sin territorio (virtual o sin lugar registrado)': '≈ 17.697',
      'Todo el territorio nacional': '3.715',
      Tolima: '> 300',
    });
  });

  it('lists the departments not reached yet', async () => {
    const cobertura = await get<{
      departamentos: {
        alcanzados: number;
        enCifrasConjuntas: number;
        sinAlcanzar: { codigo: string }[];
      };
      nacional: Cifra;
    }>('/api/v1/cobertura');
    expect(cobertura.departamentos.alcanzados).toBe(1);
    expect(cobertura.departamentos.enCifrasConjuntas).toBe(4);
    // The 38 workshops covered the whole country: national coverage, not a department's.
    expect(cobertura.nacional.texto).toBe('3.715');
    expect(cobertura.departamentos.sinAlcanzar.map((d) => d.codigo)).not.toEqual(
      expect.arrayContaining(['05', '44', '54', '73', '76']),
    );
    expect(cobertura.departamentos.sinAlcanzar).toHaveLength(28);
  });

  it('filtered to a department, covers that department and its municipalities only', async () => {
    type Ambito = {
      alcanzados: number;
      enCifrasConjuntas: number;
      total: number;
      sinAlcanzar: { codigo: string }[];
    };
    const cobertura = await get<{
      departamentos: Ambito;
      municipios: Ambito;
      porDepartamento: { codigo: string }[];
    }>('/api/v1/cobertura?departamento=54');
    expect(cobertura.departamentos).toEqual({
      alcanzados: 0,
      enCifrasConjuntas: 1,
      total: 1,
      sinAlcanzar: [],
    });
    // Of Norte de Santander's 40 municipalities, the 12 of the events in Catatumbo and Cúcuta, whose
    // participants are in the joint figure of the seven events; Arboledas is not one.
    expect(cobertura.municipios).toMatchObject({ alcanzados: 0, enCifrasConjuntas: 12, total: 40 });
    expect(cobertura.municipios.sinAlcanzar).toHaveLength(28);
    expect(cobertura.municipios.sinAlcanzar).toContainEqual({
      codigo: '54051',
      nombre: 'Arboledas',
    });
    expect(cobertura.porDepartamento.map((d) => d.codigo)).toEqual(['54']);
  });

  it('lists, searches, sorts and pages the activities', async () => {
    const pagina = await get<{ total: number; filas: { codigo: string }[] }>(
      '/api/v1/actividades?buscar=taller&orden=codigo&direccion=desc&tamano=5&pagina=2',
    );
    expect(pagina.total).toBe(38);
    expect(pagina.filas.map((f) => f.codigo)).toEqual([
      'F2-TAL-33',
      'F2-TAL-32',
      'F2-TAL-31',
      'F2-TAL-30',
      'F2-TAL-29',
    ]);
  });

  it.each([
    ['/api/v1/kpis?fase=IV', 'fase', 'PARAMETRO_INVALIDO'],
    ['/api/v1/kpis?desde=2023-13-01', 'desde', 'PARAMETRO_INVALIDO'],
    ['/api/v1/kpis?departamento=999', 'departamento', 'PARAMETRO_INVALIDO'],
    ['/api/v1/kpis?departamento=98', 'departamento', 'PARAMETRO_INVALIDO'],
    ['/api/v1/desglose?por=color', 'por', 'PARAMETRO_INVALIDO'],
    ['/api/v1/series?metrica=personas_unicas', 'metrica', 'PARAMETRO_INVALIDO'],
    ['/api/v1/cobertura?region=caribe', 'region', 'PARAMETRO_DESCONOCIDO'],
    ['/api/v1/actividades?tamano=0', 'tamano', 'PARAMETRO_INVALIDO'],
  ])('answers %s with a 400 naming «%s»', async (ruta, parametro, codigo) => {
    const response = await fetch(server.baseUrl + ruta);
    expect(response.status).toBe(400);
    const cuerpo = (await response.json()) as { codigo: string; mensaje: string };
    expect(cuerpo.codigo).toBe(codigo);
    expect(cuerpo.mensaje).toContain(`«${parametro}»`);
  });

  it('refuses a period whose «Desde» comes after its «Hasta», on every figure and chart', async () => {
    for (const ruta of ['/api/v1/kpis', '/api/v1/graficos/interacciones-por-fase.json']) {
      const response = await fetch(`${server.baseUrl}${ruta}?desde=2023-12-31&hasta=2023-01-01`);
      expect([ruta, response.status]).toEqual([ruta, 400]);
      await expect(response.json()).resolves.toEqual({
        estado: 400,
        codigo: 'PERIODO_INVERTIDO',
        mensaje:
          'La fecha «Desde» (31/12/2023) es posterior a la fecha «Hasta» (01/01/2023): ' +
          'elija un periodo que empiece antes de terminar.',
      });
    }
  });
});

describe('on records loaded one by one', () => {
  beforeAll(async () => {
    await importar(
      'asistencias',
      texto('metricas-asistencias.csv', [
        [
          'codigo_actividad',
          'tipo_documento',
          'numero_documento',
          'codigo_municipio',
          'grupo_de_valor',
        ],
        ['F2-TAL-01', 'CC', '111', '73001', 'autoridades_salientes'],
        ['F2-TAL-02', 'CC', '111', '73001', 'autoridades_salientes'],
        ['F2-TAL-03', 'CC', '111', '73001', 'autoridades_salientes'],
        ['F2-TAL-01', 'CC', '222', '05001', 'jefes_control_interno'],
      ]),
    );
    await db.query(
      `UPDATE actividad SET youtube_video_id = 'BBBBBBBBBB1' WHERE codigo = 'F1-WEB-01'`,
    );
    await db.query(
      `UPDATE actividad SET youtube_video_id = 'BBBBBBBBBB2' WHERE codigo = 'F1-WEB-02'`,
    );
    await importar(
      'vistas',
      texto('metricas-vistas.csv', [
        ['youtube_video_id', 'fecha_corte', 'vistas'],
        ['BBBBBBBBBB1', '2023-08-01', '100'],
        ['BBBBBBBBBB1', '2023-09-01', '250'],
        ['BBBBBBBBBB2', '2023-08-15', '40'],
      ]),
    );
    await db.query(
      `INSERT INTO indicador (codigo, nombre, metrica, unidad) VALUES ('asis', 'Asistencias', 'asistencias', 'asistencias')`,
    );
    await db.query(
      `INSERT INTO meta (indicador_codigo, fase_codigo, valor) VALUES ('asis', 'II', 10000)`,
    );
  });

  it('takes each webinar’s latest snapshot on or before the cut-off, never a sum of snapshots', async () => {
    expect((await tarjetas('?fase=I')).vistas).toBe('290');
    expect((await tarjetas('?fase=I&fecha_corte=2023-08-31')).vistas).toBe('140');
    // Before the first snapshot, the views are not known: no figure, not a zero.
    expect((await tarjetas('?fase=I&fecha_corte=2023-07-31')).vistas).toBe('—');
  });

  it('keeps the views of a webinar later classified as another type', async () => {
    await db.query(`UPDATE actividad SET tipo_codigo = 'conversatorio' WHERE codigo = 'F1-WEB-02'`);
    try {
      expect((await tarjetas('?fase=I')).vistas).toBe('290');
    } finally {
      await db.query(`UPDATE actividad SET tipo_codigo = 'webinar' WHERE codigo = 'F1-WEB-02'`);
    }
  });

  it('dates the webinars’ figures by their latest snapshot', async () => {
    const { fechaCorte } = await get<{ fechaCorte: string }>('/api/v1/kpis?fase=I&tipo=webinar');
    expect(fechaCorte).toBe('2023-09-01');
  });

  it('counts attendances and distinct persons: one person at three workshops is 3 attendances, 1 person', async () => {
    const fase2 = await tarjetas('?fase=II');
    expect(fase2.asistentes_presenciales).toBe('> 304');
    expect(fase2.asistencias).toBe('≈ 6.450');
    expect(fase2.personas_unicas).toBe('2');
    expect(await tarjetas('?tipo=taller_presencial&departamento=73')).toMatchObject({
      asistencias: '3',
      personas_unicas: '1',
    });
    expect(await tarjetas('?municipio=05001&grupo=jefes_control_interno')).toMatchObject({
      asistencias: '1',
      personas_unicas: '1',
    });
    // The workshops' records are their whole figure: no chief of internal control among them in Tolima.
    expect(
      await tarjetas('?grupo=jefes_control_interno&tipo=taller_presencial&departamento=73'),
    ).toMatchObject({ asistencias: '0', personas_unicas: '0' });
    // The launch's > 300 in Ibagué are declared without groups: some may be chiefs of internal control.
    expect(await tarjetas('?grupo=jefes_control_interno&departamento=73')).toMatchObject({
      asistencias: '—',
      personas_unicas: '0',
    });
  });

  it('shows progress against the phase target', async () => {
    const { kpis } = await get<{
      kpis: { metrica: string; meta: number | null; avance: number | null }[];
    }>('/api/v1/kpis?fase=II');
    expect(kpis.find((k) => k.metrica === 'asistencias')).toMatchObject({
      meta: 10000,
      avance: 0.645,
    });
  });

  it('puts declared totals that records replace in the reconciliation', async () => {
    const { partidas } = await get<{
      partidas: {
        codigo: string;
        metrica: string;
        declarado: Cifra;
        registrado: number;
        diferencia: number;
      }[];
    }>('/api/v1/conciliacion');
    expect(
      partidas.map(
        (p) =>
          `${p.codigo} ${p.metrica}: ${p.declarado.texto} declarado, ${p.registrado} registrado, ${p.diferencia}`,
      ),
    ).toEqual([
      'F1-WEBINARS vistas: 11.991 declarado, 290 registrado, -11701',
      'F2-TALLERES asistentes_presenciales: 3.715 declarado, 4 registrado, -3711',
    ]);
  });

  it('breaks attendances down by group and municipality', async () => {
    expect(await desglose('grupo', '&tipo=taller_presencial', 'asistencias')).toEqual({
      'Autoridades y equipos de gobiernos salientes': '3',
      'Jefes de control interno': '1',
      'Sin grupo de valor identificado': '0',
    });
    expect(await desglose('municipio', '&tipo=taller_presencial', 'asistencias')).toEqual({
      'Ibagué (Tolima)': '3',
      'Medellín (Antioquia)': '1',
      // The workshops were held across the country: each record has its municipality, none is national.
      'Todo el territorio nacional': '0',
    });
  });

  it('gives a month-by-month series: a running total at each period’s end, and the periods as they are', async () => {
    const { puntos, tramos } = await get<{
      puntos: { periodo: string; cifra: Cifra; acumulado: Cifra }[];
      tramos: { desde: string; hasta: string; cifra: Cifra }[];
    }>('/api/v1/series?metrica=asistencias&periodo=mes&tipo=taller_presencial');
    // The workshops ran from 03/08 to 11/10/2023: what they counted is known by October, not in August.
    expect(puntos.map((p) => `${p.periodo} ${p.cifra.texto} ${p.acumulado.texto}`)).toEqual([
      '2023-10-01 4 4',
    ]);
    expect(tramos.map((t) => `${t.desde} ${t.hasta} ${t.cifra.texto}`)).toEqual([
      '2023-08-01 2023-10-01 4',
    ]);
  });

  it('places records under the subregion of their municipality, the rest outside the subregions', async () => {
    await importar(
      'asistencias',
      texto('metricas-subregion.csv', [
        ['codigo_actividad', 'tipo_documento', 'numero_documento', 'codigo_municipio'],
        ['F2-TAL-02', 'CC', '444', '05002'],
      ]),
    );
    // The workshops were held across the country: their records have places, their activities none.
    expect(await desglose('subregion', '&tipo=taller_presencial', 'asistencias')).toEqual({
      'Oriente Antioqueño': '1',
      'Fuera de las subregiones definidas': '4',
      'Todo el territorio nacional': '0',
    });
  });

  it('places the records of a municipality in two subregions under the first of them by code', async () => {
    await db.query(
      `INSERT INTO subregion_territorio (subregion_codigo, territorio_codigo) VALUES ('bajo_cauca', '05002')`,
    );
    try {
      expect(await desglose('subregion', '&tipo=taller_presencial', 'asistencias')).toEqual({
        'Bajo Cauca (Antioquia)': '1',
        'Fuera de las subregiones definidas': '4',
        'Todo el territorio nacional': '0',
      });
    } finally {
      await db.query(
        `DELETE FROM subregion_territorio WHERE subregion_codigo = 'bajo_cauca' AND territorio_codigo = '05002'`,
      );
    }
  });

  it('lets remote records replace only the declared remote figure, not the in-person one', async () => {
    await importar(
      'asistencias',
      texto('metricas-lanzamiento-remoto.csv', [
        ['codigo_actividad', 'tipo_documento', 'numero_documento', 'modalidad'],
        ['F2-LANZAMIENTO', 'CC', '333', 'virtual'],
      ]),
    );
    expect(await tarjetas('?tipo=lanzamiento')).toMatchObject({
      asistentes_presenciales: '> 300',
      asistentes_remotos: '1',
    });
  });

  it('lets attendance records replace a declared participants figure, which goes to the reconciliation', async () => {
    await importar(
      'actividades',
      texto('metricas-actividad-fase-iii.csv', [
        ['codigo', 'fase', 'tipo', 'titulo', 'fecha_inicio', 'modalidad', 'codigo_territorio'],
        [
          'F3-TAL-PDT',
          'III',
          'taller_presencial',
          'Taller del PDT',
          '15/03/2024',
          'presencial',
          '73001',
        ],
      ]),
    );
    await importar(
      'totales',
      texto('metricas-participantes.csv', [
        ['codigo_actividad', 'metrica', 'valor', 'fecha_corte'],
        ['F3-TAL-PDT', 'participantes', '40', '31/03/2024'],
      ]),
    );
    expect((await tarjetas('?fase=III')).asistencias).toBe('40');
    await importar(
      'asistencias',
      texto('metricas-participantes-registros.csv', [
        ['codigo_actividad', 'tipo_documento', 'numero_documento', 'modalidad'],
        ['F3-TAL-PDT', 'CC', '555', 'presencial'],
        ['F3-TAL-PDT', 'CC', '556', 'virtual'],
      ]),
    );
    expect(await tarjetas('?fase=III')).toMatchObject({
      asistencias: '2',
      asistentes_presenciales: '1',
      asistentes_remotos: '1',
    });
    const { partidas } = await get<{
      partidas: { codigo: string; metrica: string; registrado: number; diferencia: number }[];
    }>('/api/v1/conciliacion?fase=III');
    expect(partidas).toMatchObject([
      { codigo: 'F3-TAL-PDT', metrica: 'participantes', registrado: 2, diferencia: -38 },
    ]);
  });

  it('keeps a declared certificates figure at a cut-off that its records postdate', async () => {
    await importar(
      'certificados',
      texto('metricas-certificados.csv', [
        ['codigo_actividad', 'tipo_documento', 'numero_documento', 'fecha_certificacion'],
        ['F1-CURSO-YES', 'CC', '777', '01/05/2024'],
      ]),
    );
    expect((await tarjetas('?tipo=curso_virtual')).certificados).toBe('1');
    expect((await tarjetas('?tipo=curso_virtual&fecha_corte=2024-03-31')).certificados).toBe(
      '20.743',
    );
  });
});
