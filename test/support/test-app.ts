import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CredencialesService } from '@tablero/access';
import { loadConfig, pseudonymKey } from '@tablero/config';
import type { NextFunction, Request, Response } from 'express';
import { createDataSource, createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { SCHEMA } from '../../migrations/schema';

/** The secret the e2e tests pseudonymise with; fixed so that expected keys can be computed. */
export const TEST_PSEUDONYM_KEY = 'clave-de-prueba-de-tablero-jpt-0123456789';

export interface TestApp {
  readonly app: INestApplication;
  readonly database: ThrowawayDatabase;
  /** http://127.0.0.1:<port> of the listening server. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.TEST_SERVER_URL;
  if (!url) throw new Error('TEST_SERVER_URL no está definida: ¿corrió el globalSetup de e2e?');
  return url;
}

/** A database of the test's own on the test server, opened with the project's schema. */
export interface BaseDePrueba {
  readonly ds: DataSource;
  /** Closes the connection and drops the database. */
  cerrar(): Promise<void>;
}

/** Opens a throwaway database, with every migration applied unless `migrar` is false. */
export async function abrirBaseDePrueba(proposito: string, migrar = true): Promise<BaseDePrueba> {
  const database = await createThrowawayDatabase(testServerUrl(), proposito);
  const ds = createDataSource(database.url, SCHEMA);
  await ds.initialize();
  if (migrar) await ds.runMigrations();
  return {
    ds,
    cerrar: async () => {
      await ds.destroy();
      await database.drop();
    },
  };
}

export interface TestAppOptions {
  /**
   * "admin" (default): a request that carries no credentials of its own is sent
   * with an admin API token, so that tests about other things need not sign in.
   * "ninguna": requests go as sent (the access tests).
   */
  readonly credencial?: 'admin' | 'ninguna';
  /** A database another instance already uses (not dropped on close), instead of a new one. */
  readonly base?: ThrowawayDatabase;
  /** Servers streaming replicas of the database's server: the app reads the same database on them. */
  readonly replicas?: readonly string[];
}

/** The real application on a database of its own, listening on a free port. */
export async function startTestApp(
  purpose: string,
  env: Record<string, string> = {},
  { credencial = 'admin', base, replicas = [] }: TestAppOptions = {},
): Promise<TestApp> {
  const database = base ?? (await createThrowawayDatabase(testServerUrl(), purpose));
  const enLaMismaBase = (servidor: string) => {
    const url = new URL(servidor);
    url.pathname = `/${database.name}`;
    return url.toString();
  };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DATABASE_REPLICA_URLS: replicas.map(enLaMismaBase).join(','),
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    // Rate limits are tested on their own; other tests send many requests from one address.
    LOGIN_MAX_PER_MINUTE: '100000',
    EXPENSIVE_MAX_PER_MINUTE: '100000',
    ...env,
  });
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: database.url, pseudonymKey: pseudonymKey(config) }),
    // Closing does not wait out the long keep-alive below on a connection that went idle after
    // the close began.
    { logger: false, forceCloseConnections: true },
  );
  let tokenAdmin: string | undefined;
  if (credencial === 'admin') {
    app.use((request: Request, _response: Response, next: NextFunction) => {
      if (tokenAdmin && !request.headers.authorization && !request.headers.cookie)
        request.headers.authorization = `Bearer ${tokenAdmin}`;
      next();
    });
  }
  configureApp(app, config);
  // The tests and this server share one event loop: a test's own synchronous work (decoding a
  // 3200 × 2000 PNG takes seconds on a busy machine) could outlast Node's 5 s keep-alive, and the
  // server would close the idle connection just as the test's next request arrived on it.
  app.getHttpServer().keepAliveTimeout = 120_000;
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    if (!base) await database.drop();
    throw error;
  }
  if (credencial === 'admin') {
    tokenAdmin = (
      await app.get(CredencialesService).crearToken({
        nombre: 'pruebas',
        rol: 'admin',
        creadoPor: 'pruebas',
      })
    ).secreto;
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      if (!base) await database.drop();
    },
  };
}

/**
 * The file's own application (see `startTestApp`) and a client on its database,
 * opened before the file's tests, handed to `alIniciar`, and closed after them.
 */
export function servidorConCliente(
  purpose: string,
  alIniciar: (server: TestApp, db: Client) => void,
  env: Record<string, string> = {},
): void {
  let server: TestApp | undefined;
  let db: Client | undefined;
  beforeAll(async () => {
    server = await startTestApp(purpose, env);
    db = new Client({ connectionString: server.database.url });
    await db.connect();
    alIniciar(server, db);
  });
  afterAll(async () => {
    await db?.end();
    await server?.close();
  });
}

/** A bearer token the test server's admin creates; returns its secret. */
export async function crearToken(
  baseUrl: string,
  nombre: string,
  rol: string,
  departamentos: string[],
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nombre, rol, departamentos }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { secreto: string }).secreto;
}
