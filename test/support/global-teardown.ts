import { RunningDatabase } from '../../libs/database/src/embedded-database';
import { rmSync } from 'node:fs';

/** What global-setup.ts leaves for the teardown, in the process both run in. */
export interface BaseDeLasPruebas {
  embeddedTestDatabase?: { readonly database: RunningDatabase; readonly dataDir: string };
}

export default async function globalTeardown(): Promise<void> {
  const embebida = (globalThis as BaseDeLasPruebas).embeddedTestDatabase;
  if (!embebida) return;
  await embebida.database.stop();
  rmSync(embebida.dataDir, { recursive: true, force: true });
}
