export { GRAFICO, GRAFICOS } from './charts.catalogue';
export {
  Contexto,
  DatosGrafico,
  DefinicionGrafico,
  FilaGrafico,
  filasQueSeDibujan,
  filtrosDelGrafico,
} from './grafico';
export { pedidosDeVista } from './pedidos-de-vista';
export { ARCHIVOS_DE_FUENTE, opcionesDeResvg, renderizarPng, renderizarSvg } from './render';
export { ChartsModule } from './charts.module';
export {
  escalaDelTexto,
  GraficosService,
  Lienzo,
  LIENZO_POR_DEFECTO,
  PRESETS,
} from './graficos.service';
