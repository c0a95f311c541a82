import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Acceso } from '@tablero/access';
import { BASE_NO_DISPONIBLE } from '../errors/http-error.filter';

@ApiTags('salud')
@Acceso('publico')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Estado del servicio y de su base de datos (503 si no responde)' })
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('baseDeDatos', { timeout: 3000 }),
      ]);
    } catch {
      throw new HttpException(BASE_NO_DISPONIBLE, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
