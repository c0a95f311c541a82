/** Who is using the dashboard, as the API says (GET /api/v1/sesion): their role's permissions decide what shows. */
export interface Sesion {
  readonly usuario: { nombre: string; rol: string; departamentos: string[] | null } | null;
  readonly permisos: readonly string[];
  readonly tableroPublico: boolean;
  readonly primerAdministradorPendiente: boolean;
}

let actual: Sesion | undefined;

export async function cargarSesion(): Promise<Sesion> {
  actual ??= (await (
    await fetch('/api/v1/sesion', { headers: { Accept: 'application/json' } })
  ).json()) as Sesion;
  return actual;
}

export function puede(permiso: string): boolean {
  return actual?.permisos.includes(permiso) ?? false;
}

/** Sends a JSON body; the API's Spanish message on failure. */
export async function enviar(metodo: 'POST' | 'DELETE', ruta: string, cuerpo?: unknown) {
  const respuesta = await fetch(ruta, {
    method: metodo,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
  if (!respuesta.ok) {
    const error = (await respuesta.json().catch(() => null)) as { mensaje?: string } | null;
    throw new Error(error?.mensaje ?? `El servidor respondió ${respuesta.status}.`);
  }
}
