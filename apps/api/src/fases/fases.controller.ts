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
import { parseFase } from '@tablero/domain';
import { ResumenFase, ResumenFaseService } from '@tablero/metrics';
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
      'y el alcance: la suma de todas las cifras, como la suma el balance de la estrategia.',
  })
  @ApiParam({ name: 'fase', enum: ['I', 'II', 'III'], description: 'Fase de la estrategia' })
  @ApiOkResponse({ description: 'El resumen de la fase' })
  @ApiNotFoundResponse({ description: 'FASE_DESCONOCIDA: la fase no existe' })
  async resumen(@Param('fase') fase: string, @Quien() quien: Principal): Promise<ResumenFase> {
    if (quien.departamentos) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FUERA_DE_SUS_DEPARTAMENTOS',
        'El resumen de una fase es nacional; su usuario solo puede consultar sus departamentos (use /api/v1/kpis?fase=…).',
      );
    }
    const codigo = parseFase(fase);
    const resumen = codigo && (await this.resumenFase.resumen(codigo));
    if (!resumen) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'FASE_DESCONOCIDA',
        `La fase «${fase.slice(0, 20)}» no existe. Las fases son I, II y III.`,
      );
    }
    return resumen;
  }
}
