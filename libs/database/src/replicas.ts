/**
 * Reads of the figures on streaming replicas (DATABASE_REPLICA_URLS), never
 * older than what a caller may have seen: a request reads the data version on
 * the primary, and a replica serves it only if it has replayed at least that
 * version; the primary answers otherwise. Writes, transactions and reads
 * outside `leerEnReplica` always go to the primary.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client, Pool } from 'pg';
import { DataSource, ObjectLiteral, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface Lectura {
  readonly version: string;
  /** The replicas (servidor:puerto) already seen at the version: a replica never goes back. */
  readonly alDia: Set<string>;
}

const lecturaEnCurso = new AsyncLocalStorage<Lectura>();

/** A statement that only reads; anything else stays on the primary even inside leerEnReplica. */
const SOLO_LECTURA = /^\s*(select|with)\b/i;

/** How long /api/health waits for a replica before calling it silent. */
const ESPERA_DE_SALUD_MS = 1000;

/** Runs `trabajo` with its reads sent to a replica that has replayed `version` (the primary's). */
export function leerEnReplica<T>(version: string, trabajo: () => T): T {
  return lecturaEnCurso.run({ version, alDia: new Set() }, trabajo);
}

/** Whether DATABASE_REPLICA_URLS gave this DataSource replicas. */
export function replicado(dataSource: DataSource): boolean {
  return (dataSource.driver as PostgresDriver).slaves.length > 0;
}

/**
 * A connection to read figures on, which the caller releases: inside
 * leerEnReplica, a replica at the version asked for, if one is and answers;
 * the primary otherwise.
 */
export async function conexionDeLectura(dataSource: DataSource): Promise<QueryRunner> {
  const lectura = lecturaEnCurso.getStore();
  if (lectura && replicado(dataSource)) {
    const replica = dataSource.createQueryRunner('slave');
    try {
      const cliente = (await replica.connect()) as Client;
      const servidor = `${cliente.host}:${cliente.port}`;
      if (lectura.alDia.has(servidor)) return replica;
      const [{ al_dia }] = await dataSource.query<{ al_dia: boolean }[]>(
        `SELECT count(*) >= $1::bigint AS al_dia FROM cambio_de_datos`,
        [lectura.version],
        replica,
      );
      if (al_dia) {
        lectura.alDia.add(servidor);
        return replica;
      }
    } catch {
      // A replica that does not answer leaves the read to the primary.
    }
    await replica.release();
  }
  return dataSource.createQueryRunner('master');
}

/**
 * The application's DataSource: the services' raw SELECTs made inside
 * leerEnReplica go through conexionDeLectura, so they need not know of replicas.
 */
export class DataSourceConReplicas extends DataSource {
  override async query<T = unknown>(
    sql: string,
    parametros?: unknown[] | ObjectLiteral,
    conexion?: QueryRunner,
  ): Promise<T> {
    if (conexion || !lecturaEnCurso.getStore() || !SOLO_LECTURA.test(sql))
      return super.query<T>(sql, parametros, conexion);
    const lectura = await conexionDeLectura(this);
    try {
      return await super.query<T>(sql, parametros, lectura);
    } finally {
      await lectura.release();
    }
  }
}

export interface EstadoDeReplica {
  /** servidor:puerto/base, without user or password. */
  readonly replica: string;
  readonly responde: boolean;
  /** Seconds since the last replayed commit while WAL waits to be replayed; 0 when caught up. */
  readonly retrasoSegundos?: number;
  /** WAL the primary has written that the replica has not replayed yet. */
  readonly retrasoBytes?: number;
  readonly versionDeDatos?: number;
  /** Has replayed the primary's data version: reads go to it. */
  readonly alDia?: boolean;
  readonly error?: string;
}

/** Each replica's lag behind the primary, with cheap queries and a short wait. */
export async function estadoDeReplicas(dataSource: DataSource): Promise<EstadoDeReplica[]> {
  const driver = dataSource.driver as PostgresDriver;
  const urls = (driver.options.replication?.slaves ?? []).map((s) => s.url ?? '');
  return Promise.all(
    (driver.slaves as Pool[]).map(async (pool, i) => {
      const replica = nombreDeServidor(urls[i]);
      try {
        const [r] = await aTiempo(
          pool.query<{ lsn: string | null; segundos: number | null; version: string }>(
            `SELECT pg_last_wal_replay_lsn()::text AS lsn,
                    CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                         ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS segundos,
                    (SELECT count(*) FROM cambio_de_datos)::text AS version`,
          ),
        ).then((res) => res.rows);
        const [p] = await aTiempo(
          (driver.master as Pool).query<{ bytes: string | null; version: string }>(
            `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes,
                    (SELECT count(*) FROM cambio_de_datos)::text AS version`,
            [r.lsn],
          ),
        ).then((res) => res.rows);
        return {
          replica,
          responde: true,
          retrasoSegundos: r.segundos === null ? undefined : Math.round(r.segundos * 10) / 10,
          retrasoBytes: p.bytes === null ? undefined : Math.max(0, Number(p.bytes)),
          versionDeDatos: Number(r.version),
          alDia: Number(r.version) >= Number(p.version),
        };
      } catch (error) {
        return { replica, responde: false, error: (error as Error).message };
      }
    }),
  );
}

function nombreDeServidor(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

function aTiempo<T>(promesa: Promise<T>): Promise<T> {
  let temporizador: NodeJS.Timeout | undefined;
  const limite = new Promise<never>((_, rechazar) => {
    temporizador = setTimeout(
      () => rechazar(new Error(`sin respuesta en ${ESPERA_DE_SALUD_MS} ms`)),
      ESPERA_DE_SALUD_MS,
    );
  });
  return Promise.race([promesa, limite]).finally(() => clearTimeout(temporizador));
}
