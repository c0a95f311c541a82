/** The shapes of chart the catalogue uses, each a pure function from rows to an ECharts option. */
import type { EChartsOption } from 'echarts';
import { formatearNumero } from '@tablero/domain';
import { Contexto, FilaGrafico } from './grafico';
import { MAPA_COLOMBIA } from './mapa';
import { FUENTE_TIPOGRAFICA, PALETA } from './paleta';

const TEXTO = { fontFamily: FUENTE_TIPOGRAFICA, color: '#1a1a1a', lineHeight: 15 };

/** Every figure is a count: whole-number ticks only. */
const EJE_DE_VALORES = {
  type: 'value' as const,
  minInterval: 1,
  splitNumber: 4,
  axisLabel: { ...TEXTO, hideOverlap: true, formatter: (v: number) => formatearNumero(v) },
};

/** Each bar or point labelled with its qualified figure ("≈ 1.700"). */
function etiquetaConTexto(position: 'top' | 'right', show = true) {
  return {
    show,
    position,
    ...TEXTO,
    formatter: (p: { data: unknown }) => (p.data as FilaGrafico).texto,
  };
}

/** Title, filters in words, cut-off date and source line: what every chart carries. */
function marco(titulo: string, contexto: Contexto, filas: readonly FilaGrafico[]): EChartsOption {
  const corte = contexto.fechaCorte
    ? `Corte: ${contexto.fechaCorte}`
    : 'Sin cifras para estos filtros';
  return {
    graphic: filas.some((f) => f.valor > 0)
      ? []
      : [
          {
            type: 'text',
            left: 'center',
            top: 'middle',
            style: {
              text: 'Sin datos para estos filtros',
              fontSize: 18,
              fill: '#555555',
              fontFamily: FUENTE_TIPOGRAFICA,
            },
          },
        ],
    color: PALETA,
    backgroundColor: '#ffffff',
    textStyle: TEXTO,
    aria: { enabled: true, decal: { show: false } },
    animation: false,
    title: [
      {
        text: titulo,
        subtext: `${contexto.filtrosEnPalabras} · ${corte}`,
        left: 16,
        top: 12,
        textStyle: { ...TEXTO, fontSize: 20, fontWeight: 'bold' },
        subtextStyle: { ...TEXTO, fontSize: 13, color: '#444444' },
      },
      {
        text: contexto.fuente,
        left: 16,
        bottom: 10,
        textStyle: { ...TEXTO, fontSize: 11, fontWeight: 'normal', color: '#555555' },
      },
    ],
  };
}

/**
 * Horizontal bars, largest first, labels never cut (the longest label sets
 * the left margin), each bar labelled with its qualified figure.
 */
export function barrasHorizontales(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): EChartsOption {
  const ordenadas = [...filas].sort((a, b) => b.valor - a.valor);
  const margen = Math.min(360, 24 + 7.5 * Math.max(8, ...ordenadas.map((f) => f.etiqueta.length)));
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: [...ordenadas].reverse().map((f) => ({ ...f })) },
    grid: { left: margen, right: 90, top: 86, bottom: 64 },
    xAxis: EJE_DE_VALORES,
    yAxis: { type: 'category', axisLabel: { ...TEXTO, width: margen - 16, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        encode: { x: 'valor', y: 'etiqueta' },
        label: etiquetaConTexto('right'),
        itemStyle: { color: PALETA[0] },
      },
    ],
  };
}

/**
 * Vertical bars in the rows' own order: categories (phases) each in its own
 * colour, or periods of a timeline (months) all in one.
 */
export function barrasVerticales(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
  colores: 'por-categoria' | 'uno' = 'por-categoria',
): EChartsOption {
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: filas.map((f) => ({ ...f })) },
    grid: { left: 80, right: 24, top: 86, bottom: 100 },
    xAxis: {
      type: 'category',
      // Narrow enough that neighbours never overlap on a half-width dashboard panel (≈ 500 px of plot).
      axisLabel: {
        ...TEXTO,
        interval: 0,
        width: Math.min(140, Math.floor(500 / Math.max(1, filas.length)) - 8),
        overflow: 'break',
      },
    },
    yAxis: EJE_DE_VALORES,
    series: [
      {
        type: 'bar',
        barMaxWidth: 96,
        encode: { x: 'etiqueta', y: 'valor' },
        colorBy: colores === 'uno' ? 'series' : 'data',
        label: etiquetaConTexto('top'),
      },
    ],
  };
}

