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

export const FUENTE_TIPOGRAFICA = 'DejaVu Sans';
