/**
 * Colombia's departments and municipalities for the choropleths: DANE's
 * Marco Geoestadístico Nacional 2018, simplified, as one TopoJSON keyed by
 * DIVIPOLA codes (libs/domain/src/referencia/territorio/municipios.topo.json).
 * The browser fetches the topology once (a content-hashed file) and the server
 * reads it to render images; both make the maps a chart asks for from it here.
 */
import type { EChartsOption } from 'echarts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';

/** The national map of departments; of all municipalities; of one department's municipalities. */
export type NombreMapa = 'departamentos' | 'municipios' | `municipios-${string}`;

export const MAPA_DEPARTAMENTOS: NombreMapa = 'departamentos';
export const MAPA_MUNICIPIOS: NombreMapa = 'municipios';

/** The municipal map a chart draws: one department's, or the whole country's. */
export function mapaMunicipal(departamento?: string): NombreMapa {
  return departamento ? `municipios-${departamento}` : MAPA_MUNICIPIOS;
}

/** Where the build publishes the topology, under the dashboard's assets (its name carries its hash). */
export const CARPETA_MAPAS = 'assets/mapas';

/** The codes DANE lists that MGN 2018 draws no polygon for (27493's land is inside its neighbours there). */
export const SIN_GEOMETRIA: readonly string[] = ['27493'];

export interface PropiedadesTerritorio {
  /** DIVIPOLA code: ECharts joins a map's regions to the data by this `name`. */
  readonly name: string;
  readonly nombre: string;
}

export type GeometriaTerritorial = FeatureCollection<Geometry, PropiedadesTerritorio>;

interface PropiedadesTopologia {
  readonly name: string;
  readonly dpto?: string;
}

/** A map of the topology as GeoJSON keyed by DIVIPOLA code, as ECharts' registerMap takes it. */
/**
 * Share of the boundary points a map of the whole country keeps: drawn a few hundred pixels wide,
 * the rest fall within a pixel of their neighbours and only weigh on the image and the page.
 */
const PUNTOS_DEL_MAPA_NACIONAL = 0.12;

const simplificadas = new WeakMap<Topology, Topology>();

/** The topology with the least significant points dropped (Visvalingam), shared borders kept shared. */
function paraElPais(topologia: Topology): Topology {
  let simplificada = simplificadas.get(topologia);
  if (!simplificada) {
    // quantile(t, p): the least weight among the share p of points that weigh most.
    const pesada = presimplify(topologia as Topology<Objects>);
    simplificada = simplify(pesada, quantile(pesada, PUNTOS_DEL_MAPA_NACIONAL));
    simplificadas.set(topologia, simplificada);
  }
  return simplificada;
}

export function geometriaDe(topologia: Topology, nombre: NombreMapa): GeometriaTerritorial {
  const objeto = nombre === MAPA_DEPARTAMENTOS ? 'departamentos' : 'municipios';
  const departamento = nombre.startsWith('municipios-') ? nombre.slice('municipios-'.length) : null;
  const dibujada = departamento === null ? paraElPais(topologia) : topologia;
  const coleccion = feature(
    dibujada,
    dibujada.objects[objeto] as GeometryCollection<PropiedadesTopologia>,
  );
  const regiones = coleccion.features.filter(
    (f) => departamento === null || f.properties?.dpto === departamento,
  );
  return {
    type: 'FeatureCollection',
    features: regiones.map((f): Feature<Geometry, PropiedadesTerritorio> => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { name: String(f.id), nombre: f.properties?.name ?? String(f.id) },
    })),
  };
}

/** The maps an option's map series draw. */
export function mapasDe(opcion: EChartsOption): NombreMapa[] {
  return [opcion.series]
    .flat()
    .flatMap((s) =>
      s?.type === 'map' ? [((s as { map?: string }).map ?? MAPA_DEPARTAMENTOS) as NombreMapa] : [],
    );
}
