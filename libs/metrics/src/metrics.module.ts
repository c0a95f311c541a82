import { Module } from '@nestjs/common';
import { MetricasService } from './metricas.service';
import { PdtService } from './pdt.service';
import { ResumenFaseService } from './resumen-fase.service';
import { ResumenFaseTipoService } from './resumen-fase-tipo.service';

@Module({
  providers: [MetricasService, PdtService, ResumenFaseService, ResumenFaseTipoService],
  exports: [MetricasService, PdtService, ResumenFaseService, ResumenFaseTipoService],
})
export class MetricsModule {}
