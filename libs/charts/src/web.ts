/** What the browser may import from this library: the definitions and routes, no server code. */
export { GRAFICO, GRAFICOS } from './charts.catalogue';
export { cifraDeFila, filasQueSeDibujan, filtrosDelGrafico, lecturaDeFila } from './grafico';
export type {
  ConsultaGrafico,
  Contexto,
  DatosGrafico,
  DefinicionGrafico,
  FilaGrafico,
} from './grafico';
export {
  ambitosDeResumen,
  GRAFICOS_DE_PARTICIPACION,
  GRAFICOS_DE_RESUMEN,
  graficosDeTerritorio,
  pedidosDeVista,
  rutaDeCobertura,
  rutaDeKpis,
  rutaDePersonasUnicas,
  rutaDelDibujo,
  rutaDelGrafico,
} from './pedidos-de-vista';
