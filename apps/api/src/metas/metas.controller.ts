import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Acceso, Auditar, Principal, Quien } from '@tablero/access';
import { CodigoFase, parseFase } from '@tablero/domain';
import { MetasService, METRICAS_SUMABLES, MetricaId } from '@tablero/metrics';
import { ApiError } from '../errors/api-error';
import { invalido } from '../errors/consulta';

/** numeric(14, 2) holds up to this. */
const META_MAXIMA = 999_999_999_999;

@ApiTags('metas')
@Controller('v1/metas')
export class MetasController {
  constructor(private readonly metas: MetasService) {}

  @Get()
  @Acceso('tablero')
  @ApiOperation({ summary: 'Las metas de cada fase: una cifra por métrica sumable' })
  async listar() {
    return { metas: await this.metas.listar() };
  }

  @Put(':fase/:metrica')
  @Acceso('importar')
  @Auditar('meta_fijada')
  @ApiOperation({ summary: 'Fija (o cambia) la meta de una métrica en una fase' })
  @ApiParam({ name: 'fase', enum: ['I', 'II', 'III'] })
  @ApiParam({ name: 'metrica', enum: METRICAS_SUMABLES })
  @ApiBody({ schema: { type: 'object', properties: { valor: { type: 'number', minimum: 0 } } } })
  fijar(
    @Param('fase') fase: string,
    @Param('metrica') metrica: string,
    @Body() cuerpo: { valor?: unknown } = {},
    @Quien() quien: Principal,
  ) {
    const clave = this.clave(fase, metrica, quien);
    const { valor } = cuerpo ?? {};
    if (typeof valor !== 'number' || !Number.isFinite(valor) || valor < 0 || valor > META_MAXIMA) {
      throw invalido(
        'valor',
        `debe ser un número entre 0 y ${META_MAXIMA.toLocaleString('es-CO')}`,
      );
    }
    return this.metas.fijar(clave.fase, clave.metrica, Math.round(valor * 100) / 100);
  }

  @Delete(':fase/:metrica')
  @Acceso('importar')
  @Auditar('meta_retirada')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Retira la meta de una métrica en una fase' })
  async retirar(
    @Param('fase') fase: string,
    @Param('metrica') metrica: string,
    @Quien() quien: Principal,
  ): Promise<void> {
    const clave = this.clave(fase, metrica, quien);
    if (!(await this.metas.retirar(clave.fase, clave.metrica))) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'META_INEXISTENTE',
        `La fase ${clave.fase} no tiene meta para «${clave.metrica}».`,
      );
    }
  }

  private clave(fase: string, metrica: string, quien: Principal) {
    // The targets are national, as the figures they are compared with.
    if (quien.departamentos) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FUERA_DE_SUS_DEPARTAMENTOS',
        'Las metas son nacionales; un usuario limitado a algunos departamentos no puede cambiarlas.',
      );
    }
    const codigo: CodigoFase | undefined = parseFase(fase);
    if (!codigo) throw invalido('fase', 'debe ser I, II o III');
    if (!(METRICAS_SUMABLES as readonly string[]).includes(metrica)) {
      throw invalido('metrica', `debe ser una de: ${METRICAS_SUMABLES.join(', ')}`);
    }
    return { fase: codigo, metrica: metrica as MetricaId };
  }
}
