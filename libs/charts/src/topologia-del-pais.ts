/**
 * The topology the national maps are drawn from: drawn a few hundred pixels wide, most boundary
 * points fall within a pixel of their neighbours and only weigh on the drawing. The server draws
 * the dashboard's national maps and their images from it, simplified once per process.
 */
import { quantize } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';

/** Share of the boundary points a map of the whole country keeps. */
const PUNTOS_DEL_MAPA_NACIONAL = 0.12;

const simplificadas = new WeakMap<Topology, Topology>();

/**
 * The topology with the least significant points dropped (Visvalingam), shared borders kept
 * shared, quantized again on the complete one's grid: every point kept is exactly where it was.
 */
export function topologiaDelPais(completa: Topology): Topology {
  let simplificada = simplificadas.get(completa);
  if (!simplificada) {
    // quantile(t, p): the least weight among the share p of points that weigh most.
    const pesada = presimplify(completa as Topology<Objects>);
    // Simplified, its points are coordinates again (no transform): quantize takes them as such.
    const puntos = simplify(pesada, quantile(pesada, PUNTOS_DEL_MAPA_NACIONAL));
    simplificada = quantize(puntos, completa.transform!) as Topology;
    simplificadas.set(completa, simplificada);
  }
  return simplificada;
}
