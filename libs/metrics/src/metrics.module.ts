import { Module } from '@nestjs/common';
import { MetricasService } from './metricas.service';
import { ResumenFaseService } from './resumen-fase.service';

@Module({
  providers: [MetricasService, ResumenFaseService],
  exports: [MetricasService, ResumenFaseService],
})
export class MetricsModule {}
