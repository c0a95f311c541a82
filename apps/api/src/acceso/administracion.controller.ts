import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Acceso,
  Auditar,
  AuditoriaService,
  CredencialesService,
  Principal,
  Quien,
  Rol,
  UsuariosService,
} from '@tablero/access';
import { csvDeAuditoria, libroDeAuditoria, TIPO_DE_ARCHIVO } from '@tablero/reports';
import { validarConsulta } from '../errors/consulta';

interface DatosUsuario {
  usuario?: unknown;
  clave?: unknown;
  rol?: unknown;
  departamentos?: unknown;
  activo?: unknown;
}

/** Users, API tokens and the audit log: admins only. */
@ApiTags('administración')
@Acceso('administrar')
@Controller('v1')
export class AdministracionController {
  constructor(
    private readonly usuarios: UsuariosService,
    private readonly credenciales: CredencialesService,
    private readonly auditoria: AuditoriaService,
  ) {}

  @Get('usuarios')
  @ApiOperation({ summary: 'Los usuarios, con su rol y sus departamentos' })
  listarUsuarios() {
    return this.usuarios.listar();
  }

  @Post('usuarios')
  @Auditar('usuario_creado')
  @ApiOperation({ summary: 'Crea un usuario: usuario, clave, rol y, si se limita, departamentos' })
  crearUsuario(@Body() cuerpo: DatosUsuario = {}) {
    return this.usuarios.crear({
      nombre: cuerpo.usuario as string,
      clave: cuerpo.clave as string,
      rol: cuerpo.rol as Rol,
      departamentos: cuerpo.departamentos as string[] | null | undefined,
    });
  }

  @Patch('usuarios/:id')
  @Auditar('usuario_cambiado')
  @ApiOperation({
    summary:
      'Cambia la clave, el rol, los departamentos o desactiva un usuario (cierra sus sesiones)',
  })
  cambiarUsuario(@Param('id') id: string, @Body() cuerpo: DatosUsuario = {}) {
    return this.usuarios.cambiar(id, {
      clave: cuerpo.clave as string | undefined,
      rol: cuerpo.rol as Rol | undefined,
      departamentos: cuerpo.departamentos as string[] | null | undefined,
      activo: typeof cuerpo.activo === 'boolean' ? cuerpo.activo : undefined,
    });
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'Los tokens de API: rol, autor, último uso, revocación (nunca el secreto)',
  })
  listarTokens() {
    return this.credenciales.listarTokens();
  }

  @Post('tokens')
  @Auditar('token_creado')
  @ApiOperation({ summary: 'Crea un token de API; su secreto se muestra solo en esta respuesta' })
  crearToken(
    @Body() cuerpo: { nombre?: unknown; rol?: unknown; departamentos?: unknown } = {},
    @Quien() quien: Principal,
  ) {
    return this.credenciales.crearToken({ ...cuerpo, creadoPor: quien.nombre });
  }

  @Delete('tokens/:id')
  @Auditar('token_revocado')
  @ApiOperation({ summary: 'Revoca un token de API' })
  revocarToken(@Param('id') id: string) {
    return this.credenciales.revocarToken(id);
  }

  @Get('auditoria')
  @Auditar('exportacion', (request) => request.query.formato !== undefined)
  @ApiOperation({
    summary: 'El registro de auditoría, del más reciente al más antiguo, en JSON, CSV o .xlsx',
  })
  @ApiQuery({ name: 'desde', required: false })
  @ApiQuery({ name: 'hasta', required: false })
  @ApiQuery({ name: 'accion', required: false })
  @ApiQuery({ name: 'quien', required: false })
  @ApiQuery({ name: 'formato', required: false, enum: ['csv', 'xlsx'] })
  async verAuditoria(@Query() consulta: Record<string, unknown>) {
    const { formato, ...filtros } = validarConsulta(consulta, {
      desde: 'fecha',
      hasta: 'fecha',
      accion: 'texto',
      quien: 'texto',
      formato: ['csv', 'xlsx'],
    });
    const entradas = await this.auditoria.listar({ ...filtros, limite: formato ? 100_000 : 1000 });
    if (formato === 'csv') {
      return new StreamableFile(Buffer.from(csvDeAuditoria(entradas), 'utf8'), {
        type: TIPO_DE_ARCHIVO.csv,
        disposition: 'attachment; filename="auditoria.csv"',
      });
    }
    if (formato === 'xlsx') {
      return new StreamableFile(await libroDeAuditoria(entradas), {
        type: TIPO_DE_ARCHIVO.xlsx,
        disposition: 'attachment; filename="auditoria.xlsx"',
      });
    }
    return entradas;
  }
}
