/** The territorial topologies the maps are drawn from, each fetched once. */
import type { FuenteDeMapa } from '@tablero/charts';
import type { Topology } from 'topojson-specification';

const topologias = new Map<FuenteDeMapa, Promise<Topology>>();

/**
 * The topology a source of maps draws from, from the content-hashed file the page names.
 * A view with maps asks for it as it starts, so that it arrives beside the view's figures.
 */
export function topologia(fuente: FuenteDeMapa): Promise<Topology> {
  let pedida = topologias.get(fuente);
  if (!pedida) {
    const ruta = document.querySelector<HTMLMetaElement>(`meta[name="mapa-${fuente}"]`)!.content;
    pedida = fetch(ruta).then((r) => r.json() as Promise<Topology>);
    topologias.set(fuente, pedida);
  }
  return pedida;
}
