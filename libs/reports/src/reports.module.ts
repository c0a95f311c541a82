import { DynamicModule, Module } from '@nestjs/common';
import { ChartsModule } from '@tablero/charts';
import { MetricsModule } from '@tablero/metrics';
import { BalanceService } from './balance.service';
import {
  ExportacionesService,
  OPCIONES_EXPORTACIONES,
  OpcionesDelServicio,
} from './exportaciones.service';
import { InformeService } from './informe/informe.service';

@Module({})
export class ReportsModule {
  /** `exportaciones`: lease, attempts, retention and bucket of the background exports. */
  static forRoot(exportaciones: OpcionesDelServicio): DynamicModule {
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
