import { Module } from '@nestjs/common';
import { MetricsModule } from '@tablero/metrics';
import { GraficosService } from './graficos.service';

@Module({
  imports: [MetricsModule],
  providers: [GraficosService],
  exports: [GraficosService],
})
export class ChartsModule {}
