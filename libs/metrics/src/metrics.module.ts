import { Module } from '@nestjs/common';
import { MetricasService } from './metricas.service';
import { PdtService } from './pdt.service';
import { ResumenFaseService } from './resumen-fase.service';

@Module({
  providers: [MetricasService, PdtService, ResumenFaseService],
  exports: [MetricasService, PdtService, ResumenFaseService],
})
export class MetricsModule {}
