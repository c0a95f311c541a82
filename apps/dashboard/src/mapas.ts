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
    pedida = fetch(ruta).then((r) => {
      if (!r.ok) throw new Error(`No se pudo cargar el mapa (${r.status}).`);
      return r.json() as Promise<Topology>;
    });
    topologias.set(fuente, pedida);
    // A failed fetch is asked again by the next view that needs the map, not remembered.
    pedida.catch(() => topologias.delete(fuente));
  }
  return pedida;
}
