export { GRAFICO, GRAFICOS } from './charts.catalogue';
export {
  ConsultaGrafico,
  Contexto,
  DefinicionGrafico,
  FilaGrafico,
  SeriePdt,
  SERIES_PDT,
} from './grafico';
export { ARCHIVO_MAPA_COLOMBIA, MAPA_COLOMBIA } from './mapa';
export type { MapaDepartamentos, PropiedadesDepartamento } from './mapa';
export { PALETA } from './paleta';
export { renderizarPng, renderizarSvg } from './render';
export { ChartsModule } from './charts.module';
export { GraficosService, Lienzo, LIENZO_POR_DEFECTO, PRESETS } from './graficos.service';