/** A line over time, each point labelled when there are few. */
export function linea(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): EChartsOption {
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: filas.map((f) => ({ ...f })) },
    grid: { left: 80, right: 32, top: 86, bottom: 64 },
    xAxis: { type: 'category', axisLabel: TEXTO },
    yAxis: EJE_DE_VALORES,
    series: [
      {
        type: 'line',
        encode: { x: 'etiqueta', y: 'valor' },
        symbolSize: 7,
        lineStyle: { width: 3 },
        label: etiquetaConTexto('top', filas.length <= 12),
      },
    ],
  };
}

/** Shares of a whole, as a ring with labelled parts. */
export function anillo(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): EChartsOption {
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: filas.filter((f) => f.valor > 0).map((f) => ({ ...f })) },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '56%'],
        encode: { itemName: 'etiqueta', value: 'valor' },
        label: {
          ...TEXTO,
          formatter: (p: { data: unknown; percent?: number }) =>
            `${(p.data as FilaGrafico).etiqueta}\n${(p.data as FilaGrafico).texto} (${formatearNumero(Math.round(p.percent ?? 0))} %)`,
        },
      },
    ],
  };
}

/**
 * Departments shaded by their figure (one light-to-dark blue, readable by
 * people with any colour-vision deficiency); departments without any stay grey.
 */
export function mapa(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): EChartsOption {
  const conCifra = filas.filter((f) => f.clave && f.valor > 0);
  return {
    ...marco(titulo, contexto, filas),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, data } = p as { name: string; data?: FilaGrafico };
        return data ? `${data.etiqueta}: ${data.texto}` : `${name}: sin cifras`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, ...conCifra.map((f) => f.valor)),
      left: 16,
      bottom: 40,
      text: ['Más', 'Menos'],
      textStyle: TEXTO,
      calculable: false,
      inRange: { color: ['#d6e6f4', '#0072B2', '#08306b'] },
      formatter: (v: unknown) => formatearNumero(Math.round(Number(v))),
    },
    series: [
      {
        type: 'map',
        map: MAPA_COLOMBIA,
        top: 86,
        bottom: 40,
        data: conCifra.map((f) => ({ ...f, name: f.clave!, value: f.valor })),
        itemStyle: { areaColor: '#eeeeee', borderColor: '#666666', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#E69F00' } },
        select: { disabled: true },
      },
    ],
  };
}

/**
 * Horizontal bars of several series stacked, one bar per category in the
 * rows' order (first on top), one colour per series with its legend.
 */
export function barrasApiladas(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): EChartsOption {
  const categorias = [...new Set(filas.map((f) => f.etiqueta))];
  const series = [...new Set(filas.map((f) => f.serie ?? ''))];
  const source = categorias.reverse().map((etiqueta) => ({
    etiqueta,
    clave: filas.find((f) => f.etiqueta === etiqueta)?.clave,
    ...Object.fromEntries(
      series.map((serie) => [
        serie,
        filas.find((f) => f.etiqueta === etiqueta && (f.serie ?? '') === serie)?.valor ?? 0,
      ]),
    ),
  }));
  const margen = Math.min(360, 24 + 7.5 * Math.max(8, ...categorias.map((c) => c.length)));
  return {
    ...marco(titulo, contexto, filas),
    legend: { top: 62, left: 16, textStyle: TEXTO },
    dataset: { dimensions: ['etiqueta', ...series], source },
    grid: { left: margen, right: 40, top: 110, bottom: 64 },
    xAxis: EJE_DE_VALORES,
    yAxis: { type: 'category', axisLabel: { ...TEXTO, width: margen - 16, overflow: 'break' } },
    series: series.map((serie, i) => ({
      type: 'bar',
      name: serie,
      stack: 'total',
      barMaxWidth: 40,
      encode: { x: serie, y: 'etiqueta' },
      itemStyle: { color: PALETA[i % PALETA.length] },
      label: {
        show: true,
        ...TEXTO,
        color: '#ffffff',
        formatter: (p: { value: unknown }) => {
          const valor = (p.value as Record<string, number>)[serie];
          return valor ? formatearNumero(valor) : '';
        },
      },
    })),
  };
}
