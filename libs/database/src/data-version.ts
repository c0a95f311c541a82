import { DataSource } from 'typeorm';

/**
 * The version of the data the figures are read from: the number of committed
 * transactions that changed their tables (migration VersionDeDatos). A reader
 * that sees version n sees every change counted in it.
 */
export async function dataVersion(dataSource: DataSource): Promise<string> {
  const [fila] = await dataSource.query<{ version: string }[]>(
    `SELECT count(*)::text AS version FROM cambio_de_datos`,
  );
  return fila.version;
}
