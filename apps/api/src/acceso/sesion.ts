import { PERMISOS_POR_ROL, Principal } from '@tablero/access';

/** Who the caller is, as the dashboard reads it: from GET /api/v1/sesion and inlined in the page. */
export function describirSesion(
  quien: Principal,
  tableroPublico: boolean,
  primerPendiente: boolean,
) {
  return {
    usuario: quien.rol
      ? { nombre: quien.nombre, rol: quien.rol, departamentos: quien.departamentos }
      : null,
    permisos: quien.rol ? PERMISOS_POR_ROL[quien.rol] : tableroPublico ? ['tablero'] : [],
    tableroPublico,
    primerAdministradorPendiente: primerPendiente,
  };
}
