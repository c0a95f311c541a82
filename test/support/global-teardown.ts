import { RunningDatabase } from '../../libs/database/src/embedded-database';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedTestDatabase?: RunningDatabase }).embeddedTestDatabase?.stop();
}
