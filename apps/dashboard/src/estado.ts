/**
 * The page's state lives in the URL: the view in the path, the filters and the
 * view's own options (page, order, search) in the query, so a link reproduces the view.
 */
import { RutaVista, VISTAS } from '@tablero/access';
import { CampoFiltro, FILTROS, Filtros, filtrosDelTablero } from '@tablero/metrics';

export interface Estado {
  readonly vista: RutaVista;
  readonly filtros: Filtros;
  /** Everything in the query, filters included (the views' own options too). */
  readonly parametros: URLSearchParams;
}

export function estadoActual(): Estado {
  const ruta = location.pathname.replace(/^\/+|\/+$/g, '');
  const vista = VISTAS.find((v) => v.ruta === ruta)?.ruta ?? 'resumen';
  const parametros = new URLSearchParams(location.search);
  return { vista, filtros: filtrosDelTablero(parametros), parametros };
}

export function enlace(vista: RutaVista, parametros: URLSearchParams): string {
  const q = parametros.toString();
  return `/${vista}${q ? `?${q}` : ''}`;
}

type Oyente = () => void;
const oyentes: Oyente[] = [];

export function alCambiarEstado(oyente: Oyente): void {
  oyentes.push(oyente);
  addEventListener('popstate', oyente);
}

/** Goes to a view or changes parameters; a value of undefined removes the parameter. */
export function navegar(
  cambios: Record<string, string | undefined>,
  vista: RutaVista = estadoActual().vista,
): void {
  const parametros = new URLSearchParams(location.search);
  for (const [clave, valor] of Object.entries(cambios)) {
    if (valor) parametros.set(clave, valor);
    else parametros.delete(clave);
  }
  const destino = enlace(vista, parametros);
  if (destino !== location.pathname + location.search) history.pushState(null, '', destino);
  for (const oyente of oyentes) oyente();
}

/** Sets or removes filters, by their fields; the view's page goes back to the first. */
export function filtrar(cambios: Partial<Record<CampoFiltro, string | undefined>>): void {
  navegar({
    ...Object.fromEntries(
      Object.entries(cambios).map(([campo, valor]) => [
        FILTROS[campo as CampoFiltro].parametro,
        valor,
      ]),
    ),
    pagina: undefined,
  });
}
