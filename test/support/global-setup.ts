/**
 * The PostgreSQL server the e2e tests use: the one in DATABASE_URL (CI points
 * it at the machine's server), or else an embedded one in a temporary folder,
 * which global-teardown.ts stops and deletes. Each test file then creates and
 * drops a database of its own on it.
 */
// globalSetup runs outside Jest's module mapping: import the file, not the @tablero alias.
import { startEmbeddedDatabase } from '../../libs/database/src/embedded-database';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { BaseDeLasPruebas } from './global-teardown';

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tablero-test-'));
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  process.env.TEST_SERVER_URL = database.url;
  (globalThis as BaseDeLasPruebas).embeddedTestDatabase = { database, dataDir };
}
