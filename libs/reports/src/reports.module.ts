import { DynamicModule, Module } from '@nestjs/common';
import { ChartsModule } from '@tablero/charts';
import { MetricsModule } from '@tablero/metrics';
import { BalanceService } from './balance.service';
import { CARPETA_EXPORTACIONES, ExportacionesService } from './exportaciones.service';
import { InformeService } from './informe/informe.service';

@Module({})
export class ReportsModule {
  /** `carpeta`: where background exports are written until they are downloaded. */
  static forRoot(carpeta: string): DynamicModule {
    return {
      module: ReportsModule,
      imports: [MetricsModule, ChartsModule],
      providers: [
        BalanceService,
        ExportacionesService,
        InformeService,
        { provide: CARPETA_EXPORTACIONES, useValue: carpeta },
      ],
      exports: [BalanceService, ExportacionesService, InformeService],
    };
  }
}
