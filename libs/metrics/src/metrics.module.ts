import { Module } from '@nestjs/common';
import { MetasService } from './metas.service';
import { MetricasService } from './metricas.service';
import { PdtService } from './pdt.service';
import { ResumenFaseService } from './resumen-fase.service';

@Module({
  providers: [MetasService, MetricasService, PdtService, ResumenFaseService],
  exports: [MetasService, MetricasService, PdtService, ResumenFaseService],
})
export class MetricsModule {}
