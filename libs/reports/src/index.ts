export { BalanceService } from './balance.service';
export { InformeService } from './informe/informe.service';
export { ReportsModule } from './reports.module';
export {
  COLUMNAS_DETALLE,
  ExportacionCancelada,
  exportarDetalle,
  FILAS_POR_HOJA,
} from './detalle.export';
export { alcanceDeExportacion } from './exportaciones.acceso';
export { TIPO_DE_ARCHIVO } from './tipos-de-archivo';
export { AlmacenInaccesible, ArchivoNoDisponible } from './exportaciones.almacen';
export { exportacionPublica, ExportacionesService } from './exportaciones.service';
export { libroDeDatosDeGrafico } from './datos-grafico.workbook';
export { csvDeAuditoria, EntradaDeAuditoria, libroDeAuditoria } from './auditoria.workbook';
