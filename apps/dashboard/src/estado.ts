/**
 * The page's state lives in the URL: the view in the path, the filters and the
 * view's own options (page, order, search) in the query, so a link reproduces the view.
 */
import { RutaVista, VISTAS } from '../vistas';

/** The filters of the filter bar and of clicks on charts, as the API names them. */
export const PARAMETROS_FILTRO = [
  'fase',
  'desde',
  'hasta',
  'departamento',
  'municipio',
  'tipo',
  'aliado',
  'grupo',
  'modalidad',
] as const;
export type ParametroFiltro = (typeof PARAMETROS_FILTRO)[number];
export type Filtros = Partial<Record<ParametroFiltro, string>>;

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
  const filtros: Filtros = {};
  for (const p of PARAMETROS_FILTRO) {
    const valor = parametros.get(p);
    if (valor) filtros[p] = valor;
  }
  return { vista, filtros, parametros };
}

/** The query string of the filters alone ("?fase=II&departamento=73", or ""). */
export function consultaDeFiltros(filtros: Filtros, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const p of PARAMETROS_FILTRO) if (filtros[p]) q.set(p, filtros[p]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const texto = q.toString();
  return texto ? `?${texto}` : '';
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
