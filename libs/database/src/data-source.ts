import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/**
 * What a database holds: the entities TypeORM maps and the migrations that
 * build their tables. The project's own is `SCHEMA` in migrations/schema.ts,
 * which sits above every library that owns entities.
 */
export interface Schema {
  readonly entities: NonNullable<PostgresDataSourceOptions['entities']>;
  readonly migrations: NonNullable<PostgresDataSourceOptions['migrations']>;
}

/**
 * With replicas, TypeORM keeps a pool per server; `defaultMode: 'master'` keeps
 * repositories and query builders on the primary: only leerEnReplica reads elsewhere.
 */
export function dataSourceOptions(
  url: string,
  schema: Schema,
  replicas: readonly string[] = [],
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? {
          replication: {
            master: { url },
            slaves: replicas.map((replica) => ({ url: replica })),
            defaultMode: 'master' as const,
          },
        }
      : { url }),
    applicationName: 'tablero-jpt',
    // The metrics' plans look costly to the planner, which then spends ~100 ms compiling them
    // with JIT for queries that run in a few milliseconds.
    // The metrics hash and sort tens of thousands of summary rows: 4 MB (the default) sends them to disk.
    // A request waits at most 5 s for a connection: with the database down it gets a 503, never hangs.
    // Connections are kept once open (see abrirConexiones).
    extra: {
      options: '-c jit=off -c work_mem=32MB',
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 0,
    },
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migracion',
    migrationsTransactionMode: 'each',
    synchronize: false,
  };
}

/** The connections the server opens as it starts, beside those an import or an export holds. */
const CONEXIONES_AL_ARRANCAR = 4;

/**
 * Opens the primary's first connections before the first request, and the pool keeps them: a
 * request that had to open one while an import held those open waited for it (/api/health
 * answered in 130 ms, five times its usual, each time an import started).
 */
export async function abrirConexiones<D extends DataSource>(dataSource: D): Promise<D> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const abiertas = await Promise.allSettled(
    Array.from({ length: CONEXIONES_AL_ARRANCAR }, () => pool.connect()),
  );
  for (const a of abiertas) if (a.status === 'fulfilled') a.value.release();
  const fallida = abiertas.find((a) => a.status === 'rejected');
  if (fallida) {
    // The server will not start: its pools must not keep it, or the database, waiting.
    await dataSource.destroy();
    throw fallida.reason;
  }
  return dataSource;
}

/** A DataSource for scripts and the CLI; the HTTP app gets its own through TypeOrmModule. */
export function createDataSource(url: string, schema: Schema): DataSource {
  return new DataSource(dataSourceOptions(url, schema));
}

/**
 * The SQL that would bring the database to what the entities describe, after
 * the migrations ran. Empty when entities and migrations agree.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}
