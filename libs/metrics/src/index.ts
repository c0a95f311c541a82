export { MetricsModule } from './metrics.module';
export * from './resumen-fase';
export { ResumenFaseService } from './resumen-fase.service';
