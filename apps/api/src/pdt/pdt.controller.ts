import { Controller, Get, Query, UseInterceptors, applyDecorators } from '@nestjs/common';
import { DataVersionCache } from '../cache/data-version-cache.interceptor';
import { Acceso, Principal, Quien } from '@tablero/access';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NIVELES_TERRITORIO, NivelTerritorio } from '@tablero/domain';
import {
  CAMPOS_TERRITORIALES,
  CampoFiltro,
  FiltrosPdt,
  METRICAS_PDT,
  MetricasService,
  PdtService,
} from '@tablero/metrics';
import { ApiFiltros, leerFiltros } from '../metricas/filtros.params';

/** The filters that choose entities, the date of the states and the assistances' first date. */
const CAMPOS_PDT: readonly CampoFiltro[] = ['fechaCorte', 'desde', ...CAMPOS_TERRITORIALES];

/**
 * The PDT's meaning of the shared filters (the date of the states; the assistances from a date) and
 * its own level filter.
 */
function ApiFiltrosPdt(): MethodDecorator {
  return applyDecorators(
    ApiFiltros(CAMPOS_TERRITORIALES),
    ApiQuery({
      name: 'fecha_corte',
      required: false,
      description:
        'Fecha en que se leen los estados (aaaa-mm-dd); por omisión, la del último hito o asistencia técnica registrada',
    }),
    ApiQuery({
      name: 'desde',
      required: false,
      description: 'Asistencias técnicas en o después de esta fecha (aaaa-mm-dd)',
    }),
    ApiQuery({ name: 'nivel', required: false, description: 'departamento o municipio' }),
  );
}

@ApiTags('fase III: planes de desarrollo territorial')
@Acceso('tablero')
@UseInterceptors(DataVersionCache)
@Controller('v1/pdt')
export class PdtController {
  constructor(
    private readonly pdt: PdtService,
    private readonly metricas: MetricasService,
  ) {}

  @Get('metricas')
  @ApiOperation({ summary: 'Las métricas de la fase III: etiqueta, unidad y definición' })
  catalogo() {
    return { metricas: METRICAS_PDT, plazos: this.pdt.plazos };
  }

  @Get('estados')
  @ApiOperation({
    summary:
      'Cada entidad territorial con sus hitos, su estado en la fecha, el hito pendiente y los días de retraso, y el conteo por estado',
  })
  @ApiFiltrosPdt()
  async estados(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const filtros = await this.leer(consulta, quien);
    const { resumen, entidades } = await this.pdt.estados(filtros);
    return { filtros, porEstado: resumen.porEstado, entidades };
  }

  @Get('vencidas')
  @ApiOperation({
    summary: 'Las entidades con un plazo vencido en la fecha, de más a menos días de retraso',
  })
  @ApiFiltrosPdt()
  async vencidas(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const filtros = await this.leer(consulta, quien);
    return { filtros, ...(await this.pdt.vencidas(filtros)) };
  }

  @Get('resumen')
  @ApiOperation({
    summary:
      'Las métricas de la fase III en la fecha: entidades por estado, % aprobado a tiempo (nacional, por nivel, por departamento, asistidas y no asistidas), vencidas por hito, embudo y asistencias',
  })
  @ApiFiltrosPdt()
  async resumen(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const filtros = await this.leer(consulta, quien);
    return { filtros, ...(await this.pdt.resumen(filtros)) };
  }

  @Get('asistencias')
  @ApiOperation({ summary: 'Las asistencias técnicas, una por fila, hasta la fecha' })
  @ApiFiltrosPdt()
  async asistencias(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const filtros = await this.leer(consulta, quien);
    return { filtros, asistencias: await this.pdt.asistencias(filtros) };
  }

  /** The PDT filters, with a department-limited caller's departments forced in (403 for another). */
  private async leer(consulta: Record<string, unknown>, quien: Principal): Promise<FiltrosPdt> {
    const { filtros, parametros } = await leerFiltros(
      consulta,
      this.metricas,
      quien,
      { nivel: NIVELES_TERRITORIO },
      CAMPOS_PDT,
    );
    return this.pdt.filtrosDe({
      ...filtros,
      nivel: parametros.nivel as NivelTerritorio | undefined,
    });
  }
}
