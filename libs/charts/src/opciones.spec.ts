import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAFICOS } from './charts.catalogue';
import { ContextoDeDibujo, FilaGrafico } from './grafico';
import {
  ALTO_MINIMO_DEL_DIBUJO,
  altoDelLienzo,
  anillo,
  barrasApiladas,
  barrasHorizontales,
  barrasVerticales,
  clasesDe,
  lecturaDe,
  linea,
  mapa,
  paneles,
} from './opciones';
import { renderizarSvg } from './render';
import { geometriaDe, MAPA_DEPARTAMENTOS, MAPA_MUNICIPIOS } from './mapa';
import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import type { Topology } from 'topojson-specification';
import type { EChartsOption } from 'echarts';

const contexto: ContextoDeDibujo = {
  filtrosEnPalabras: 'Fase II · Tipo: Taller presencial',
  fechaCorte: '31/12/2023',
  fuente: 'Fuente: DNP (2023), Estrategia Juntos por el Territorio',
  unidad: 'asistencias',
  vacio: 'sin datos para estos filtros',
  ancho: 1200,
};

const filas: FilaGrafico[] = [
  { etiqueta: 'Córdoba', valor: 300, texto: '> 300' },
  { etiqueta: 'Bogotá, D.C.', valor: 11991, texto: '11.991' },
  {
    etiqueta: 'Archipiélago de San Andrés, Providencia y Santa Catalina',
    valor: 1700,
    texto: '≈ 1.700',
  },
  { etiqueta: 'Guainía', valor: 0, texto: '0' },
];

describe('barrasHorizontales', () => {
  const opcion = barrasHorizontales('Asistencias por departamento', filas, contexto) as {
    dataset: { source: FilaGrafico[] };
    grid: { left: number };
    title: { text: string; subtext?: string }[];
  };

  it('puts the largest bar on top (ECharts draws categories bottom-up)', () => {
    expect(opcion.dataset.source.map((f) => f.etiqueta)).toEqual([
      'Guainía',
      'Córdoba',
      'Archipiélago de San Andrés, Providencia y Santa Catalina',
      'Bogotá, D.C.',
    ]);
  });

  it('carries the title, the filters in words, the cut-off date and the source line', () => {
    expect(opcion.title.map((t) => [t.text, t.subtext])).toEqual([
      ['Asistencias por departamento', 'Fase II · Tipo: Taller presencial · Corte: 31/12/2023'],
      ['Fuente: DNP (2023), Estrategia Juntos por el Territorio', undefined],
    ]);
  });

  it('leaves room for the longest label instead of cutting it', () => {
    expect(opcion.grid.left).toBe(360);
  });
});

describe('server-side SVG', () => {
  it('writes every label with its accents and qualifiers (golden file)', () => {
    const svg = renderizarSvg(
      barrasHorizontales('Asistencias por departamento', filas, contexto),
      1200,
      675,
    );
    expect(svg).toContain('Córdoba');
    expect(svg).toContain('≈ 1.700');
    const golden = join(__dirname, '__golden__', 'barras-con-acentos.svg');
    // ACTUALIZAR_GOLDEN=1 rewrites the reviewed file after a deliberate change of the drawing.
    if (process.env.ACTUALIZAR_GOLDEN) writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, 'utf8'));
  });

  it.each(GRAFICOS.map((g) => [g.id, g] as const))(
    '%s says once that it has no figures',
    (_id, grafico) => {
      const svg = renderizarSvg(grafico.opcion([], { ...contexto, fechaCorte: null }), 800, 500);
      expect(svg.match(/Sin (datos|cifras)/g)).toEqual(['Sin datos']);
    },
  );
});

