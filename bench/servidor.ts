/**
 * The PostgreSQL a benchmark runs on: DATABASE_URL's server, or an embedded
 * one in a temporary folder; a database of its own, migrated and seeded.
 */
import { INestApplication } from '@nestjs/common';
import { CredencialesService } from '@tablero/access';
import { cargarReferencia } from '@tablero/domain';
import {
  createDataSource,
  createThrowawayDatabase,
  startEmbeddedDatabase,
  ThrowawayDatabase,
} from '@tablero/database';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BaseDeBench {
  readonly url: string;
  cerrar(): Promise<void>;
}

export async function baseDeBench(proposito: string): Promise<BaseDeBench> {
  const embebida = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: mkdtempSync(join(tmpdir(), 'tablero-bench-')),
        port: 54400 + (process.pid % 500),
      });
  const servidor = process.env.DATABASE_URL ?? embebida!.url;
  const base: ThrowawayDatabase = await createThrowawayDatabase(servidor, proposito);
  const ds = createDataSource(base.url);
  await ds.initialize();
  await ds.runMigrations();
  await cargarReferencia(ds);
  await ds.destroy();
  return {
    url: base.url,
    cerrar: async () => {
      await base.drop();
      await embebida?.stop();
    },
  };
}

/** An admin API token for a benchmark's requests, revoked when it is done. */
export async function tokenDeBench(app: INestApplication) {
  const credenciales = app.get(CredencialesService);
  const token = await credenciales.crearToken({
    nombre: 'bench',
    rol: 'admin',
    creadoPor: 'bench',
  });
  return {
    headers: { authorization: `Bearer ${token.secreto}` },
    revocar: () => credenciales.revocarToken(token.id),
  };
}

export const formatoEsCo = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });
