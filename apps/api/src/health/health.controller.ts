import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Acceso } from '@tablero/access';

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
  check() {
    return this.health.check([() => this.database.pingCheck('baseDeDatos', { timeout: 3000 })]);
  }
}
