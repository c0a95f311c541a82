import { Module } from '@nestjs/common';
import { ChartsModule } from '@tablero/charts';
import { MetricsModule } from '@tablero/metrics';
import { BalanceService } from './balance.service';

@Module({
  imports: [MetricsModule, ChartsModule],
  providers: [BalanceService],
  exports: [BalanceService],
})
export class ReportsModule {}
