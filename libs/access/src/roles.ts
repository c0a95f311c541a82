/**
 * Who may do what. A route declares the permission it needs (see acceso.decorator.ts);
 * a role is the set of permissions it grants.
 */
import { ROLES, Rol } from '@tablero/domain';

export { ROLES, Rol };

export const PERMISOS = [
  /** The dashboard's figures, lists and charts as JSON. */
  'tablero',
  /** Chart images (PNG, SVG). */
  'imagenes',
  /** Workbooks, CSV and the record-level export. */
  'exportar',
  /** Changing the data: imports (activities, attendance…) and their history, phase targets. */
  'importar',
  /** Users, API tokens and the audit log. */
  'administrar',
] as const;
export type Permiso = (typeof PERMISOS)[number];

export const PERMISOS_POR_ROL: Readonly<Record<Rol, readonly Permiso[]>> = {
  admin: PERMISOS,
  editor: ['tablero', 'imagenes', 'exportar', 'importar'],
  analista: ['tablero', 'imagenes', 'exportar'],
  comunicaciones: ['tablero', 'imagenes'],
  lectura: ['tablero'],
};

export function puede(rol: Rol, permiso: Permiso): boolean {
  return PERMISOS_POR_ROL[rol].includes(permiso);
}

/** Who is asking: a user by session, a script by API token, or nobody. */
export interface Principal {
  readonly tipo: 'sesion' | 'token' | 'anonimo';
  readonly usuarioId: string | null;
  /** The API token's id when the caller is a token: what its work is owned by, never its name. */
  readonly tokenId: string | null;
  /** The user's name, or the token's name; "anónimo" for nobody. */
  readonly nombre: string;
  readonly rol: Rol | null;
  /** The departments (DIVIPOLA, 2 digits) the figures are limited to; null for all. */
  readonly departamentos: readonly string[] | null;
  readonly sesionId: string | null;
}

export const ANONIMO: Principal = {
  tipo: 'anonimo',
  usuarioId: null,
  tokenId: null,
  nombre: 'anónimo',
  rol: null,
  departamentos: null,
  sesionId: null,
};
