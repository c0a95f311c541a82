export { GRAFICO, GRAFICOS } from './charts.catalogue';
export {
  ConsultaGrafico,
  Contexto,
  DatosGrafico,
  DefinicionGrafico,
  FilaGrafico,
  filasQueSeDibujan,
  filtrosDelGrafico,
  SeriePdt,
  SERIES_PDT,
} from './grafico';
export {
  fuenteDeMapa,
  geometriaDe,
  MAPA_DEPARTAMENTOS,
  MAPA_MUNICIPIOS,
  mapaMunicipal,
  mapasDe,
  SIN_GEOMETRIA,
} from './mapa';
export type { FuenteDeMapa, GeometriaTerritorial, NombreMapa } from './mapa';
export { pedidosDeVista } from './pedidos-de-vista';
export { topologiaDelPais } from './topologia-del-pais';
export { FUENTE_TIPOGRAFICA, PALETA } from './paleta';
export { ARCHIVOS_DE_FUENTE, opcionesDeResvg, renderizarPng, renderizarSvg } from './render';
export { ChartsModule } from './charts.module';
export {
  escalaDelTexto,
  GraficosService,
  Lienzo,
  LIENZO_POR_DEFECTO,
  PRESETS,
} from './graficos.service';
