import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenApi } from './entities/token-api.entity';
import { AccesoError } from './errores';
import { COOKIE_SESION, OPCIONES_ACCESO, OpcionesAcceso } from './opciones';
import { ANONIMO, Principal, Rol } from './roles';
import { UsuariosService, validarDepartamentos, validarRol } from './usuarios.service';

export const PREFIJO_TOKEN = 'tjpt_';

const sha256 = (secreto: string) => createHash('sha256').update(secreto).digest('hex');

export interface TokenPublico {
  readonly id: string;
  readonly nombre: string;
  readonly rol: Rol;
  readonly departamentos: string[] | null;
  readonly creadoPor: string;
  readonly creadoEn: Date;
  readonly ultimoUso: Date | null;
  readonly revocadoEn: Date | null;
}

function tokenPublico({ hash: _hash, ...token }: TokenApi): TokenPublico {
  return token;
}

/** Sessions (cookie) and API tokens (Authorization: Bearer): who a request comes from. */
@Injectable()
export class CredencialesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly usuarios: UsuariosService,
    @Inject(OPCIONES_ACCESO) private readonly opciones: OpcionesAcceso,
  ) {}

  /** A new session for a valid user and password: its secret goes in the cookie, only its hash is kept. */
  async iniciarSesion(
    nombre: string,
    clave: string,
  ): Promise<{ secreto: string; expiraEn: Date; principal: Principal } | null> {
    const usuario = await this.usuarios.verificar(nombre, clave);
    if (!usuario) return null;
    const secreto = randomBytes(32).toString('base64url');
    const expiraEn = new Date(Date.now() + this.opciones.horasDeSesion * 3_600_000);
    await this.dataSource.query(`DELETE FROM sesion WHERE expira_en < now()`);
    await this.dataSource.query(
      `INSERT INTO sesion (hash, usuario_id, expira_en) VALUES ($1, $2, $3)`,
      [sha256(secreto), usuario.id, expiraEn],
    );
    return {
      secreto,
      expiraEn,
      principal: {
        tipo: 'sesion',
        usuarioId: usuario.id,
        tokenId: null,
        nombre: usuario.nombre,
        rol: usuario.rol,
        departamentos: usuario.departamentos,
        sesionId: sha256(secreto),
      },
    };
  }

  async cerrarSesion(principal: Principal): Promise<void> {
    if (principal.sesionId)
      await this.dataSource.query(`DELETE FROM sesion WHERE hash = $1`, [principal.sesionId]);
  }

  /**
   * The caller of a request: a bearer token wins over the cookie. A token that
   * is unknown or revoked is a 401; a stale cookie is just nobody.
   */
  async identificar(request: Request): Promise<Principal> {
    const autorizacion = request.headers.authorization;
    if (autorizacion) return this.porToken(autorizacion);
    const secreto = (request.cookies as Record<string, string> | undefined)?.[COOKIE_SESION];
    if (!secreto) return ANONIMO;
    const hash = sha256(secreto);
    const [fila] = await this.dataSource.query<
      { id: string; nombre: string; rol: Rol; departamentos: string[] | null }[]
    >(
      `SELECT u.id, u.nombre, u.rol, u.departamentos FROM sesion s JOIN usuario u ON u.id = s.usuario_id
        WHERE s.hash = $1 AND s.expira_en > now() AND u.activo`,
      [hash],
    );
    if (!fila) return ANONIMO;
    return {
      tipo: 'sesion',
      usuarioId: fila.id,
      tokenId: null,
      nombre: fila.nombre,
      rol: fila.rol,
      departamentos: fila.departamentos,
      sesionId: hash,
    };
  }

  private async porToken(autorizacion: string): Promise<Principal> {
    const [, secreto] = /^Bearer\s+(\S+)$/i.exec(autorizacion) ?? [];
    const [token] = secreto?.startsWith(PREFIJO_TOKEN)
      ? await this.dataSource.query<
          { id: string; nombre: string; rol: Rol; departamentos: string[] | null }[]
        >(
          // The last use is written at most once a minute: a busy script does not write on every request.
          `WITH t AS (SELECT id, nombre, rol, departamentos, ultimo_uso FROM token_api
                       WHERE hash = $1 AND revocado_en IS NULL),
                u AS (UPDATE token_api SET ultimo_uso = now()
                       WHERE id = (SELECT id FROM t)
                         AND (ultimo_uso IS NULL OR ultimo_uso < now() - interval '1 minute'))
           SELECT id, nombre, rol, departamentos FROM t`,
          [sha256(secreto)],
        )
      : [];
    if (!token) {
      throw new AccesoError(
        HttpStatus.UNAUTHORIZED,
        'TOKEN_INVALIDO',
        'El token de API no existe o fue revocado.',
      );
    }
    return {
      tipo: 'token',
      usuarioId: null,
      tokenId: token.id,
      nombre: `token:${token.nombre}`,
      rol: token.rol,
      departamentos: token.departamentos,
      sesionId: null,
    };
  }

  /** A new token; its secret is returned this once and never again. */
  async crearToken(datos: {
    nombre?: unknown;
    rol?: unknown;
    departamentos?: unknown;
    creadoPor: string;
  }): Promise<TokenPublico & { secreto: string }> {
    // eslint-disable-next-line no-control-regex
    if (typeof datos.nombre !== 'string' || !/^[^\u0000-\u001f]{3,80}$/.test(datos.nombre.trim())) {
      throw new AccesoError(
        HttpStatus.BAD_REQUEST,
        'PARAMETRO_INVALIDO',
        'El campo «nombre» debe tener de 3 a 80 caracteres.',
      );
    }
    const secreto = PREFIJO_TOKEN + randomBytes(32).toString('base64url');
    const repositorio = this.dataSource.getRepository(TokenApi);
    const token = await repositorio.save(
      repositorio.create({
        nombre: datos.nombre.trim(),
        hash: sha256(secreto),
        rol: validarRol(datos.rol),
        departamentos: validarDepartamentos(datos.departamentos),
        creadoPor: datos.creadoPor,
      }),
    );
    return { ...tokenPublico(token), secreto };
  }

  async listarTokens(): Promise<TokenPublico[]> {
    return (await this.dataSource.getRepository(TokenApi).find({ order: { id: 'ASC' } })).map(
      tokenPublico,
    );
  }

  async revocarToken(id: string): Promise<TokenPublico> {
    const repositorio = this.dataSource.getRepository(TokenApi);
    const token = /^\d{1,18}$/.test(id) ? await repositorio.findOneBy({ id }) : null;
    if (!token) {
      throw new AccesoError(
        HttpStatus.NOT_FOUND,
        'TOKEN_NO_ENCONTRADO',
        `No existe el token ${id.slice(0, 20)}.`,
      );
    }
    token.revocadoEn ??= new Date();
    await repositorio.save(token);
    return tokenPublico(token);
  }
}
