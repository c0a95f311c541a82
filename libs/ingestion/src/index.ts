export { ImportacionNacional } from './alcance-departamental';
export {
  AliasRechazado,
  AliasService,
  AliasVigente,
  CodigoAliasRechazado,
  DesconocidosDeImportacion,
  EntradaDeCatalogo,
} from './alias.service';
export { cargarCatalogos } from './catalogos';
export {
  ImportacionService,
  InformeImportacion,
  IngestionOptions,
  INGESTION_OPTIONS,
  SinFilasPendientes,
  SolicitudImportacion,
  SolicitudReintento,
} from './importacion.service';
export { IngestionModule } from './ingestion.module';
export { ArchivoInvalido } from './lectura/archivo-invalido';
export { plantilla } from './plantilla.workbook';
export { libroDeRechazos } from './rechazos.workbook';
export { seudonimizador } from './seudonimo';
