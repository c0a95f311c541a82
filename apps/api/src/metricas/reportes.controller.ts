import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { Acceso, Auditar, Limitado, Principal, Quien } from '@tablero/access';
import { ApiError } from '../errors/api-error';
import { LecturaEnReplica } from '../cache/lectura-en-replica.interceptor';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricasService, nombreDeArchivo } from '@tablero/metrics';
import {
  alcanceDeExportacion,
  ArchivoNoDisponible,
  BalanceService,
  ExportacionCancelada,
  ExportacionesService,
  exportarDetalle,
  exportacionPublica,
  InformeService,
  TIPO_DE_ARCHIVO,
} from '@tablero/reports';
import { Request, Response } from 'express';
import { invalido } from '../errors/consulta';
import { ApiFiltros, leerFiltros } from './filtros.params';

@ApiTags('reportes')
@Acceso('exportar')
@Controller('v1/reportes')
export class ReportesController {
  private readonly logger = new Logger(ReportesController.name);

  constructor(
    private readonly balance: BalanceService,
    private readonly informes: InformeService,
    private readonly metricas: MetricasService,
    private readonly exportaciones: ExportacionesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('balance')
  @UseInterceptors(LecturaEnReplica)
  @Limitado('costoso')
  @Auditar('exportacion')
  @ApiOperation({
    summary: 'El balance de una fase (o general) en Excel',
    description:
      'Hojas Resumen, Actividades, Webinars, Territorios, Grupos de valor, Aliados, Conciliación, Gráficos y Metodología, con los mismos filtros que la API.',
  })
  @ApiFiltros()
  async libro(
    @Query() consulta: Record<string, unknown>,
    @Quien() quien: Principal,
  ): Promise<StreamableFile> {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien);
    const [libro, fechaCorte] = await Promise.all([
      this.balance.libro(filtros, quien.nombre),
      this.metricas.fechaDeCorte(filtros),
    ]);
    return new StreamableFile(libro, {
      type: TIPO_DE_ARCHIVO.xlsx,
      disposition: `attachment; filename="${nombreDeArchivo('balance', filtros, fechaCorte, 'xlsx')}"`,
    });
  }

