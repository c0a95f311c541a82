/**
 * The shapes of chart the catalogue uses, each a pure function from rows to an
 * ECharts option. Type, strokes and margins grow with the canvas (`escala`), so
 * that a 1080 × 1080 image reads on a phone as the dashboard reads on a screen;
 * every value axis names its unit; a chart of one figure says it instead of
 * drawing one bar; one without figures says so once.
 */
import type { EChartsOption } from 'echarts';
import { formatearNumero, mayuscula } from '@tablero/domain';
import { ContextoDeDibujo, FilaGrafico, filasQueSeDibujan, lecturaDeFila } from './grafico';
import {
  MAPA_DEPARTAMENTOS,
  MAPA_MUNICIPIOS,
  NombreMapa,
  nombreDeLugar,
  SIN_GEOMETRIA,
} from './mapa';
import { FUENTES_DEL_TEXTO, PALETA } from './paleta';

/** Sizes at escala 1: the dashboard's. */
const TAMANO = { texto: 12, titulo: 20, subtitulo: 13, fuente: 11, cifra: 34, linea: 3 };

function tipografia(contexto: ContextoDeDibujo) {
  const e = contexto.escala ?? 1;
  const texto = {
    fontFamily: FUENTES_DEL_TEXTO,
    color: '#1a1a1a',
    fontSize: Math.round(TAMANO.texto * e),
    lineHeight: Math.round(15 * e),
  };
  return { e, texto, px: (n: number) => Math.round(n * e) };
}

/**
 * Below this width (in the canvas's own units, escala 1) a chart is on a phone: a horizontal bar's
 * label sits above it at the plot's full width instead of beside it. Every published image is wider.
 */
export const ANCHO_ESTRECHO = 480;

function estrecho(contexto: ContextoDeDibujo): boolean {
  return contexto.ancho / (contexto.escala ?? 1) < ANCHO_ESTRECHO;
}

/**
 * The category axis of horizontal bars: beside the bars, the labels in the left margin; on a
 * phone, above each bar (`rotulo` says what the label reads: with its figure where the bar's end
 * has no room for it).
 */
function ejeDeCategorias(
  contexto: ContextoDeDibujo,
  margen: number,
  rotulo: (etiqueta: string) => string = (etiqueta) => etiqueta,
) {
  const { texto, px } = tipografia(contexto);
  if (!estrecho(contexto))
    return {
      type: 'category' as const,
      axisLabel: { ...texto, width: margen - px(16), overflow: 'break' as const },
    };
  return {
    type: 'category' as const,
    axisTick: { show: false },
    axisLabel: {
      ...texto,
      inside: true,
      verticalAlign: 'bottom' as const,
      padding: [0, 0, px(ALTO_BARRA_ESTRECHA / 2 + 3), 0],
      width: contexto.ancho - px(40),
      overflow: 'break' as const,
      formatter: rotulo,
    },
  };
}

/** A bar's thickness on a phone, where its label sits above it. */
const ALTO_BARRA_ESTRECHA = 14;

/** The least height of the plot of vertical bars or a line, between its margins. */
export const ALTO_MINIMO_DEL_DIBUJO = 220;

