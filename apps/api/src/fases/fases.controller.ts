import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { parseFase } from '@tablero/domain';
import { ResumenFase, ResumenFaseService } from '@tablero/metrics';
import { ApiError } from '../errors/api-error';

@ApiTags('fases')
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
  async resumen(@Param('fase') fase: string): Promise<ResumenFase> {
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
