/// <reference types="multer" />
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Acceso, Auditar, Limitado, Principal, Quien } from '@tablero/access';
import { TIPOS_IMPORTACION, TipoImportacionCodigo } from '@tablero/domain';
import {
  ArchivoInvalido,
  cargarCatalogos,
  ImportacionNacional,
  ImportacionService,
  InformeImportacion,
  libroDeRechazos,
  plantilla,
} from '@tablero/ingestion';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { TIPO_DE_ARCHIVO } from '@tablero/reports';
import { ApiError } from '../errors/api-error';
import { validarConsulta } from '../errors/consulta';

function tipoImportacion(tipo: string): TipoImportacionCodigo {
  if (!(TIPOS_IMPORTACION as readonly string[]).includes(tipo)) {
    throw new ApiError(
      HttpStatus.NOT_FOUND,
      'TIPO_DE_IMPORTACION_DESCONOCIDO',
      `No hay importaciones de tipo «${tipo.slice(0, 40)}». Los tipos son: ${TIPOS_IMPORTACION.join(', ')}.`,
    );
  }
  return tipo as TipoImportacionCodigo;
}

function xlsx(buffer: Buffer, nombre: string): StreamableFile {
  return new StreamableFile(buffer, {
    type: TIPO_DE_ARCHIVO.xlsx,
    disposition: `attachment; filename="${nombre}"`,
  });
}

@ApiTags('importaciones')
@Acceso('importar')
@Controller('v1/importaciones')
export class ImportacionesController {
  constructor(
    private readonly importaciones: ImportacionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Las importaciones registradas, de la más reciente a la más antigua (para un usuario limitado a ' +
      'departamentos, las hechas dentro de ellos)',
  })
  listar(@Quien() quien: Principal) {
    return this.importaciones.listar(quien.departamentos);
  }

  @Get('plantillas/:tipo')
  @ApiOperation({
    summary: 'Plantilla .xlsx de un tipo de importación, con instrucciones y listas',
  })
  @ApiParam({ name: 'tipo', enum: TIPOS_IMPORTACION })
  async plantilla(@Param('tipo') tipo: string): Promise<StreamableFile> {
    const codigo = tipoImportacion(tipo);
    const catalogos = await cargarCatalogos(this.dataSource.manager);
    return xlsx(await plantilla(codigo, catalogos), `plantilla-${codigo}.xlsx`);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Una importación: quién, cuándo, qué archivo y cuántas filas' })
  async buscar(@Param('id') id: string, @Quien() quien: Principal) {
    return this.importacion(id, quien);
  }

  @Get(':id/rechazos')
  @ApiOperation({
    summary:
      'Las filas rechazadas de una importación, en .xlsx, para corregir y reimportar, y los avisos de las aceptadas',
  })
  async rechazos(@Param('id') id: string, @Quien() quien: Principal): Promise<StreamableFile> {
    const importacion = await this.importacion(id, quien);
    const libro = await libroDeRechazos(
      importacion,
      await this.importaciones.rechazos(id),
      await this.importaciones.avisos(id),
    );
    return xlsx(libro, `rechazos-importacion-${id}.xlsx`);
  }

  @Post(':tipo')
  @Limitado('costoso')
  @Auditar('importacion')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(FileInterceptor('archivo'))
  @ApiOperation({
    summary: 'Importa un archivo CSV o .xlsx',
    description:
      'Una transacción: las filas válidas entran juntas o ninguna; las inválidas quedan registradas con su ' +
      'motivo. Reimportar el mismo archivo no cambia ninguna cifra. Reconoce los reportes de asistencia de ' +
      'Teams y Google Meet (tipo asistencias, con actividad) y la exportación de YouTube Studio (tipo vistas).',
  })
  @ApiParam({ name: 'tipo', enum: TIPOS_IMPORTACION })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { archivo: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({ name: 'dry_run', required: false, description: 'true: valida e informa sin guardar' })
  @ApiQuery({
    name: 'actividad',
    required: false,
    description: 'Actividad de un reporte de Teams o Meet',
  })
  @ApiQuery({
    name: 'fecha_corte',
    required: false,
    description: 'Fecha de corte (aaaa-mm-dd) de una exportación de YouTube',
  })
  async importar(
    @Param('tipo') tipo: string,
    @UploadedFile() archivo: Express.Multer.File | undefined,
    @Query() consulta: Record<string, unknown>,
    @Quien() quien: Principal,
  ): Promise<InformeImportacion> {
    try {
      const codigo = tipoImportacion(tipo);
      const { dry_run, actividad, fecha_corte } = validarConsulta(consulta, {
        dry_run: 'booleano',
        actividad: 'texto',
        fecha_corte: 'fecha',
      });
      if (!archivo) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'ARCHIVO_FALTANTE',
          'Envíe el archivo en el campo «archivo» de un formulario multipart/form-data.',
        );
      }
      return await this.importaciones.importar({
        tipo: codigo,
        ruta: archivo.path,
        nombreArchivo: Buffer.from(archivo.originalname, 'latin1').toString('utf8'),
        usuario: quien.nombre,
        departamentos: quien.departamentos,
        dryRun: dry_run === true,
        opciones: {
          ...(typeof actividad === 'string' ? { actividad: actividad.toUpperCase() } : {}),
          ...(typeof fecha_corte === 'string' ? { fechaCorte: fecha_corte } : {}),
        },
      });
    } catch (error) {
      if (error instanceof ArchivoInvalido)
        throw new ApiError(HttpStatus.BAD_REQUEST, error.codigo, error.message);
      if (error instanceof ImportacionNacional)
        throw new ApiError(HttpStatus.FORBIDDEN, 'FUERA_DE_SUS_DEPARTAMENTOS', error.message);
      throw error;
    } finally {
      if (archivo) await rm(archivo.path, { force: true });
    }
  }

  /** An import the caller may see; another department's is as unknown as one that does not exist. */
  private async importacion(id: string, quien: Principal) {
    const importacion = /^\d{1,18}$/.test(id)
      ? await this.importaciones.buscar(id, quien.departamentos)
      : null;
    if (!importacion) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'IMPORTACION_NO_ENCONTRADA',
        `No existe la importación «${id.slice(0, 20)}».`,
      );
    }
    return importacion;
  }
}
