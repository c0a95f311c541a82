/**
 * A throwaway primary and a streaming replica of it, with the machine's
 * PostgreSQL binaries (PG_BIN, by default Debian's 15): initdb, pg_basebackup -R
 * and pg_ctl, run as the "postgres" OS user when the tests run as root (initdb
 * refuses root). The replica logs every statement, so a test can see what it ran.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ReplicaEnStreaming {
  /** postgres://postgres@127.0.0.1:<port>/postgres of each server. */
  readonly primario: string;
  readonly replica: string;
  /** The replica's log from `desde` (a length it had before) on. */
  logDeLaReplica(desde?: number): string;
  /** Stops and resumes applying the primary's WAL on the replica (it keeps receiving it). */
  pausarReplay(): Promise<void>;
  reanudarReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written. */
  alcanzar(): Promise<void>;
  detener(): Promise<void>;
}

export async function iniciarReplicaEnStreaming(): Promise<ReplicaEnStreaming> {
  const carpeta = mkdtempSync(join(tmpdir(), 'tablero-replica-'));
  const comoRoot = userInfo().uid === 0;
  if (comoRoot) chownSync(carpeta, uid('postgres'), gid('postgres'));
  const ejecutar = (programa: string, args: string[]) =>
    execFileSync(
      comoRoot ? 'runuser' : join(PG_BIN, programa),
      comoRoot ? ['-u', 'postgres', '--', join(PG_BIN, programa), ...args] : args,
      { stdio: 'pipe' },
    );
  const [puertoPrimario, puertoReplica] = [await freePort(), await freePort()];
  const primario = join(carpeta, 'primario');
  const replica = join(carpeta, 'replica');
  const logReplica = join(carpeta, 'replica.log');
  const opciones = (puerto: number, extra: string) =>
    `-p ${puerto} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${carpeta} ${extra}`;
  const detener = () => {
    for (const datos of [replica, primario])
      try {
        ejecutar('pg_ctl', ['-D', datos, '-m', 'immediate', 'stop']);
      } catch {
        // Not started, or already stopped.
      }
    rmSync(carpeta, { recursive: true, force: true });
  };
  try {
    ejecutar('initdb', ['-D', primario, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    ejecutar('pg_ctl', [
      '-D',
      primario,
      '-l',
      join(carpeta, 'primario.log'),
      '-o',
      opciones(puertoPrimario, '-c wal_level=replica -c max_wal_senders=4'),
      '-w',
      'start',
    ]);
    ejecutar('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(puertoPrimario),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
    ]);
    ejecutar('pg_ctl', [
      '-D',
      replica,
      '-l',
      logReplica,
      '-o',
      opciones(puertoReplica, '-c hot_standby=on -c log_statement=all'),
      '-w',
      'start',
    ]);
  } catch (error) {
    detener();
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(
      `No se pudo iniciar el primario y su réplica: ${e.stderr?.toString() ?? e.message}`,
      { cause: error },
    );
  }
  const url = (puerto: number) => `postgres://postgres@127.0.0.1:${puerto}/postgres`;
  const enReplica = async (sql: string) => {
    const cliente = new Client({ connectionString: url(puertoReplica) });
    await cliente.connect();
    try {
      return (await cliente.query(sql)).rows;
    } finally {
      await cliente.end();
    }
  };
  return {
    primario: url(puertoPrimario),
    replica: url(puertoReplica),
    logDeLaReplica: (desde = 0) => readFileSync(logReplica, 'utf8').slice(desde),
    pausarReplay: async () => void (await enReplica('SELECT pg_wal_replay_pause()')),
    reanudarReplay: async () => void (await enReplica('SELECT pg_wal_replay_resume()')),
    alcanzar: async () => {
      const cliente = new Client({ connectionString: url(puertoPrimario) });
      await cliente.connect();
      try {
        const { rows } = await cliente.query<{ lsn: string }>(
          'SELECT pg_current_wal_lsn()::text AS lsn',
        );
        for (let intento = 0; intento < 200; intento++) {
          const [fila] = await enReplica(
            `SELECT pg_last_wal_replay_lsn() >= '${rows[0].lsn}'::pg_lsn AS al_dia`,
          );
          if (fila.al_dia) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('La réplica no alcanzó al primario en 10 s');
      } finally {
        await cliente.end();
      }
    },
    detener: async () => detener(),
  };
}

function uid(usuario: string): number {
  return Number(execFileSync('id', ['-u', usuario]).toString().trim());
}

function gid(usuario: string): number {
  return Number(execFileSync('id', ['-g', usuario]).toString().trim());
}
