/** What the browser may import from this library: formats and closed lists, no entities. */
export * from './calificador';
export * from './cifra';
export * from './formato';
export * from './vocabularios';
export * from './pdt';
