export {
  abrirConexiones,
  createDataSource,
  dataSourceOptions,
  pendingSchemaChanges,
  Schema,
} from './data-source';
export {
  DataDirInUseError,
  EmbeddedDatabaseError,
  RunningDatabase,
  startEmbeddedDatabase,
} from './embedded-database';
export { connectDatabase } from './connect-database';
export { createThrowawayDatabase, ThrowawayDatabase } from './throwaway-database';
export { dataVersion } from './data-version';
export {
  conexionDeLectura,
  DataSourceConReplicas,
  EstadoDeReplica,
  estadoDeReplicas,
  leerEnReplica,
  replicado,
} from './replicas';
