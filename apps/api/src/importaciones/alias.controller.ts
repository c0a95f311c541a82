import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Acceso, Auditar, Limitado, Principal, Quien } from '@tablero/access';
import { CATALOGOS_ALIAS } from '@tablero/domain';
import {
  AliasRechazado,
  AliasService,
  CodigoAliasRechazado,
  ImportacionService,
  InformeImportacion,
  SinFilasPendientes,
} from '@tablero/ingestion';
import { ApiError } from '../errors/api-error';

const ESTADO: Readonly<Record<CodigoAliasRechazado, HttpStatus>> = {
  CATALOGO_DESCONOCIDO: HttpStatus.BAD_REQUEST,
  VALOR_INVALIDO: HttpStatus.BAD_REQUEST,
  ENTRADA_DESCONOCIDA: HttpStatus.BAD_REQUEST,
  VALOR_YA_CONOCIDO: HttpStatus.CONFLICT,
  ALIAS_EXISTENTE: HttpStatus.CONFLICT,
  IMPORTACION_NO_ENCONTRADA: HttpStatus.NOT_FOUND,
};

function noEncontrada(id: string): ApiError {
  return new ApiError(
    HttpStatus.NOT_FOUND,
    'IMPORTACION_NO_ENCONTRADA',
    `No existe la importación «${id.slice(0, 20)}».`,
  );
}

/**
 * Aliases, and the re-run of an import's rejected rows once their unknown
 * values are mapped: an editor's way to teach the imports a name, without
 * uploading the file again.
 */
@ApiTags('importaciones')
@Acceso('importar')
@Controller('v1')
export class AliasController {
  constructor(
    private readonly alias: AliasService,
    private readonly importaciones: ImportacionService,
  ) {}

  @Get('alias')
  @ApiOperation({ summary: 'Los alias vigentes: valor escrito, catálogo y entrada que representa' })
  listar() {
    return this.alias.listar();
  }

  @Get('alias/entradas/:catalogo')
  @ApiOperation({ summary: 'Las entradas de un catálogo, con su nombre, para asociar un valor' })
  @ApiParam({ name: 'catalogo', enum: Object.keys(CATALOGOS_ALIAS) })
  entradas(@Param('catalogo') catalogo: string) {
    return this.enEspanol(() => this.alias.entradas(catalogo));
  }

  @Post('alias')
  @Auditar('alias_creado')
  @ApiOperation({
    summary:
      'Asocia un valor desconocido a una entrada de un catálogo; rige para toda importación posterior',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['catalogo', 'valor', 'entrada'],
      properties: {
        catalogo: { type: 'string', enum: Object.keys(CATALOGOS_ALIAS) },
        valor: { type: 'string', description: 'El valor tal como vino en el archivo' },
        entrada: { type: 'string', description: 'El código de la entrada del catálogo' },
        importacion: { type: 'string', description: 'La importación cuyos rechazos lo mostraron' },
      },
    },
  })
  crear(@Body() cuerpo: Record<string, unknown> = {}, @Quien() quien: Principal) {
    this.soloNacional(quien);
    const { catalogo, valor, entrada, importacion } = cuerpo ?? {};
    if (
      importacion !== undefined &&
      !(typeof importacion === 'string' && /^\d{1,18}$/.test(importacion))
    )
      throw noEncontrada(String(importacion));
    return this.enEspanol(() =>
      this.alias.crear({
        catalogo: String(catalogo ?? ''),
        valor: typeof valor === 'string' ? valor : '',
        entrada: typeof entrada === 'string' ? entrada : '',
        importacionId: importacion,
        usuario: quien.nombre,
      }),
    );
  }

  @Delete('alias/:id')
  @Auditar('alias_retirado')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Retira un alias: las importaciones siguientes ya no lo usan' })
  async retirar(@Param('id') id: string, @Quien() quien: Principal): Promise<void> {
    this.soloNacional(quien);
    if (!(await this.alias.retirar(id, quien.nombre))) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'ALIAS_INEXISTENTE',
        `No hay un alias vigente «${id.slice(0, 20)}».`,
      );
    }
  }

  @Get('importaciones/:id/desconocidos')
  @ApiOperation({
    summary:
      'Los valores que una importación no reconoció, con el alias que hoy los asocia, y sus filas pendientes',
  })
  async desconocidos(@Param('id') id: string, @Quien() quien: Principal) {
    // A department-limited user sees the values of the imports made within their departments only.
    if (!/^\d{1,18}$/.test(id) || !(await this.importaciones.buscar(id, quien.departamentos)))
      throw noEncontrada(id);
    const desconocidos = await this.alias.desconocidos(id);
    if (!desconocidos) throw noEncontrada(id);
    return desconocidos;
  }

  @Post('importaciones/:id/reintento')
  @Limitado('costoso')
  @Auditar('importacion')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Vuelve a procesar, como una importación nueva, las filas rechazadas solo por valores desconocidos',
    description:
      'Sin volver a subir el archivo: las filas se leen de lo que la importación guardó (nunca un documento ni ' +
      'un correo en claro). Las aceptadas quedan resueltas y no vuelven a procesarse; las demás se rechazan ' +
      'otra vez, con su motivo.',
  })
  async reintentar(
    @Param('id') id: string,
    @Quien() quien: Principal,
  ): Promise<InformeImportacion> {
    if (!/^\d{1,18}$/.test(id) || !(await this.importaciones.buscar(id, quien.departamentos)))
      throw noEncontrada(id);
    try {
      return await this.importaciones.reintentar({
        importacionId: id,
        usuario: quien.nombre,
        departamentos: quien.departamentos,
      });
    } catch (error) {
      if (error instanceof SinFilasPendientes)
        throw new ApiError(HttpStatus.CONFLICT, 'SIN_FILAS_PENDIENTES', error.message);
      throw error;
    }
  }

  /** Aliases apply to every import, as the national catalogues they extend. */
  private soloNacional(quien: Principal): void {
    if (quien.departamentos) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FUERA_DE_SUS_DEPARTAMENTOS',
        'Los alias rigen para todo el país; un usuario limitado a algunos departamentos no puede cambiarlos.',
      );
    }
  }

  private async enEspanol<T>(accion: () => Promise<T>): Promise<T> {
    try {
      return await accion();
    } catch (error) {
      if (error instanceof AliasRechazado)
        throw new ApiError(ESTADO[error.codigo], error.codigo, error.message);
      throw error;
    }
  }
}
