import { Config } from '@tablero/config';
import { RunningDatabase, startEmbeddedDatabase } from './embedded-database';

/**
 * The database the configuration names: the server in DATABASE_URL, or else
 * the embedded one under DATA_DIR (owned by this process, or for a CLI command
 * shared with the server that owns it).
 */
export async function connectDatabase(
  config: Config,
  mode: 'exclusive' | 'shared',
  log?: (message: string) => void,
): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, owned: false, stop: async () => undefined };
  }
  return startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedDbPort, log }, mode);
}