interface Margenes {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The height of a dashboard panel's canvas for an option drawn at a width: maps keep theirs;
 * horizontal bars get a row each, on a phone tall enough for its label above it however many
 * lines the label wraps to; small multiples keep the height of a small chart per row of panels.
 */
export function altoDelLienzo(opcion: EChartsOption, ancho: number, filas: number): number {
  if ([opcion.series].flat().some((s) => s?.type === 'map')) return 620;
  const renglones = Array.isArray(opcion.grid)
    ? Math.max(...opcion.grid.map((g) => ((g as { coord?: number[] }).coord?.[1] ?? 0) + 1))
    : 0;
  const categorias = Array.isArray(opcion.yAxis) ? undefined : opcion.yAxis;
  if (categorias?.type !== 'category') {
    const alto = Math.max(ancho < ANCHO_ESTRECHO ? 380 : 440, 160 + renglones * 170);
    // Under a title wrapped to three lines on a phone, a plot of vertical bars or a line keeps room to be read.
    const grid = Array.isArray(opcion.grid) ? undefined : (opcion.grid as Partial<Margenes>);
    return grid?.top === undefined || grid.bottom === undefined
      ? alto
      : Math.max(alto, grid.top + grid.bottom + ALTO_MINIMO_DEL_DIBUJO);
  }
  const { axisLabel } = categorias as {
    axisLabel?: {
      width: number;
      fontSize: number;
      lineHeight: number;
      inside?: boolean;
      formatter?: (e: string) => string;
    };
  };
  // Labels beside the bars (any width but a phone's): a row each.
  if (!axisLabel?.inside) return Math.max(380, 150 + filas * 30);
  const rotulo = axisLabel.formatter ?? ((e: string) => e);
  const { top, bottom } = opcion.grid as { top: number; bottom: number };
  const fuente = [opcion.dataset].flat()[0]?.source as { etiqueta: string }[] | undefined;
  const lineas = Math.max(
    1,
    ...(fuente ?? []).map(
      ({ etiqueta }) =>
        envolver(rotulo(etiqueta), axisLabel.width, axisLabel.fontSize).split('\n').length,
    ),
  );
  const fila = ALTO_BARRA_ESTRECHA + 16 + lineas * axisLabel.lineHeight;
  return Math.max(380, top + bottom + filas * fila);
}

/** A row as ECharts' dataset takes it. */
const fuenteDeDatos = ({ clave, etiqueta, valor, texto }: FilaGrafico) => ({
  clave,
  etiqueta,
  valor,
  texto,
});

const conCifra = (filas: readonly FilaGrafico[]) =>
  filas.filter((f): f is FilaGrafico & { valor: number } => f.valor !== null && f.valor > 0);

/** The unit under a horizontal value axis, wrapped to the canvas on a phone. */
function unidadDelEje(contexto: ContextoDeDibujo): string {
  const { texto, px } = tipografia(contexto);
  return estrecho(contexto)
    ? envolver(contexto.unidad, contexto.ancho - px(112), texto.fontSize)
    : contexto.unidad;
}

/** Room under a horizontal value axis for its ticks and its unit, however many lines it wraps to. */
function bajoElEje(contexto: ContextoDeDibujo): number {
  const { texto, px } = tipografia(contexto);
  return px(24) + (unidadDelEje(contexto).split('\n').length - 1) * texto.lineHeight;
}

/** Every figure is a count: whole-number ticks only, and the axis names the unit. */
function ejeDeValores(contexto: ContextoDeDibujo, ubicacion: 'middle' | 'end' = 'middle') {
  const { texto, px } = tipografia(contexto);
  return {
    type: 'value' as const,
    // On a phone a long unit wraps instead of running off the canvas.
    name: unidadDelEje(contexto),
    nameLocation: ubicacion,
    nameGap: px(ubicacion === 'middle' ? 30 : 12),
    // Above a vertical axis the unit starts at the axis and runs right, never off the canvas.
    nameTextStyle: {
      ...texto,
      color: '#444444',
      ...(ubicacion === 'end' ? { align: 'left' as const } : {}),
      ...(estrecho(contexto)
        ? { width: contexto.ancho - px(112), overflow: 'break' as const }
        : {}),
    },
    minInterval: 1,
    splitNumber: 4,
    axisLabel: { ...texto, hideOverlap: true, formatter: (v: number) => formatearNumero(v) },
  };
}

/** Each bar or point labelled with its qualified figure ("≈ 1.700", "> 300 presenciales · ≈ 1.700 remotos"). */
function etiquetaConTexto(contexto: ContextoDeDibujo, position: 'top' | 'right', show = true) {
  return {
    show,
    position,
    ...tipografia(contexto).texto,
    formatter: (p: { data: unknown }) => (p.data as FilaGrafico).texto,
  };
}

/** A message or a figure in the middle of the canvas, in place of a chart; parts told side by side go one per line. */
function enElCentro(contexto: ContextoDeDibujo, lineas: string[], destacada = false) {
  const { texto, px } = tipografia(contexto);
  const partes = lineas.flatMap((l) => l.split(' · '));
  const maximo = destacada ? px(partes.some((r) => r.length > 24) ? 26 : TAMANO.cifra) : px(18);
  const minimo = destacada ? px(18) : px(TAMANO.texto);
  // The longest line fits the canvas, down to a size still read at a glance; below that, lines
  // wrap (bold glyphs measured as 0.64 em, envolver's 0.6).
  const ancho = contexto.ancho - px(32);
  const largo = Math.max(...partes.map((r) => r.length));
  const tamano = Math.max(minimo, Math.min(maximo, Math.floor(ancho / (largo * 0.64))));
  const renglones =
    tamano * 0.64 * largo > ancho
      ? partes.flatMap((r) => envolver(r, ancho, (tamano * 0.64) / ANCHO_DE_LETRA).split('\n'))
      : partes;
  return [
    {
      type: 'text' as const,
      left: 'center',
      top: 'middle',
      style: {
        text: renglones.join('\n'),
        fontSize: tamano,
        lineHeight: Math.round(tamano * 1.4),
        fontWeight: destacada ? ('bold' as const) : ('normal' as const),
        fill: destacada ? '#08306b' : '#555555',
        fontFamily: texto.fontFamily,
      },
    },
  ];
}

/**
 * Title, filters in words, cut-off date, a note on what the figures leave out and the source line:
 * what every chart carries. Without figures, it says so once, in the middle.
 */
function marco(
  titulo: string,
  contexto: ContextoDeDibujo,
  filas: readonly FilaGrafico[],
): EChartsOption {
  const { texto, px } = tipografia(contexto);
  const subtitulo = subtituloDe(contexto);
  // A long note wraps inside the canvas.
  const pie = [contexto.nota, contexto.fuente]
    .filter((t): t is string => Boolean(t))
    .map((t) => envolver(t, contexto.ancho - px(32), px(TAMANO.fuente)))
    .join('\n');
  return {
    graphic: filasQueSeDibujan(filas).length
      ? []
      : enElCentro(contexto, [mayuscula(contexto.vacio)]),
    color: PALETA,
    backgroundColor: '#ffffff',
    textStyle: texto,
    aria: { enabled: true, decal: { show: false } },
    animation: false,
    title: [
      {
        text: envolver(titulo, contexto.ancho - px(32), px(TAMANO.titulo)),
        subtext: envolver(subtitulo, contexto.ancho - px(32), px(TAMANO.subtitulo)),
        left: px(16),
        top: px(12),
        textStyle: {
          ...texto,
          fontSize: px(TAMANO.titulo),
          lineHeight: px(26),
          fontWeight: 'bold',
        },
        subtextStyle: { ...texto, fontSize: px(TAMANO.subtitulo), color: '#444444' },
      },
      {
        text: pie,
        left: px(16),
        bottom: px(10),
        textStyle: {
          ...texto,
          fontSize: px(TAMANO.fuente),
          lineHeight: px(15),
          fontWeight: 'normal',
          color: '#555555',
        },
      },
    ],
  };
}

/** The filters in words and the cut-off date, under the title. */
function subtituloDe(contexto: ContextoDeDibujo): string {
  return [contexto.filtrosEnPalabras, contexto.fechaCorte ? `Corte: ${contexto.fechaCorte}` : null]
    .filter(Boolean)
    .join(' · ');
}

/** Where the plot starts (`base` for one line of each): under the title and subtitle, however many lines they wrap to. */
function bajoElTitulo(titulo: string, contexto: ContextoDeDibujo, base: number): number {
  const { px } = tipografia(contexto);
  // A phone's line more: a value axis's unit wraps to two.
  const telefono = estrecho(contexto) ? px(16) : 0;
  const ancho = contexto.ancho - px(32);
  const extra = (texto: string, tamano: number) =>
    envolver(texto, ancho, px(tamano)).split('\n').length - 1;
  return (
    px(base) +
    telefono +
    extra(titulo, TAMANO.titulo) * px(30) +
    extra(subtituloDe(contexto), TAMANO.subtitulo) * px(18)
  );
}

/** Room under the plot for the note and the source line. */
const pieDe = (contexto: ContextoDeDibujo) => {
  const { px } = tipografia(contexto);
  const ancho = contexto.ancho - px(32);
  const renglones = (texto: string | undefined) =>
    texto ? envolver(texto, ancho, px(TAMANO.fuente)).split('\n').length : 0;
  // The source line is one line on every image; on a phone's panel it may wrap too.
  return px(56) + (renglones(contexto.nota) + Math.max(0, renglones(contexto.fuente) - 1)) * px(15);
};

/** A character's average width in DejaVu Sans, in ems: how long a text is before it is drawn. */
const ANCHO_DE_LETRA = 0.6;

/** Words to lines that fit a width, for text ECharts does not wrap (a title's lines). */
export function envolver(texto: string, ancho: number, tamano: number): string {
  const porLinea = Math.max(20, Math.floor(ancho / (tamano * ANCHO_DE_LETRA)));
  const lineas: string[] = [];
  for (const palabra of texto.split(' ')) {
    const ultima = lineas[lineas.length - 1];
    if (ultima !== undefined && ultima.length + 1 + palabra.length <= porLinea)
      lineas[lineas.length - 1] = `${ultima} ${palabra}`;
    else lineas.push(palabra);
  }
  return lineas.join('\n');
}

/** One figure is told, not drawn as a lone bar or a full ring. */
function unaSolaCifra(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
): EChartsOption | undefined {
  const cifras = conCifra(filas);
  if (cifras.length !== 1 || filas.length !== 1) return undefined;
  return {
    ...marco(titulo, contexto, filas),
    graphic: enElCentro(contexto, [cifras[0].etiqueta, cifras[0].texto], true),
  };
}

/**
 * Horizontal bars, largest first, labels never cut (the longest label sets
 * the left margin), each bar labelled with its qualified figure.
 */
export function barrasHorizontales(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
): EChartsOption {
  const sola = unaSolaCifra(titulo, filas, contexto);
  if (sola) return sola;
  const { px, e } = tipografia(contexto);
  const ordenadas = [...filas].sort((a, b) => (b.valor ?? -1) - (a.valor ?? -1));
  const enTelefono = estrecho(contexto);
  const margen = enTelefono
    ? px(12)
    : Math.min(px(360), px(24) + 7.5 * e * Math.max(8, ...ordenadas.map((f) => f.etiqueta.length)));
  const textoMasLargo = Math.max(...ordenadas.map((f) => f.texto.length), 4);
  const textoDe = new Map(ordenadas.map((f) => [f.etiqueta, f.texto]));
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: [...ordenadas].reverse().map(fuenteDeDatos) },
    grid: {
      left: margen,
      right: enTelefono ? px(24) : Math.min(px(320), px(20) + 7 * e * textoMasLargo),
      top: bajoElTitulo(titulo, contexto, 86),
      bottom: pieDe(contexto) + bajoElEje(contexto),
    },
    xAxis: ejeDeValores(contexto),
    yAxis: ejeDeCategorias(contexto, margen, (etiqueta) => `${etiqueta}: ${textoDe.get(etiqueta)}`),
    series: [
      {
        type: 'bar',
        barMaxWidth: px(enTelefono ? ALTO_BARRA_ESTRECHA : 56),
        encode: { x: 'valor', y: 'etiqueta' },
        label: etiquetaConTexto(contexto, 'right', !enTelefono),
        itemStyle: { color: PALETA[0] },
      },
    ],
  };
}

