/**
 * What a dashboard view asks the API for as soon as it is drawn, by the page's filters: the views
 * build their requests from here, and the server names the same addresses in the page it sends
 * (`<link rel="preload">`), so that a browser fetches them beside the scripts instead of after them.
 */
import { FASES } from '@tablero/domain';
import { consultaDeFiltros, type Filtros } from '@tablero/metrics';
import { GRAFICO } from './charts.catalogue';
import { filtrosDelGrafico } from './grafico';

/**
 * A chart's rows (json), image (png, svg) or figures as a workbook (xlsx) under the page's filters;
 * `extra`, the view's own parameters its figures depend on (the PDT states' date).
 */
export function rutaDelGrafico(
  id: string,
  formato: 'json' | 'png' | 'svg' | 'xlsx',
  filtros: Filtros,
  extra: Record<string, string> = {},
): string {
  return `/api/v1/graficos/${id}.${formato}${consultaDelGrafico(id, filtros, extra)}`;
}

/** A chart as a dashboard panel draws it, `ancho` pixels wide, under the page's filters. */
export function rutaDelDibujo(
  id: string,
  ancho: number,
  filtros: Filtros,
  extra: Record<string, string> = {},
): string {
  return `/api/v1/graficos/${id}/panel.svg${consultaDelGrafico(id, filtros, { ...extra, ancho: String(ancho) })}`;
}

/** The filters the chart takes of the page's, and the parameters of its own. */
function consultaDelGrafico(id: string, filtros: Filtros, propios: Record<string, string>): string {
  const definicion = GRAFICO.get(id);
  if (!definicion) throw new Error(`Gráfico desconocido: ${id}`);
  return consultaDeFiltros(filtrosDelGrafico(definicion, filtros), propios);
}

export const rutaDeKpis = (filtros: Filtros): string => `/api/v1/kpis${consultaDeFiltros(filtros)}`;

export const rutaDeCobertura = (filtros: Filtros): string =>
  `/api/v1/cobertura${consultaDeFiltros(filtros)}`;

export const rutaDePersonasUnicas = (filtros: Filtros): string =>
  `/api/v1/personas-unicas${consultaDeFiltros(filtros)}`;

export const GRAFICOS_DE_RESUMEN = ['interacciones-por-fase', 'interacciones-acumuladas'];

/** Resumen's cards: the whole under the filters and, with no phase chosen, each phase's. */
export const ambitosDeResumen = (filtros: Filtros): Filtros[] => [
  filtros,
  ...(filtros.fase ? [] : FASES.map((fase) => ({ ...filtros, fase }))),
];

/** The country's maps and the ranking of departments, or one department's municipalities. */
export const graficosDeTerritorio = ({ departamento }: Filtros): string[] => [
  ...(departamento ? [] : ['mapa-por-departamento']),
  'mapa-por-municipio',
  departamento ? 'interacciones-por-municipio' : 'interacciones-por-departamento',
];

export const GRAFICOS_DE_PARTICIPACION = [
  'asistencias-por-grupo',
  'interacciones-por-aliado',
  'interacciones-por-canal',
];

/** The API's answers a view waits for before it is drawn; none for views not declared here. */
export function pedidosDeVista(vista: string, filtros: Filtros): string[] {
  const graficos = (ids: string[]) => ids.map((id) => rutaDelGrafico(id, 'json', filtros));
  switch (vista) {
    case 'resumen':
      return [...graficos(GRAFICOS_DE_RESUMEN), ...ambitosDeResumen(filtros).map(rutaDeKpis)];
    case 'territorio':
      return [...graficos(graficosDeTerritorio(filtros)), rutaDeCobertura(filtros)];
    case 'participacion':
      return [
        ...graficos(GRAFICOS_DE_PARTICIPACION),
        rutaDeKpis(filtros),
        rutaDePersonasUnicas(filtros),
      ];
    default:
      return [];
  }
}
