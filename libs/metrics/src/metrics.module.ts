import { Module } from '@nestjs/common';
import { MetasService } from './metas.service';
import { MetricasService } from './metricas.service';
import { PdtService } from './pdt.service';
import { ResumenFaseService } from './resumen-fase.service';
import { ResumenFaseTipoService } from './resumen-fase-tipo.service';

@Module({
  providers: [
    MetasService,
    MetricasService,
    PdtService,
    ResumenFaseService,
    ResumenFaseTipoService,
  ],
  exports: [MetasService, MetricasService, PdtService, ResumenFaseService, ResumenFaseTipoService],
})
export class MetricsModule {}
