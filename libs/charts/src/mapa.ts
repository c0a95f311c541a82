/**
 * Colombia's departments and municipalities for the choropleths: DANE's
 * Marco Geoestadístico Nacional 2018, simplified, as one TopoJSON keyed by
 * DIVIPOLA codes (libs/domain/src/referencia/territorio/municipios.topo.json).
 * The server draws every map from it (the dashboard's panels and the images alike): whole for a
 * department's maps, simplified for the national ones (`topologia-del-pais.ts`).
 */
import type { EChartsOption } from 'echarts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';

/** The national map of departments; of all municipalities; of one department's municipalities. */
export type NombreMapa = 'departamentos' | 'municipios' | `municipios-${string}`;

export const MAPA_DEPARTAMENTOS: NombreMapa = 'departamentos';
export const MAPA_MUNICIPIOS: NombreMapa = 'municipios';

/** The municipal map a chart draws: one department's, or the whole country's. */
export function mapaMunicipal(departamento?: string): NombreMapa {
  return departamento ? `municipios-${departamento}` : MAPA_MUNICIPIOS;
}

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

/**
 * Which topology a map is drawn from: the national maps from the whole country's, simplified
 * (`topologiaDelPais`); one department's municipalities from the complete one.
 */
export type FuenteDeMapa = 'pais' | 'completa';

export function fuenteDeMapa(nombre: NombreMapa): FuenteDeMapa {
  return nombre.startsWith('municipios-') ? 'completa' : 'pais';
}

const NOMBRES_DE_LUGAR = new Map<string, string>();

/**
 * A place's name as the maps made so far give it, the way the figures name it ("Ibagué (Tolima)"):
 * a region without a row of figures is told by its name, not by its DIVIPOLA code.
 */
export function nombreDeLugar(codigo: string): string | undefined {
  return NOMBRES_DE_LUGAR.get(codigo);
}

/** A map of the topology its source names (`fuenteDeMapa`) as GeoJSON keyed by DIVIPOLA code, as ECharts' registerMap takes it. */
export function geometriaDe(topologia: Topology, nombre: NombreMapa): GeometriaTerritorial {
  const objeto = nombre === MAPA_DEPARTAMENTOS ? 'departamentos' : 'municipios';
  const departamento = nombre.startsWith('municipios-') ? nombre.slice('municipios-'.length) : null;
  const coleccion = feature(
    topologia,
    topologia.objects[objeto] as GeometryCollection<PropiedadesTopologia>,
  );
  const departamentos = new Map(
    (topologia.objects.departamentos as GeometryCollection<PropiedadesTopologia>).geometries.map(
      (d) => [String(d.id), (d.properties as PropiedadesTopologia).name],
    ),
  );
  const regiones = coleccion.features.filter(
    (f) => departamento === null || f.properties?.dpto === departamento,
  );
  return {
    type: 'FeatureCollection',
    features: regiones.map((f): Feature<Geometry, PropiedadesTerritorio> => {
      const codigo = String(f.id);
      const propio = f.properties?.name ?? codigo;
      const delDepartamento = f.properties?.dpto && departamentos.get(f.properties.dpto);
      const lugar =
        objeto === 'municipios' && delDepartamento ? `${propio} (${delDepartamento})` : propio;
      NOMBRES_DE_LUGAR.set(codigo, lugar);
      return { type: 'Feature', geometry: f.geometry, properties: { name: codigo, nombre: lugar } };
    }),
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