  @Get('informe')
  @Limitado('costoso')
  @Auditar('exportacion')
  @ApiOperation({
    summary: 'El informe de una fase en PDF (A4), para leer y reenviar',
    description:
      'Portada, la fase según el documento fuente, el resumen de cifras de las tarjetas del tablero, los gráficos principales como vectores, las cifras por departamento y la metodología. El nombre del archivo lleva la fase y la fecha de corte.',
  })
  @ApiFiltros(['fase'])
  async informe(
    @Query() consulta: Record<string, unknown>,
    @Quien() quien: Principal,
  ): Promise<StreamableFile> {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien, {}, ['fase']);
    const { fase } = filtros;
    if (!fase) throw invalido('fase', 'es obligatorio: I, II o III');
    const { pdf, fechaCorte } = await this.informes.pdf(
      { ...filtros, fase },
      { generadoPor: quien.nombre, nacional: quien.departamentos === null, ahora: new Date() },
    );
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${nombreDeArchivo('informe', { fase }, fechaCorte, 'pdf')}"`,
    });
  }

  @Get('detalle')
  @UseInterceptors(LecturaEnReplica)
  @Limitado('costoso')
  @Auditar('exportacion')
  @ApiOperation({
    summary:
      'Las asistencias una a una (solo claves seudónimas), en CSV o .xlsx, transmitidas mientras se leen',
    description:
      'Empieza a enviar de inmediato y se detiene si el cliente cancela. Más de 1.048.575 filas continúan en hojas Detalle 2, 3…',
  })
  @ApiFiltros()
  async detalle(
    @Query() consulta: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @Quien() quien: Principal,
  ) {
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      formato: ['csv', 'xlsx'],
    });
    const formato = (parametros.formato ?? 'xlsx') as 'csv' | 'xlsx';
    const fechaCorte = await this.metricas.fechaDeCorte(filtros);
    const cancelacion = new AbortController();
    request.on('close', () => cancelacion.abort());
    response.status(200);
    response.setHeader('Content-Type', TIPO_DE_ARCHIVO[formato]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${nombreDeArchivo('detalle-asistencias', filtros, fechaCorte, formato)}"`,
    );
    try {
      await exportarDetalle(this.dataSource, filtros, response, {
        formato,
        senal: cancelacion.signal,
      });
      response.end();
    } catch (error) {
      if (!(error instanceof ExportacionCancelada))
        this.logger.error(error instanceof Error ? error.stack : String(error));
      response.destroy();
    }
  }

  @Post('detalle/trabajos')
  @Limitado('costoso')
  @Auditar('exportacion')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Inicia en segundo plano una exportación de detalle demasiado grande para una solicitud',
  })
  @ApiFiltros()
  async iniciar(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      formato: ['csv', 'xlsx'],
    });
    const trabajo = await this.exportaciones.iniciar(
      filtros,
      (parametros.formato ?? 'xlsx') as 'csv' | 'xlsx',
      quien,
    );
    return {
      ...exportacionPublica(trabajo),
      estadoUrl: `/api/v1/reportes/detalle/trabajos/${trabajo.id}`,
    };
  }

  @Get('detalle/trabajos/:id')
  @ApiOperation({
    summary:
      'El estado de una exportación en segundo plano: filas escritas, lista, fallida o cancelada',
  })
  async trabajo(@Param('id') id: string, @Quien() quien: Principal) {
    return exportacionPublica(await this.trabajoExistente(id, quien));
  }

  @Get('detalle/trabajos/:id/archivo')
  @Auditar('exportacion')
  @ApiOperation({ summary: 'Descarga el archivo de una exportación lista' })
  async archivo(@Param('id') id: string, @Quien() quien: Principal): Promise<StreamableFile> {
    const trabajo = await this.trabajoExistente(id, quien);
    if (trabajo.estado !== 'lista') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'EXPORTACION_NO_LISTA',
        `La exportación ${id} está ${trabajo.estado.replace('_', ' ')}.`,
      );
    }
    const archivo = await this.exportaciones.archivo(trabajo).catch((error: Error) => {
      if (error instanceof ArchivoNoDisponible) {
        throw new ApiError(HttpStatus.GONE, 'EXPORTACION_SIN_ARCHIVO', error.message);
      }
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'ALMACENAMIENTO_NO_DISPONIBLE',
        `No se pudo leer el archivo de la exportación ${id}; intente de nuevo en unos minutos.`,
      );
    });
    return new StreamableFile(archivo, {
      length: Number(trabajo.bytes),
      type: TIPO_DE_ARCHIVO[trabajo.formato],
      disposition: `attachment; filename="detalle-asistencias-${id}.${trabajo.formato}"`,
    });
  }

  @Delete('detalle/trabajos/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancela una exportación en curso' })
  async cancelar(@Param('id') id: string, @Quien() quien: Principal): Promise<void> {
    await this.trabajoExistente(id, quien);
    if (!(await this.exportaciones.cancelar(id))) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'EXPORTACION_NO_EN_CURSO',
        `La exportación ${id} no está en curso.`,
      );
    }
  }

  /**
   * A job exists for its owner and for admins only, and only while it holds no
   * department the caller may no longer see.
   */
  private async trabajoExistente(id: string, quien: Principal) {
    const trabajo = /^\d{1,18}$/.test(id) ? await this.exportaciones.buscar(id) : null;
    const alcance = trabajo ? alcanceDeExportacion(trabajo, quien) : 'ajena';
    if (!trabajo || alcance === 'ajena')
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'EXPORTACION_NO_ENCONTRADA',
        `No existe la exportación «${id.slice(0, 20)}».`,
      );
    if (alcance === 'fuera')
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'EXPORTACION_FUERA_DE_SUS_DEPARTAMENTOS',
        `La exportación ${id} tiene datos de departamentos que usted ya no puede ver.`,
      );
    return trabajo;
  }
}