/** The room left of the plot of vertical bars and a line, for the value axis's figures. */
const IZQUIERDA_SOBRE_CATEGORIAS = 80;

/**
 * What vertical bars and a line share: the frame, the rows as the dataset, the
 * plot area (its right and bottom margins in px at the chart's scale) and the value axis.
 */
function sobreCategorias(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
  { derecha, abajo }: { derecha: number; abajo: number },
): EChartsOption {
  const { px } = tipografia(contexto);
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: filas.map(fuenteDeDatos) },
    grid: {
      left: px(IZQUIERDA_SOBRE_CATEGORIAS),
      right: px(derecha),
      // The value axis's unit stands above the plot, under the filters in words.
      top: bajoElTitulo(titulo, contexto, 98),
      bottom: pieDe(contexto) + px(abajo),
    },
    yAxis: ejeDeValores(contexto, 'end'),
  };
}

/**
 * Vertical bars in the rows' own order: categories (phases) each in its own
 * colour, or periods of a timeline (months, or a period of several) all in one.
 */
export function barrasVerticales(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
  colores: 'por-categoria' | 'uno' = 'por-categoria',
): EChartsOption {
  const sola = unaSolaCifra(titulo, filas, contexto);
  if (sola) return sola;
  const { texto, px, e } = tipografia(contexto);
  // Narrow enough that neighbours never overlap on the plot's width (the canvas but its margins).
  // Where a label's longest word is wider than its slot (periods on a phone), the labels run up
  // from the axis instead.
  const margenes = { derecha: 24, abajo: 44 };
  const dibujo = contexto.ancho - px(IZQUIERDA_SOBRE_CATEGORIAS + margenes.derecha);
  const hueco = Math.min(px(140), Math.floor(dibujo / Math.max(1, filas.length)) - px(24));
  const anchoDe = (letras: number) => letras * texto.fontSize * ANCHO_DE_LETRA;
  const palabra = anchoDe(
    Math.max(...filas.flatMap((f) => f.etiqueta.split(' ').map((p) => p.length))),
  );
  const girar = palabra > hueco;
  const largo = anchoDe(Math.max(...filas.map((f) => f.etiqueta.length)));
  return {
    ...sobreCategorias(
      titulo,
      filas,
      contexto,
      girar ? { ...margenes, abajo: 20 + Math.ceil(largo / e) } : margenes,
    ),
    xAxis: {
      type: 'category',
      axisLabel: girar
        ? { ...texto, interval: 0, rotate: 90 }
        : { ...texto, interval: 0, width: hueco, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: px(96),
        encode: { x: 'etiqueta', y: 'valor' },
        colorBy: colores === 'uno' ? 'series' : 'data',
        label: etiquetaConTexto(contexto, 'top'),
      },
    ],
  };
}

