/**
 * Okabe & Ito's palette: told apart by people with any common colour-vision
 * deficiency, and ordered so that neighbours also differ in lightness (readable
 * in greyscale).
 */
export const PALETA = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/** The font every chart is drawn with: its files ship with the server (the PNG images, the PDF). */
export const FUENTE_TIPOGRAFICA = 'DejaVu Sans';

/**
 * What a chart's text asks for: DejaVu Sans or, where it is not installed (most Windows and Mac
 * computers showing the dashboard or opening an SVG), a sans-serif of about its width, never the
 * browser's default serif.
 */
export const FUENTES_DEL_TEXTO = `'${FUENTE_TIPOGRAFICA}', Verdana, sans-serif`;
