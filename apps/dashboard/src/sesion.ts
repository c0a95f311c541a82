/** Who is using the dashboard, as the API says (GET /api/v1/sesion): their role's permissions decide what shows. */
import { datosDeLaPagina } from './dom';

export interface Sesion {
  readonly usuario: { nombre: string; rol: string; departamentos: string[] | null } | null;
  readonly permisos: readonly string[];
  readonly tableroPublico: boolean;
  readonly primerAdministradorPendiente: boolean;
}

/** The session the server wrote into the page; asked for only when the page has none. */
let actual = datosDeLaPagina<Sesion>('sesion');

export async function cargarSesion(): Promise<Sesion> {
  actual ??= (await (
    await fetch('/api/v1/sesion', { headers: { Accept: 'application/json' } })
  ).json()) as Sesion;
  return actual;
}

/** Whether the user sees the whole country (not limited to some departments). */
export function sesionNacional(): boolean {
  return !actual?.usuario?.departamentos;
}

export function puede(permiso: string): boolean {
  return actual?.permisos.includes(permiso) ?? false;
}

/** Sends a JSON body and answers the API's JSON (undefined for none); the API's Spanish message on failure. */
export async function enviar<T = unknown>(
  metodo: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  ruta: string,
  cuerpo?: unknown,
): Promise<T> {
  const respuesta = await fetch(ruta, {
    method: metodo,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
  const json = (await respuesta.json().catch(() => undefined)) as
    (T & { mensaje?: string }) | undefined;
  if (!respuesta.ok) throw new Error(json?.mensaje ?? `El servidor respondió ${respuesta.status}.`);
  return json as T;
}
