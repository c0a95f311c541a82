export interface OpcionesAcceso {
  /** The dashboard's figures and charts are readable without signing in (read-only). */
  readonly tableroPublico: boolean;
  readonly horasDeSesion: number;
  /** The session cookie only over HTTPS. */
  readonly cookieSegura: boolean;
  readonly loginPorMinuto: number;
  readonly costosasPorMinuto: number;
  /** Rate limits counted in this Redis, shared by the instances; in memory when absent. */
  readonly redis?: { readonly url: string; readonly prefijo: string };
}

export const OPCIONES_ACCESO = Symbol('OPCIONES_ACCESO');
export const COOKIE_SESION = 'tablero_sesion';
