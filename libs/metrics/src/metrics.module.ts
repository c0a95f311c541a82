import { Module } from '@nestjs/common';
import { ResumenFaseService } from './resumen-fase.service';

@Module({
  providers: [ResumenFaseService],
  exports: [ResumenFaseService],
})
export class MetricsModule {}
