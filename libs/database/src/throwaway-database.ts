/**
 * A database of its own for a test or a check, created on a server and
 * dropped afterwards. Its name always says "test", so nothing else is touched.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ThrowawayDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(
  serverUrl: string,
  purpose = 'test',
): Promise<ThrowawayDatabase> {
  const name =
    `tablero_test_${purpose.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
