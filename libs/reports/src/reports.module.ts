import { DynamicModule, Module } from '@nestjs/common';
import { ChartsModule } from '@tablero/charts';
import { MetricsModule } from '@tablero/metrics';
import { BalanceService } from './balance.service';
import { OpcionesExportaciones } from './exportaciones.cola';
import { ExportacionesService, OPCIONES_EXPORTACIONES } from './exportaciones.service';
import { InformeService } from './informe/informe.service';

@Module({})
export class ReportsModule {
  /** `exportaciones`: lease, attempts and retention of the background exports. */
  static forRoot(exportaciones: OpcionesExportaciones): DynamicModule {
    return {
      module: ReportsModule,
      imports: [MetricsModule, ChartsModule],
      providers: [
        BalanceService,
        ExportacionesService,
        InformeService,
        { provide: OPCIONES_EXPORTACIONES, useValue: exportaciones },
      ],
      exports: [BalanceService, ExportacionesService, InformeService],
    };
  }
}