describe('barrasApiladas', () => {
  const opcion = barrasApiladas(
    'Estado de los PDT por departamento',
    [
      { clave: '73', etiqueta: 'Tolima', serie: 'Aprobado a tiempo', valor: 1, texto: '1' },
      { clave: '73', etiqueta: 'Tolima', serie: 'Con un plazo vencido', valor: 2, texto: '2' },
      { clave: '20', etiqueta: 'Cesar', serie: 'Aprobado a tiempo', valor: 1, texto: '1' },
    ],
    contexto,
  ) as {
    dataset: { dimensions: string[]; source: Record<string, unknown>[] };
    series: { name: string; stack: string; encode: { x: string } }[];
  };

  it('pivots the rows: one bar per category, first on top, a zero where a series is missing', () => {
    expect(opcion.dataset.dimensions).toEqual([
      'etiqueta',
      'Aprobado a tiempo',
      'Con un plazo vencido',
    ]);
    expect(opcion.dataset.source).toEqual([
      { etiqueta: 'Cesar', clave: '20', 'Aprobado a tiempo': 1, 'Con un plazo vencido': 0 },
      { etiqueta: 'Tolima', clave: '73', 'Aprobado a tiempo': 1, 'Con un plazo vencido': 2 },
    ]);
  });

  it('stacks one series per state', () => {
    expect(opcion.series.map((s) => [s.name, s.stack, s.encode.x])).toEqual([
      ['Aprobado a tiempo', 'total', 'Aprobado a tiempo'],
      ['Con un plazo vencido', 'total', 'Con un plazo vencido'],
    ]);
  });
});

describe('paneles', () => {
  const fila = (fase: string, serie: string, valor: number | null, texto: string): FilaGrafico => ({
    clave: fase,
    etiqueta: `Fase ${fase}`,
    serie,
    valor,
    texto,
  });
  const filas = [
    fila('I', 'Vistas de webinars', 11991, '11.991'),
    fila('II', 'Vistas de webinars', 11551, '11.551'),
    fila('III', 'Vistas de webinars', null, 'sin dato'),
    fila('I', 'Asistentes remotos', null, 'sin dato'),
    fila('II', 'Asistentes remotos', 6146, '≈ 6.146'),
    fila('III', 'Asistentes remotos', null, 'sin dato'),
  ];
  const opcion = (ancho: number) =>
    paneles('Las fases lado a lado', filas, { ...contexto, ancho }) as {
      dataset: { source: FilaGrafico[] }[];
      grid: { coord: number[] }[];
      yAxis: { name: string }[];
      xAxis: { axisLabel: { formatter: (v: string, i: number) => string } }[];
    };

  it('draws one panel per series, each its own scale, named above its bars', () => {
    expect(opcion(1200).yAxis.map((y) => y.name)).toEqual([
      'Vistas de webinars',
      'Asistentes remotos',
    ]);
    expect(opcion(1200).dataset.map((d) => d.source.map((f) => f.valor))).toEqual([
      [11991, 11551, null],
      [null, 6146, null],
    ]);
  });

  it('says «sin dato» under a phase without a figure, and draws no bar for it', () => {
    const etiquetas = opcion(1200).xAxis.map((x) =>
      ['Fase I', 'Fase II', 'Fase III'].map((v, i) => x.axisLabel.formatter(v, i)),
    );
    expect(etiquetas).toEqual([
      ['{nombre|Fase I}', '{nombre|Fase II}', '{nombre|Fase III}\n{sinDato|sin dato}'],
      [
        '{nombre|Fase I}\n{sinDato|sin dato}',
        '{nombre|Fase II}',
        '{nombre|Fase III}\n{sinDato|sin dato}',
      ],
    ]);
  });

  it('puts the panels in one row on a wide canvas, in columns of two on a phone, its words one a line', () => {
    expect(opcion(1200).grid.map((g) => g.coord)).toEqual([
      [0, 0],
      [1, 0],
    ]);
    const cinco = ['a', 'b', 'c', 'd', 'e'].flatMap((serie) =>
      ['I', 'II', 'III'].map((fase) => fila(fase, serie, 1, '1')),
    );
    const telefono = paneles('x', cinco, { ...contexto, ancho: 330 }) as {
      grid: { coord: number[] }[];
      xAxis: { axisLabel: { formatter: (v: string, i: number) => string } }[];
    };
    expect(telefono.xAxis[0].axisLabel.formatter('Fase I', 0)).toBe('{nombre|Fase}\n{nombre|I}');
    expect(telefono.grid.map((g) => g.coord)).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 2],
    ]);
  });
});

