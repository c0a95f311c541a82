import { Controller, Get, HttpStatus, Param, UseInterceptors } from '@nestjs/common';
import { DataVersionCache } from '../cache/data-version-cache.interceptor';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Acceso, Principal, Quien } from '@tablero/access';
import { CodigoFase, parseFase } from '@tablero/domain';
import { FaseDeclarada, ResumenFase, ResumenFaseService } from '@tablero/metrics';
import { ApiError } from '../errors/api-error';

@ApiTags('fases')
@Acceso('tablero')
@UseInterceptors(DataVersionCache)
@Controller('v1/fases')
export class FasesController {
  constructor(private readonly resumenFase: ResumenFaseService) {}

  @Get(':fase/resumen')
  @ApiOperation({
    summary: 'Resumen de una fase',
    description:
      'Actividades por tipo, cifras de la fase con su calificador (exacto, mínimo, aproximado) ' +
      'y las interacciones registradas: vistas, personas certificadas y asistencias sumadas, con sus partes.',
  })
  @ApiParam({ name: 'fase', enum: ['I', 'II', 'III'], description: 'Fase de la estrategia' })
  @ApiOkResponse({ description: 'El resumen de la fase' })
  @ApiNotFoundResponse({ description: 'FASE_DESCONOCIDA: la fase no existe' })
  async resumen(@Param('fase') fase: string, @Quien() quien: Principal): Promise<ResumenFase> {
    const codigo = faseNacional(fase, quien);
    return existente(fase, codigo && (await this.resumenFase.resumen(codigo)));
  }

  @Get(':fase/declarado')
  @ApiOperation({
    summary: 'La fase como la declara el documento fuente',
    description:
      'Cada actividad, o cada serie de actividades declarada como una (un ciclo), con su número, su cifra ' +
      'declarada con su calificador y su unidad, canal, lugar y fecha o periodo: como lo dice la fuente.',
  })
  @ApiParam({ name: 'fase', enum: ['I', 'II', 'III'], description: 'Fase de la estrategia' })
  @ApiNotFoundResponse({ description: 'FASE_DESCONOCIDA: la fase no existe' })
  async declarado(@Param('fase') fase: string, @Quien() quien: Principal): Promise<FaseDeclarada> {
    const codigo = faseNacional(fase, quien);
    return existente(fase, codigo && (await this.resumenFase.declarado(codigo)));
  }
}

/** A phase's national figures: refused to a department-limited caller; an unknown phase reads as undefined. */
function faseNacional(fase: string, quien: Principal): CodigoFase | undefined {
  if (quien.departamentos) {
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'FUERA_DE_SUS_DEPARTAMENTOS',
      'El resumen de una fase es nacional; su usuario solo puede consultar sus departamentos (use /api/v1/kpis?fase=…).',
    );
  }
  return parseFase(fase);
}

function existente<T>(fase: string, respuesta: T | undefined): T {
  if (!respuesta) {
    throw new ApiError(
      HttpStatus.NOT_FOUND,
      'FASE_DESCONOCIDA',
      `La fase «${fase.slice(0, 20)}» no existe. Las fases son I, II y III.`,
    );
  }
  return respuesta;
}