/** A running total over time, labelled where it changes when its points are few. */
export function linea(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
): EChartsOption {
  const sola = unaSolaCifra(titulo, filas, contexto);
  if (sola) return sola;
  const { texto, px } = tipografia(contexto);
  return {
    ...sobreCategorias(titulo, filas, contexto, { derecha: 40, abajo: 24 }),
    xAxis: { type: 'category', axisLabel: texto },
    series: [
      {
        type: 'line',
        encode: { x: 'etiqueta', y: 'valor' },
        symbolSize: px(7),
        lineStyle: { width: px(TAMANO.linea) },
        label: {
          ...etiquetaConTexto(contexto, 'top', filas.length <= 24),
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            dataIndex > 0 && filas[dataIndex - 1].texto === filas[dataIndex].texto
              ? ''
              : filas[dataIndex].texto,
        },
      },
    ],
  };
}

/** Shares of a whole, as a ring with labelled parts. */
export function anillo(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
): EChartsOption {
  const partes = conCifra(filas);
  const sola = unaSolaCifra(titulo, partes, contexto);
  if (sola) return sola;
  // A share of a whole with any part not exact is not exact either.
  const cerca = partes.every((f) => f.texto === formatearNumero(f.valor!)) ? '' : '≈ ';
  return {
    ...marco(titulo, contexto, filas),
    dataset: { source: partes.map(fuenteDeDatos) },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '56%'],
        encode: { itemName: 'etiqueta', value: 'valor' },
        label: {
          ...tipografia(contexto).texto,
          formatter: (p: { data: unknown; percent?: number }) =>
            `${(p.data as FilaGrafico).etiqueta}\n${(p.data as FilaGrafico).texto} (${cerca}${formatearNumero(Math.round(p.percent ?? 0))} %)`,
        },
      },
    ],
  };
}