describe('every chart', () => {
  it('has a title of its own: two panels of a view, or two images, never read alike', () => {
    const titulos = GRAFICOS.map((g) => g.titulo);
    expect(titulos.filter((t, i) => titulos.indexOf(t) !== i)).toEqual([]);
  });

  it('names the unit of its value axis', () => {
    const opcion = barrasHorizontales('Asistencias por departamento', filas, contexto) as {
      xAxis: { name: string };
    };
    expect(opcion.xAxis.name).toBe('asistencias');
  });

  it('tells one figure instead of drawing a lone bar', () => {
    const svg = renderizarSvg(
      barrasVerticales(
        'Asistencias',
        [{ etiqueta: 'Tolima', valor: 2000, texto: '> 300 presenciales · ≈ 1.700 remotos' }],
        contexto,
      ),
      1080,
      1080,
    );
    expect(svg).toContain('>&gt; 300 presenciales</text>');
    expect(svg).toContain('>≈ 1.700 remotos</text>');
    expect(svg).not.toContain('2.000');
    expect(svg).not.toMatch(/fill="#0072B2"/);
  });

  it('draws no bar for a category without a figure, and tells it as «—»', () => {
    const opcion = barrasVerticales(
      'Interacciones registradas por fase',
      [
        { clave: 'I', etiqueta: 'Fase I', valor: 33274, texto: '33.274' },
        { clave: 'II', etiqueta: 'Fase II', valor: 21712, texto: '≈ 21.712' },
        { clave: 'III', etiqueta: 'Fase III', valor: null, texto: '—' },
      ],
      contexto,
    ) as { dataset: { source: FilaGrafico[] } };
    expect(opcion.dataset.source.map((f) => [f.etiqueta, f.valor, f.texto])).toEqual([
      ['Fase I', 33274, '33.274'],
      ['Fase II', 21712, '≈ 21.712'],
      ['Fase III', null, '—'],
    ]);
  });

  it('grows type and margins with the canvas: a square for a phone reads as the dashboard does', () => {
    const tamano = (escala?: number) =>
      barrasHorizontales('Asistencias por departamento', filas, { ...contexto, escala }) as {
        title: { textStyle: { fontSize: number } }[];
        grid: { top: number };
      };
    expect(tamano().title[0].textStyle.fontSize).toBe(20);
    expect(tamano(2).title[0].textStyle.fontSize).toBe(40);
    expect(tamano(2).grid.top).toBe(2 * tamano().grid.top);
  });
});

