export { ImportacionNacional } from './alcance-departamental';
export { cargarCatalogos } from './catalogos';
export {
  ImportacionService,
  InformeImportacion,
  IngestionOptions,
  INGESTION_OPTIONS,
  SolicitudImportacion,
} from './importacion.service';
export { IngestionModule } from './ingestion.module';
export { ArchivoInvalido } from './lectura/archivo-invalido';
export { plantilla } from './plantilla.workbook';
export { libroDeRechazos } from './rechazos.workbook';
export { seudonimizador } from './seudonimo';