const AZULES = ['#c6dbef', '#6baed6', '#2171b5', '#08519c', '#08306b'];
const CONJUNTA = '#f3d9a4';
const SIN_CIFRA = '#eeeeee';

/** Rounded down to two significant digits: class limits a reader can say aloud. */
function redondear(valor: number): number {
  if (valor < 10) return Math.floor(valor);
  const escala = 10 ** (Math.floor(Math.log10(valor)) - 1);
  return Math.floor(valor / escala) * escala;
}

/**
 * Up to five classes of the figures, by their quantiles with round limits: [desde, hasta] each,
 * the first from the smallest figure, the last to the largest.
 */
export function clasesDe(valores: readonly number[]): [number, number][] {
  const ordenados = [...valores].sort((a, b) => a - b);
  if (ordenados.length === 0) return [];
  const menor = ordenados[0];
  const mayor = ordenados[ordenados.length - 1];
  const cortes = [0.2, 0.4, 0.6, 0.8]
    .map((p) => redondear(ordenados[Math.floor(p * (ordenados.length - 1))]))
    .filter((c) => c > menor && c <= mayor);
  const inicios = [menor, ...new Set(cortes)];
  return inicios.map((desde, i) => [desde, i < inicios.length - 1 ? inicios[i + 1] - 1 : mayor]);
}

