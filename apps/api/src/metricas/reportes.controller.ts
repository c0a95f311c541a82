import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricasService } from '@tablero/metrics';
import { BalanceService } from '@tablero/reports';
import { Request } from 'express';
import { ApiFiltros, leerFiltros } from './filtros.params';

@ApiTags('reportes')
@Controller('v1/reportes')
export class ReportesController {
  constructor(
    private readonly balance: BalanceService,
    private readonly metricas: MetricasService,
  ) {}

  @Get('balance')
  @ApiOperation({
    summary: 'El balance de una fase (o general) en Excel',
    description:
      'Hojas Resumen, Actividades, Webinars, Territorios, Grupos de valor, Aliados, Conciliación, Gráficos y Metodología, con los mismos filtros que la API.',
  })
  @ApiFiltros()
  async libro(
    @Query() consulta: Record<string, unknown>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const { filtros } = await leerFiltros(consulta, this.metricas);
    const libro = await this.balance.libro(
      filtros,
      `sin autenticar (${request.ip ?? 'desconocido'})`,
    );
    return new StreamableFile(libro, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${filtros.fase ? `balance-fase-${filtros.fase}` : 'balance-general'}.xlsx"`,
    });
  }
}
