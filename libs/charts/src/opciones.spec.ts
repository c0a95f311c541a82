import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAFICOS } from './charts.catalogue';
import { Contexto, FilaGrafico } from './grafico';
import { barrasApiladas, barrasHorizontales } from './opciones';
import { renderizarSvg } from './render';

const contexto: Contexto = {
  filtrosEnPalabras: 'Fase II · Tipo: Taller presencial',
  fechaCorte: '31/12/2023',
  fuente: 'Fuente: DNP, Estrategia Juntos por el Territorio',
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
      ['Fuente: DNP, Estrategia Juntos por el Territorio', undefined],
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
    expect(svg).toBe(readFileSync(join(__dirname, '__golden__', 'barras-con-acentos.svg'), 'utf8'));
  });

  it.each(GRAFICOS.map((g) => [g.id, g] as const))(
    '%s draws an empty state without failing',
    (_id, grafico) => {
      const svg = renderizarSvg(grafico.opcion([], { ...contexto, fechaCorte: null }), 800, 500);
      expect(svg).toContain('Sin cifras para estos filtros');
      expect(svg).toContain('Sin datos para estos filtros');
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
