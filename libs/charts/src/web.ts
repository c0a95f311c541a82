/** What the browser may import from this library: the definitions, no server code. */
export { GRAFICO, GRAFICOS } from './charts.catalogue';
export { filasQueSeDibujan, filtrosDelGrafico } from './grafico';
export type {
  ConsultaGrafico,
  Contexto,
  DatosGrafico,
  DefinicionGrafico,
  FilaGrafico,
} from './grafico';
export { fuenteDeMapa, geometriaDe, mapaMunicipal, mapasDe } from './mapa';
export { altoDelLienzo } from './opciones';
export type { FuenteDeMapa, NombreMapa } from './mapa';
export {
  ambitosDeResumen,
  GRAFICOS_DE_PARTICIPACION,
  GRAFICOS_DE_RESUMEN,
  graficosDeTerritorio,
  pedidosDeVista,
  rutaDeCobertura,
  rutaDeKpis,
  rutaDePersonasUnicas,
  rutaDelGrafico,
} from './pedidos-de-vista';
