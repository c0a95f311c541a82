export { BalanceService } from './balance.service';
export { celdaSegura } from './celda-segura';
export { ReportsModule } from './reports.module';
