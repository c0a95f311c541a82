import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Acceso,
  AuditoriaService,
  COOKIE_SESION,
  CredencialesService,
  Limitado,
  OPCIONES_ACCESO,
  OpcionesAcceso,
  PrimerAdministrador,
  Principal,
  Quien,
} from '@tablero/access';
import type { Request, Response } from 'express';
import { ApiError } from '../errors/api-error';
import { describirSesion } from './sesion';

interface Credenciales {
  usuario?: unknown;
  clave?: unknown;
}

function texto(valor: unknown, campo: string): string {
  if (
    typeof valor !== 'string' ||
    valor.length === 0 ||
    valor.length > 200 ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(valor)
  ) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'PARAMETRO_INVALIDO',
      `Envíe el campo «${campo}» como texto de 1 a 200 caracteres, sin caracteres de control.`,
    );
  }
  return valor;
}

/** Sign-in and sign-out from the dashboard, and who the caller is. */
@ApiTags('acceso')
@Acceso('publico')
@Controller('v1/sesion')
export class SesionController {
  constructor(
    private readonly credenciales: CredencialesService,
    private readonly auditoria: AuditoriaService,
    private readonly primerAdministrador: PrimerAdministrador,
    @Inject(OPCIONES_ACCESO) private readonly opciones: OpcionesAcceso,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Quién llama, con qué rol y permisos; si el tablero es público' })
  quien(@Quien() quien: Principal) {
    return describirSesion(
      quien,
      this.opciones.tableroPublico,
      this.primerAdministrador.codigo !== null,
    );
  }

  @Post()
  @Limitado('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Inicia sesión con usuario y clave: la sesión va en una cookie httpOnly, SameSite',
  })
  async iniciar(
    @Body() cuerpo: Credenciales | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const usuario = texto(cuerpo?.usuario, 'usuario');
    const sesion = await this.credenciales.iniciarSesion(usuario, texto(cuerpo?.clave, 'clave'));
    const origen = request.ip ?? 'desconocido';
    if (!sesion) {
      await this.auditoria.registrar({
        quien: usuario.slice(0, 60),
        origen,
        accion: 'inicio_sesion_fallido',
      });
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'CREDENCIALES_INVALIDAS',
        'Usuario o clave incorrectos.',
      );
    }
    await this.auditoria.registrar({
      quien: sesion.principal.nombre,
      origen,
      accion: 'inicio_sesion',
    });
    response.cookie(COOKIE_SESION, sesion.secreto, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.opciones.cookieSegura,
      path: '/',
      expires: sesion.expiraEn,
    });
    return this.quien(sesion.principal);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cierra la sesión' })
  async cerrar(
    @Quien() quien: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (quien.sesionId) {
      await this.credenciales.cerrarSesion(quien);
      await this.auditoria.registrar({
        quien: quien.nombre,
        origen: request.ip ?? 'desconocido',
        accion: 'cierre_sesion',
      });
    }
    response.clearCookie(COOKIE_SESION, { path: '/' });
  }

  @Post('primer-administrador')
  @Limitado('login')
  @ApiOperation({
    summary:
      'Crea el primer administrador con el código de un solo uso que el servidor imprimió al iniciar sin usuarios',
  })
  async primerAdmin(
    @Body() cuerpo: (Credenciales & { codigo?: unknown }) | undefined,
    @Req() request: Request,
  ) {
    const usuario = await this.primerAdministrador.crear(
      texto(cuerpo?.codigo, 'codigo'),
      texto(cuerpo?.usuario, 'usuario'),
      texto(cuerpo?.clave, 'clave'),
    );
    const origen = request.ip ?? 'desconocido';
    if (!usuario) {
      await this.auditoria.registrar({ quien: 'anónimo', origen, accion: 'primer_admin_fallido' });
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'CODIGO_INVALIDO',
        'El código no es válido o ya se creó el primer administrador.',
      );
    }
    await this.auditoria.registrar({
      quien: usuario.nombre,
      origen,
      accion: 'usuario_creado',
      detalle: { usuario: usuario.nombre, rol: usuario.rol, primerAdministrador: true },
    });
    return usuario;
  }
}