/**
 * A class's words in the legend: its range, the last one open ("5 o más") since its top would be
 * a member's sum where the source tells parts side by side; a lone member's own words when its
 * parts are told side by side.
 */
function etiquetaDeClase(
  [desde, hasta]: [number, number],
  ultima: boolean,
  miembros: readonly FilaGrafico[],
): string {
  // Figures that all read alike are told in their own words: a lower bound is «> 300», not «300».
  if (miembros.length && miembros.every((m) => m.texto === miembros[0].texto))
    return miembros[0].texto;
  if (ultima) return desde === hasta ? formatearNumero(desde) : `${formatearNumero(desde)} o más`;
  return desde === hasta
    ? formatearNumero(desde)
    : `${formatearNumero(desde)} – ${formatearNumero(hasta)}`;
}

/**
 * Departments or municipalities shaded by class of their own figure (light to dark blue, readable
 * with any colour-vision deficiency), those reached only within a figure declared for several
 * places together in sand, the rest in grey; the legend says each class's values. On the national
 * municipal map, the departments' borders are drawn over the municipalities'. A code the
 * geometry has no polygon for is named under the map.
 */
export function mapa(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
  nombre: NombreMapa = contexto.mapa ?? MAPA_DEPARTAMENTOS,
): EChartsOption {
  const { texto, px } = tipografia(contexto);
  const propias = conCifra(filas).filter((f) => f.clave && !f.conjunta);
  const conjuntas = filas.filter((f) => f.clave && f.conjunta);
  const clases = clasesDe(propias.map((f) => f.valor));
  const claseDe = (valor: number) => clases.findIndex(([, hasta]) => valor <= hasta) + 1;
  const sinPoligono = propias.filter((f) => SIN_GEOMETRIA.includes(f.clave!));
  const nota = [
    contexto.nota,
    ...sinPoligono.map(
      (f) =>
        `${f.etiqueta} (${f.clave}): ${f.texto}, sin geometría en el mapa del DANE (MGN 2018).`,
    ),
  ]
    .filter(Boolean)
    .join(' ');
  const contextoDelMapa = {
    ...contexto,
    filtrosEnPalabras: `${contexto.filtrosEnPalabras} · ${contexto.unidad}`,
    nota: nota || undefined,
  };
  const marcoDelMapa = marco(titulo, contextoDelMapa, filas);
  // The legend sits under the map, one line per class: it covers no land at any aspect ratio.
  const piezas = clases.length + 2;
  const disposicion = {
    left: px(16),
    right: px(16),
    top: bajoElTitulo(titulo, contextoDelMapa, 96),
    bottom: pieDe(contextoDelMapa) + px(20) + piezas * px(22),
  };
  const municipalNacional = nombre === MAPA_MUNICIPIOS;
  return {
    ...marcoDelMapa,
    visualMap: {
      type: 'piecewise',
      show: propias.length + conjuntas.length > 0,
      dimension: 0,
      seriesIndex: 0,
      left: px(16),
      bottom: pieDe(contextoDelMapa) + px(12),
      align: 'left',
      itemWidth: px(20),
      itemHeight: px(14),
      itemGap: px(8),
      textStyle: texto,
      hoverLink: false,
      pieces: [
        ...clases
          .map((c, i) => ({
            value: i + 1,
            label: etiquetaDeClase(
              c,
              i === clases.length - 1,
              propias.filter((f) => claseDe(f.valor) === i + 1),
            ),
            color: AZULES[i + AZULES.length - clases.length],
          }))
          .reverse(),
        { value: 0, label: 'Alcanzado en cifra conjunta', color: CONJUNTA },
        { value: -1, label: 'Sin cifras', color: SIN_CIFRA },
      ],
    },
    series: [
      {
        type: 'map',
        map: nombre,
        ...disposicion,
        data: [
          ...propias.map((f) => ({ name: f.clave!, value: claseDe(f.valor), fila: f })),
          ...conjuntas.map((f) => ({ name: f.clave!, value: 0, fila: f })),
        ],
        itemStyle: {
          areaColor: SIN_CIFRA,
          borderColor: municipalNacional ? '#bbbbbb' : '#666666',
          borderWidth: municipalNacional ? 0.2 : px(0.6),
        },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#E69F00' } },
        select: { disabled: true },
      },
      ...(municipalNacional
        ? [
            {
              type: 'map' as const,
              map: MAPA_DEPARTAMENTOS,
              ...disposicion,
              silent: true,
              itemStyle: { areaColor: 'transparent', borderColor: '#444444', borderWidth: px(0.8) },
              emphasis: { disabled: true },
              select: { disabled: true },
              data: [],
            },
          ]
        : []),
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
  contexto: ContextoDeDibujo,
): EChartsOption {
  const { texto, px, e } = tipografia(contexto);
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
  const margen = estrecho(contexto)
    ? px(12)
    : Math.min(px(360), px(24) + 7.5 * e * Math.max(8, ...categorias.map((c) => c.length)));
  return {
    ...marco(titulo, contexto, filas),
    legend: { top: bajoElTitulo(titulo, contexto, 62), left: px(16), textStyle: texto },
    dataset: { dimensions: ['etiqueta', ...series], source },
    grid: {
      left: margen,
      right: px(40),
      top: bajoElTitulo(titulo, contexto, 110),
      bottom: pieDe(contexto) + bajoElEje(contexto),
    },
    xAxis: ejeDeValores(contexto),
    yAxis: ejeDeCategorias(contexto, margen),
    series: series.map((serie, i) => ({
      type: 'bar',
      name: serie,
      stack: 'total',
      barMaxWidth: px(estrecho(contexto) ? ALTO_BARRA_ESTRECHA : 40),
      encode: { x: serie, y: 'etiqueta' },
      itemStyle: { color: PALETA[i % PALETA.length] },
      label: {
        show: true,
        ...texto,
        color: '#ffffff',
        formatter: (p: { value: unknown }) => {
          const valor = (p.value as Record<string, number>)[serie];
          return valor ? formatearNumero(valor) : '';
        },
      },
    })),
  };
}

/**
 * Small multiples: one small bar chart per series (a metric), each with its own scale, whose bars
 * are the categories (the phases) side by side in the same colour everywhere. A category without a
 * figure draws no bar and says «sin dato» under its name; never a zero. Panels per row follow the
 * canvas's width: all in one row on a wide one, three on a square, two on a phone.
 */
export function paneles(
  titulo: string,
  filas: readonly FilaGrafico[],
  contexto: ContextoDeDibujo,
): EChartsOption {
  const base = marco(titulo, contexto, filas);
  if (conCifra(filas).length === 0) return base;
  const { texto, px, e } = tipografia(contexto);
  const series = [...new Set(filas.map((f) => f.serie ?? ''))];
  const ancho = contexto.ancho / e;
  const columnas = Math.min(series.length, ancho >= 760 ? 5 : ancho >= 420 ? 3 : 2);
  const renglones = Math.ceil(series.length / columnas);
  const delPanel = (serie: string) => filas.filter((f) => (f.serie ?? '') === serie);
  const anchoDelPanel = (contexto.ancho - px(32)) / columnas - px(16);
  const categorias = Math.max(...series.map((serie) => delPanel(serie).length));
  return {
    ...base,
    dataset: series.map((serie) => ({ source: delPanel(serie).map(fuenteDeDatos) })),
    matrix: {
      left: px(16),
      right: px(16),
      top: bajoElTitulo(titulo, contexto, 76),
      bottom: pieDe(contexto),
      x: { show: false, data: Array.from({ length: columnas }, (_, i) => String(i)) },
      y: { show: false, data: Array.from({ length: renglones }, (_, i) => String(i)) },
      body: { itemStyle: { borderWidth: 0 } },
      backgroundStyle: { borderWidth: 0 },
    },
    grid: series.map((_, i) => ({
      coordinateSystem: 'matrix',
      coord: [i % columnas, Math.floor(i / columnas)],
      top: px(60),
      bottom: px(8),
      left: px(8),
      right: px(8),
    })),
    xAxis: series.map((serie, i) => ({
      gridIndex: i,
      type: 'category' as const,
      axisTick: { show: false },
      axisLabel: {
        ...texto,
        interval: 0,
        // On a narrow panel each word goes on a line of its own rather than run into its neighbour.
        // Every part is styled: ECharts would draw unstyled parts beside rich ones at its default size.
        formatter: (etiqueta: string, j: number) => {
          const estrecho = anchoDelPanel / categorias < px(60);
          const partir = (texto: string) => (estrecho ? texto.split(' ') : [texto]);
          return [
            ...partir(etiqueta).map((t) => `{nombre|${t}}`),
            ...(delPanel(serie)[j]?.valor === null
              ? partir('sin dato').map((t) => `{sinDato|${t}}`)
              : []),
          ].join('\n');
        },
        rich: {
          nombre: texto,
          sinDato: { ...texto, color: '#555555', fontStyle: 'italic' as const },
        },
      },
    })),
    // The panel's name stands above its bars, where the value axis would be: each panel has its own scale.
    yAxis: series.map((serie, i) => ({
      gridIndex: i,
      type: 'value' as const,
      name: envolver(serie, anchoDelPanel, px(TAMANO.texto)),
      nameLocation: 'end' as const,
      nameGap: px(22),
      // A name of two lines grows upwards, away from the bars' labels.
      nameTextStyle: {
        ...texto,
        align: 'left' as const,
        verticalAlign: 'bottom' as const,
        fontWeight: 'bold' as const,
      },
      axisLabel: { show: false },
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
    })),
    series: series.map((_, i) => ({
      type: 'bar' as const,
      datasetIndex: i,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: px(56),
      colorBy: 'data' as const,
      encode: { x: 'etiqueta', y: 'valor' },
      label: etiquetaConTexto(contexto, 'top'),
    })),
  };
}

/** What a drawn item (a bar, a point, a slice, a region) stands for: its row's key, and what it reads. */
export interface Lectura {
  readonly clave?: string | null;
  readonly texto: string;
}

/**
 * What the item `dato` of series `serie` stands for in an option as ECharts holds it once set
 * (`getOption()`: a map's series lists every region, those without a row too); none for an
 * item that stands for nothing (the departments' outlines over a municipal map).
 */
export function lecturaDe(opcion: EChartsOption, serie: number, dato: number): Lectura | undefined {
  const definida = [opcion.series].flat()[serie] as
    | { type?: string; name?: string; data?: unknown[]; datasetIndex?: number; silent?: boolean }
    | undefined;
  if (!definida || definida.silent) return undefined;
  if (definida.type === 'map') {
    const region = definida.data?.[dato] as { name: string; fila?: FilaGrafico } | undefined;
    if (!region) return undefined;
    return region.fila
      ? { clave: region.fila.clave, texto: lecturaDeFila(region.fila) }
      : { texto: `${nombreDeLugar(region.name) ?? region.name}: sin cifras` };
  }
  const fuente = [opcion.dataset].flat()[definida.datasetIndex ?? 0]?.source as
    Record<string, unknown>[] | undefined;
  const fila = fuente?.[dato];
  if (!fila) return undefined;
  // Stacked bars: a row holds each series' figure under the series' name.
  if (definida.name !== undefined && typeof fila[definida.name] === 'number') {
    return {
      clave: fila.clave as string | undefined,
      texto: `${String(fila.etiqueta)} · ${definida.name}: ${formatearNumero(fila[definida.name] as number)}`,
    };
  }
  return {
    clave: fila.clave as string | undefined,
    texto: lecturaDeFila(fila as unknown as FilaGrafico),
  };
}
