import {
  Controller,
  Get,
  HttpStatus,
  Query,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { DataVersionCache } from '../cache/data-version-cache.interceptor';
import { Acceso, Principal, Quien } from '@tablero/access';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NIVELES_TERRITORIO, NivelTerritorio } from '@tablero/domain';
import {
  FiltrosPdt,
  FueraDeSusDepartamentos,
  limitarADepartamentos,
  METRICAS_PDT,
  MetricasService,
  PdtService,
} from '@tablero/metrics';
import { ApiError } from '../errors/api-error';
import { invalido, validarConsulta } from '../errors/consulta';

const REGLAS = {
  fecha_corte: 'fecha',
  departamento: 'departamento',
  municipio: 'municipio',
  nivel: NIVELES_TERRITORIO,
  desde: 'fecha',
} as const;

const DESCRIPCION: Record<keyof typeof REGLAS, string> = {
  fecha_corte: 'Fecha en que se leen los estados (aaaa-mm-dd); por omisión, la del último hito o asistencia técnica registrada',
  departamento: 'Código DIVIPOLA del departamento (2 dígitos): la gobernación y sus municipios',
  municipio: 'Código DIVIPOLA del municipio (5 dígitos)',
  nivel: 'departamento o municipio',
  desde: 'Asistencias técnicas en o después de esta fecha (aaaa-mm-dd)',
};

function ApiFiltrosPdt(): MethodDecorator {
  return applyDecorators(
    ...Object.entries(DESCRIPCION).map(([name, description]) =>
      ApiQuery({ name, required: false, description }),
    ),
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
    const leidos = validarConsulta(consulta, REGLAS);
    const desconocido = await this.metricas.codigoDesconocido({
      departamento: leidos.departamento,
      municipio: leidos.municipio,
    });
    if (desconocido) {
      throw invalido(
        desconocido[0],
        `no corresponde a ningún código conocido («${desconocido[1]}»)`,
      );
    }
    try {
      return await this.pdt.filtrosDe({
        ...limitarADepartamentos(
          { departamento: leidos.departamento, municipio: leidos.municipio },
          quien.departamentos,
        ),
        fechaCorte: leidos.fecha_corte,
        nivel: leidos.nivel as NivelTerritorio | undefined,
        desde: leidos.desde,
      });
    } catch (error) {
      if (error instanceof FueraDeSusDepartamentos)
        throw new ApiError(HttpStatus.FORBIDDEN, 'FUERA_DE_SUS_DEPARTAMENTOS', error.message);
      throw error;
    }
  }
}
