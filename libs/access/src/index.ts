export {
  Acceso,
  ACCESO,
  Auditar,
  Decision,
  Limitado,
  principalDe,
  Quien,
} from './acceso.decorator';
export { AccessModule } from './access.module';
export { AuditoriaService } from './auditoria.service';
export { CredencialesService, PREFIJO_TOKEN } from './credenciales.service';
export { Auditoria } from './entities/auditoria.entity';
export { Sesion } from './entities/sesion.entity';
export { TokenApi } from './entities/token-api.entity';
export { Usuario } from './entities/usuario.entity';
export { AccesoError, noAutenticado, sinPermiso } from './errores';
export { COOKIE_SESION, OPCIONES_ACCESO, OpcionesAcceso } from './opciones';
export { PrimerAdministrador } from './primer-administrador';
export {
  ANONIMO,
  Permiso,
  PERMISOS,
  PERMISOS_POR_ROL,
  Principal,
  puede,
  Rol,
  ROLES,
} from './roles';
export { CLAVE_MINIMA, UsuarioPublico, UsuariosService } from './usuarios.service';
export { RutaVista, VISTAS } from './vistas';

import { Auditoria } from './entities/auditoria.entity';
import { Sesion } from './entities/sesion.entity';
import { TokenApi } from './entities/token-api.entity';
import { Usuario } from './entities/usuario.entity';

export const ENTIDADES_ACCESO = [Auditoria, Sesion, TokenApi, Usuario];