describe('on a phone’s panel (360 px)', () => {
  const telefono: ContextoDeDibujo = {
    ...contexto,
    ancho: 330,
    unidad: 'vistas + personas certificadas + asistencias',
  };

  it('makes each bar’s row tall enough for its label above it, however many lines it wraps to', () => {
    const corta = { etiqueta: 'DAFP', valor: 4015, texto: '≈ 4.015' };
    const larga = {
      etiqueta: 'Gobernaciones (equipos de asistencia técnica municipal)',
      valor: 5715,
      texto: '≈ 5.715',
    };
    const alto = (todas: FilaGrafico[]) => {
      const opcion = barrasHorizontales('Interacciones por entidad aliada', todas, telefono) as {
        grid: { top: number; bottom: number };
      };
      return (
        (altoDelLienzo(opcion, 330, todas.length) - opcion.grid.top - opcion.grid.bottom) /
        todas.length
      );
    };
    const cortas = Array.from({ length: 6 }, (_, i) => ({ ...corta, etiqueta: `DAFP ${i}` }));
    // A row: the bar (14 px), its gap (16 px) and 15 px a line of its label; one long label, two lines each.
    expect(alto(cortas)).toBe(14 + 16 + 15);
    expect(alto([...cortas.slice(1), larga])).toBe(14 + 16 + 2 * 15);
  });

  it.each(GRAFICOS.filter((g) => g.consulta.tipo === 'serie' || g.id === 'interacciones-por-fase'))(
    'keeps $id’s plot readable under its wrapped title on a phone',
    (grafico) => {
      const opcion = grafico.opcion(
        [
          { etiqueta: 'jun 2023', valor: 300, texto: '≈ 300' },
          { etiqueta: 'jul 2023', valor: 14831, texto: '≈ 14.831' },
        ],
        { ...telefono, ancho: 330 },
      ) as { grid: { top: number; bottom: number } };
      expect(altoDelLienzo(opcion, 330, 2) - opcion.grid.top - opcion.grid.bottom).toBe(
        ALTO_MINIMO_DEL_DIBUJO,
      );
    },
  );

  it('gives a canvas not laid out yet (no width) the rows of labels beside the bars', () => {
    const opcion = barrasHorizontales('Interacciones', filas, contexto);
    expect(altoDelLienzo(opcion, 0, 20)).toBe(150 + 20 * 30);
  });

  it('leaves room under the value axis for a unit wrapped to two lines', () => {
    const grid = (c: ContextoDeDibujo) =>
      (barrasHorizontales('Interacciones', filas, c) as { grid: { bottom: number } }).grid.bottom;
    expect(grid(telefono) - grid({ ...telefono, unidad: 'asistencias' })).toBe(15);
  });

  it('wraps a lone figure’s long name instead of shrinking it below legible', () => {
    const svg = renderizarSvg(
      barrasHorizontales(
        'Vistas por webinar',
        [
          {
            etiqueta: 'Ciclo de webinars de la Fase II (YouTube Live del DNP)',
            valor: 11551,
            texto: '11.551',
          },
        ],
        telefono,
      ),
      330,
      380,
    );
    const tamanos = [
      ...svg.matchAll(/font-size:(\d+)px;[^"]*font-weight:bold;[^"]*"[^>]*>([^<]+)</g),
    ]
      .filter(([, , texto]) => /webinars|DNP|11\.551/.test(texto))
      .map(([, tamano]) => Number(tamano));
    expect(tamanos.length).toBeGreaterThan(2);
    expect(Math.min(...tamanos)).toBeGreaterThanOrEqual(18);
  });
});

describe('anillo', () => {
  const porcentajes = (partes: FilaGrafico[]) =>
    [
      ...renderizarSvg(anillo('Asistencias por modalidad', partes, contexto), 900, 600).matchAll(
        /\(([^()]*%)\)/g,
      ),
    ]
      .map((m) => m[1])
      .sort();

  it('says a share is near («≈») when any part of the whole is not exact', () => {
    expect(
      porcentajes([
        { etiqueta: 'Presencial', valor: 4555, texto: '> 4.555' },
        { etiqueta: 'Virtual', valor: 6146, texto: '≈ 6.146' },
      ]),
    ).toEqual(['≈ 43 %', '≈ 57 %']);
    expect(
      porcentajes([
        { etiqueta: 'Presencial', valor: 300, texto: '300' },
        { etiqueta: 'Virtual', valor: 700, texto: '700' },
      ]),
    ).toEqual(['30 %', '70 %']);
  });
});

describe('linea', () => {
  it('labels a running total where it changes, not at each month it is carried over', () => {
    const svg = renderizarSvg(
      linea(
        'Interacciones registradas acumuladas por mes',
        [
          { etiqueta: 'jul 2023', valor: 12531, texto: '12.531' },
          { etiqueta: 'ago 2023', valor: 12531, texto: '12.531' },
          { etiqueta: 'sep 2023', valor: 12531, texto: '12.531' },
          { etiqueta: 'dic 2023', valor: 33274, texto: '33.274' },
        ],
        contexto,
      ),
      900,
      600,
    );
    const veces = (texto: string) => svg.split(`>${texto}<`).length - 1;
    expect([veces('12.531'), veces('33.274')]).toEqual([1, 1]);
  });
});

describe('mapa', () => {
  it('cuts the figures in classes with round limits, from the smallest to the largest', () => {
    expect(clasesDe([1, 3, 300, 1700, 3715])).toEqual([
      [1, 2],
      [3, 299],
      [300, 1699],
      [1700, 3715],
    ]);
    expect(clasesDe([7])).toEqual([[7, 7]]);
    expect(clasesDe([])).toEqual([]);
  });

  const opcion = mapa(
    'Interacciones registradas por departamento',
    [
      {
        clave: '73',
        etiqueta: 'Tolima',
        valor: 2000,
        texto: '> 300 presenciales · ≈ 1.700 remotos',
      },
      { clave: '54', etiqueta: '<b>Norte</b>', valor: 3, texto: '3' },
      { clave: '05', etiqueta: '05', valor: null, texto: '—', conjunta: true },
      { clave: '27493', etiqueta: 'Nuevo Belén de Bajirá', valor: 5, texto: '5' },
    ],
    contexto,
    'municipios',
  ) as {
    visualMap: { pieces: { label: string }[] };
    series: { map: string; data: { name: string; value: number }[] }[];
    title: { text: string }[];
  };

  it('says the values of each class in its legend, and the joint and empty ones', () => {
    expect(opcion.visualMap.pieces.map((p) => p.label)).toEqual([
      '5 o más',
      '3',
      'Alcanzado en cifra conjunta',
      'Sin cifras',
    ]);
    expect(opcion.series[0].data.map((d) => [d.name, d.value])).toEqual([
      ['73', 2],
      ['54', 1],
      ['27493', 2],
      ['05', 0],
    ]);
  });

  it('labels a class whose figures all read alike with their words: «> 300», not «300»', () => {
    const leyenda = (filas: FilaGrafico[]) =>
      (
        mapa('Mapa', filas, contexto) as { visualMap: { pieces: { label: string }[] } }
      ).visualMap.pieces
        .map((p) => p.label)
        .slice(0, -2);
    expect(leyenda([{ clave: '73', etiqueta: 'Tolima', valor: 300, texto: '> 300' }])).toEqual([
      '> 300',
    ]);
    expect(
      leyenda([
        { clave: '73', etiqueta: 'Tolima', valor: 300, texto: '> 300' },
        { clave: '54', etiqueta: 'Norte de Santander', valor: 3, texto: '3' },
      ]),
    ).toEqual(['3 o más']);
  });

  it('draws the departments’ borders over the national municipal map', () => {
    expect(opcion.series.map((s) => s.map)).toEqual(['municipios', 'departamentos']);
  });

  it('names a municipality the geometry has no polygon for', () => {
    expect(opcion.title[1].text).toContain(
      'Nuevo Belén de Bajirá (27493): 5, sin geometría en el mapa del DANE (MGN 2018).',
    );
  });

  it('reads a region by its row, and one without a row by its name, not by its code', () => {
    const topologia = JSON.parse(readFileSync(RUTA_TOPOLOGIA_MUNICIPAL, 'utf8')) as Topology;
    geometriaDe(topologia, MAPA_MUNICIPIOS);
    geometriaDe(topologia, MAPA_DEPARTAMENTOS);
    // As ECharts holds the option once set: the regions without a row follow those with one.
    const fijada = {
      ...opcion,
      series: [
        { ...opcion.series[0], type: 'map', data: [...opcion.series[0].data, { name: '73001' }] },
        { ...opcion.series[1], type: 'map', silent: true, data: [{ name: '73' }] },
      ],
    } as EChartsOption;
    expect(lecturaDe(fijada, 0, 0)).toEqual({
      clave: '73',
      texto: 'Tolima: > 300 presenciales · ≈ 1.700 remotos',
    });
    expect(lecturaDe(fijada, 0, 3)).toEqual({
      clave: '05',
      texto: '05: alcanzado en una cifra conjunta',
    });
    expect(lecturaDe(fijada, 0, 4)).toEqual({ texto: 'Ibagué (Tolima): sin cifras' });
    // The departments' outlines stand for nothing a click or the pointer reads.
    expect(lecturaDe(fijada, 1, 0)).toBeUndefined();
  });
});
