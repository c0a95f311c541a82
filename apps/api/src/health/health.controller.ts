import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Acceso } from '@tablero/access';
import { estadoDeReplicas, replicado } from '@tablero/database';
import { DataSource } from 'typeorm';
import { BASE_NO_DISPONIBLE } from '../errors/http-error.filter';

@ApiTags('salud')
@Acceso('publico')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicadores: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  // Terminus documents the answers in English; these say the same in Spanish.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({
    description: 'El servicio y su base de datos responden',
    schema: { example: { status: 'ok', info: { baseDeDatos: { status: 'up' } }, error: {} } },
  })
  @ApiServiceUnavailableResponse({
    description: 'La base de datos no responde',
    schema: { example: BASE_NO_DISPONIBLE },
  })
  @ApiOperation({
    summary:
      'Estado del servicio, de su base de datos (503 si no responde) y del retraso de cada réplica',
  })
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('baseDeDatos', { timeout: 3000 }),
        ...(replicado(this.dataSource) ? [() => this.replicas()] : []),
      ]);
    } catch {
      throw new HttpException(BASE_NO_DISPONIBLE, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  /** A replica silent or behind degrades the service but does not stop it: the primary answers its reads. */
  private async replicas() {
    const replicas = await estadoDeReplicas(this.dataSource);
    const indicador = this.indicadores.check('replicas');
    return replicas.every((r) => r.responde && r.alDia)
      ? indicador.up({ replicas })
      : indicador.degraded({ replicas });
  }
}
