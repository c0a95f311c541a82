/**
 * `npm start` with no configuration: the built server starts its embedded
 * PostgreSQL, loads the reference data, answers, refuses a second start on
 * the same data folder, survives a kill -9 and shuts down cleanly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { ServerProcess, startServerProcess } from './support/server-process';

jest.setTimeout(120_000);

const READY = /Tablero JPT listo en/;
const SEEDED = /se cargaron los datos de referencia/;

const dataDir = mkdtempSync(join(tmpdir(), 'tablero-embebido-'));
let env: Record<string, string>;
const running: ServerProcess[] = [];

function start(extra: Record<string, string> = {}): ServerProcess {
  const server = startServerProcess({ ...env, ...extra });
  running.push(server);
  return server;
}

async function interaccionesFaseI(port: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/fases/I/resumen`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { interacciones: { valor: number } }).interacciones.valor;
}

beforeAll(async () => {
  env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_DB_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
  };
});

afterAll(async () => {
  for (const server of running) {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited();
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts with no database server, loads the reference data and answers', async () => {
  const server = start();
  await server.waitFor(READY, 60_000);
  // The log writes asynchronously: its line may follow the ready line printed by the console.
  await server.waitFor(SEEDED, 10_000);
  // No default password: a one-time link creates the first administrator; the demo is readable.
  expect(server.output()).toMatch(
    /No hay usuarios\. Cree el primer administrador .*\/ingresar\?codigo=[\w-]{16} /,
  );
  expect(server.output()).toMatch(/El tablero es público de solo lectura/);
  const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
  expect(health.status).toBe(200);
  expect(await interaccionesFaseI(env.PORT)).toBe(33274);
  expect(server.output()).toContain(`Tablero JPT listo en http://localhost:${env.PORT}/ `);
  const tablero = await fetch(`http://127.0.0.1:${env.PORT}/`);
  expect(tablero.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await tablero.text();
  expect(html).toContain('<title>Tablero JPT · Juntos por el Territorio</title>');
  // Named by their content, so that a browser never runs an old build from its cache.
  const guion = html.match(/src="(\/assets\/main-[A-Z0-9]{8}\.js)"/)![1];
  const js = await fetch(`http://127.0.0.1:${env.PORT}${guion}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
  expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
});

it('refuses a second start on the same data folder with a clear message', async () => {
  const second = start({ PORT: String(await freePort()) });
  expect(await second.exited()).toBe(1);
  expect(second.output()).toContain('Ya hay un Tablero JPT en ejecución con la carpeta de datos');
  expect(second.output()).not.toMatch(/^\s+at /m);
  expect(await interaccionesFaseI(env.PORT)).toBe(33274);
});

it('recovers after being killed with SIGKILL, keeping its data', async () => {
  const [first] = running;
  first.child.kill('SIGKILL');
  await first.exited();
  // Its postgres is still running on the data folder: the next start must deal with it.
  expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

  const again = start();
  await again.waitFor(READY, 60_000);
  expect(await interaccionesFaseI(env.PORT)).toBe(33274);
  expect(again.output()).not.toMatch(SEEDED);
});

it('stops its PostgreSQL and releases the folder on SIGTERM', async () => {
  const last = running[running.length - 1];
  last.child.kill('SIGTERM');
  await last.exited();
  await waitUntil(() => !existsSync(join(dataDir, 'postgres', 'postmaster.pid')));
  expect(existsSync(join(dataDir, 'tablero.lock'))).toBe(false);
});

it('names a bad variable instead of printing a stack trace', async () => {
  const bad = start({ PORT: 'tres mil' });
  expect(await bad.exited()).toBe(1);
  expect(bad.output()).toContain('Configuración inválida / Invalid configuration');
  expect(bad.output()).toContain('PORT: debe ser un número de puerto');
  expect(bad.output()).not.toMatch(/^\s+at /m);
});

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('La condición no se cumplió a tiempo');
    await new Promise((r) => setTimeout(r, 100));
  }
}
