import { DataSource } from 'typeorm';
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
    extra: { options: '-c jit=off -c work_mem=32MB', connectionTimeoutMillis: 5000 },
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migracion',
    migrationsTransactionMode: 'each',
    synchronize: false,
  };
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
