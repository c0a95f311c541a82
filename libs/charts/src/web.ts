/** What the browser may import from this library: the definitions, no server code. */
export { GRAFICO, GRAFICOS } from './charts.catalogue';
export type { ConsultaGrafico, Contexto, DefinicionGrafico, FilaGrafico } from './grafico';
export { MAPA_COLOMBIA, ARCHIVO_MAPA_COLOMBIA } from './mapa';
export type { MapaDepartamentos } from './mapa';
