import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, pseudonymKey } from '@tablero/config';
import { createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

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

/** The real application on a database of its own, listening on a free port. */
export async function startTestApp(
  purpose: string,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createThrowawayDatabase(testServerUrl(), purpose);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    ...env,
  });
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: database.url, pseudonymKey: pseudonymKey(config) }),
    { logger: false },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
