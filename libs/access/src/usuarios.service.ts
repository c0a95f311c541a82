import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { Usuario } from './entities/usuario.entity';
import { AccesoError } from './errores';
import { Rol, ROLES } from './roles';

export interface DatosUsuario {
  readonly nombre: string;
  readonly clave: string;
  readonly rol: Rol;
  readonly departamentos?: readonly string[] | null;
}

export interface CambiosUsuario {
  readonly clave?: string;
  readonly rol?: Rol;
  readonly departamentos?: readonly string[] | null;
  readonly activo?: boolean;
}

/** What the API shows of a user: never the hash. */
export interface UsuarioPublico {
  readonly id: string;
  readonly nombre: string;
  readonly rol: Rol;
  readonly departamentos: string[] | null;
  readonly activo: boolean;
  readonly creadoEn: Date;
}

export const CLAVE_MINIMA = 12;

export function publico({ claveHash: _hash, ...usuario }: Usuario): UsuarioPublico {
  return usuario;
}

/** Local accounts; passwords hashed with argon2id (the library's defaults, OWASP's minimum). */
@Injectable()
export class UsuariosService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get usuarios() {
    return this.dataSource.getRepository(Usuario);
  }

  async hayUsuarios(): Promise<boolean> {
    return (await this.usuarios.count()) > 0;
  }

  async crear(datos: DatosUsuario): Promise<UsuarioPublico> {
    return this.guardar(this.dataSource.manager, await this.preparar(datos));
  }

  /**
   * The first user, an admin, only while there is none, whatever the race:
   * parallel requests, another server on the same database, the CLI. Null
   * when a user already exists.
   */
  async crearPrimerAdministrador(nombre: string, clave: string): Promise<UsuarioPublico | null> {
    const usuario = await this.preparar({ nombre, clave, rol: 'admin' });
    return this.dataSource.transaction(async (manager) => {
      // Conflicts with itself and with any insert: the count below stays true until commit.
      await manager.query('LOCK TABLE usuario IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.count(Usuario)) > 0) return null;
      return this.guardar(manager, usuario);
    });
  }

  /** Validated, with the password hashed (slow by design: done outside any transaction). */
  private async preparar(datos: DatosUsuario): Promise<Usuario> {
    const nombre = validarNombre(datos.nombre);
    return this.usuarios.create({
      nombre,
      claveHash: await hash(validarClave(datos.clave)),
      rol: validarRol(datos.rol),
      departamentos: validarDepartamentos(datos.departamentos),
    });
  }

  private async guardar(manager: EntityManager, usuario: Usuario): Promise<UsuarioPublico> {
    if (await manager.existsBy(Usuario, { nombre: usuario.nombre })) {
      throw new AccesoError(
        HttpStatus.CONFLICT,
        'USUARIO_EXISTENTE',
        `Ya existe un usuario «${usuario.nombre}».`,
      );
    }
    return publico(await manager.save(usuario));
  }

  async listar(): Promise<UsuarioPublico[]> {
    return (await this.usuarios.find({ order: { nombre: 'ASC' } })).map(publico);
  }

  async cambiar(id: string, cambios: CambiosUsuario): Promise<UsuarioPublico> {
    const usuario = /^\d{1,18}$/.test(id) ? await this.usuarios.findOneBy({ id }) : null;
    if (!usuario) {
      throw new AccesoError(
        HttpStatus.NOT_FOUND,
        'USUARIO_NO_ENCONTRADO',
        `No existe el usuario ${id.slice(0, 20)}.`,
      );
    }
    if (cambios.rol !== undefined) usuario.rol = validarRol(cambios.rol);
    if (cambios.departamentos !== undefined)
      usuario.departamentos = validarDepartamentos(cambios.departamentos);
    if (cambios.activo !== undefined) usuario.activo = cambios.activo;
    if (cambios.clave !== undefined) usuario.claveHash = await hash(validarClave(cambios.clave));
    await this.usuarios.save(usuario);
    if (cambios.clave !== undefined || cambios.activo === false || cambios.rol !== undefined) {
      await this.dataSource.query(`DELETE FROM sesion WHERE usuario_id = $1`, [usuario.id]);
    }
    return publico(usuario);
  }

  /** The active user with this name and password, or null; as slow for an unknown name as for a wrong password. */
  async verificar(nombre: string, clave: string): Promise<Usuario | null> {
    const usuario = await this.usuarios.findOneBy({ nombre: nombre.trim().toLowerCase() });
    const valida = await verify(usuario?.claveHash ?? HASH_SENUELO, clave).catch(() => false);
    return usuario && usuario.activo && valida ? usuario : null;
  }
}

/** The hash of a password nobody has, so that a login for an unknown user costs the same time. */
const HASH_SENUELO =
  '$argon2id$v=19$m=19456,t=2,p=1$u3kLT6NPvui5IQ80IUdKHg$+zi3l37FRUZ4+0Xax0r9aqwnYLOJckBZyyn9/4c5nd0';

function invalido(campo: string, motivo: string): AccesoError {
  return new AccesoError(
    HttpStatus.BAD_REQUEST,
    'PARAMETRO_INVALIDO',
    `El campo «${campo}» ${motivo}.`,
  );
}

function validarNombre(nombre: unknown): string {
  if (typeof nombre !== 'string' || !/^[a-z0-9._-]{3,60}$/i.test(nombre.trim()))
    throw invalido(
      'usuario',
      'debe tener de 3 a 60 letras sin tilde, números, punto, guion o guion bajo',
    );
  return nombre.trim().toLowerCase();
}

function validarClave(clave: unknown): string {
  if (typeof clave !== 'string' || clave.length < CLAVE_MINIMA || clave.length > 200)
    throw invalido('clave', `debe tener entre ${CLAVE_MINIMA} y 200 caracteres`);
  return clave;
}

export function validarRol(rol: unknown): Rol {
  if (!(ROLES as readonly unknown[]).includes(rol))
    throw invalido('rol', `debe ser uno de: ${ROLES.join(', ')}`);
  return rol as Rol;
}

export function validarDepartamentos(departamentos: unknown): string[] | null {
  if (departamentos === undefined || departamentos === null) return null;
  if (
    !Array.isArray(departamentos) ||
    departamentos.length === 0 ||
    departamentos.some((d) => typeof d !== 'string' || !/^\d{2}$/.test(d))
  )
    throw invalido('departamentos', 'debe ser una lista de códigos DIVIPOLA de 2 dígitos, o null');
  return [...new Set(departamentos as string[])].sort();
}
