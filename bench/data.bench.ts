/**
 * npm run bench:data [-- --asistencias 5000000]
 * Fills the database `tablero_bench` (on DATABASE_URL's server, or on the
 * embedded one under DATA_DIR) with the reference data and a synthetic dataset
 * of that many attendances, for bench:metrics.
 */
import 'reflect-metadata';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import { cargarReferencia } from '@tablero/domain';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { SCHEMA } from '../migrations/schema';
import { generarDatos } from './datos-sinteticos';
import { formatoEsCo as n } from './servidor';

/** BENCH_DB names another database, for two sessions benchmarking on one server. */
export const BASE_BENCH = process.env.BENCH_DB ?? 'tablero_bench';

export function urlDeBench(servidor: string): string {
  const url = new URL(servidor);
  url.pathname = `/${BASE_BENCH}`;
  return url.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { asistencias: { type: 'string', default: '5000000' } },
  });
  const asistencias = Number(values.asistencias);
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  try {
    const admin = new Client({ connectionString: servidor.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${BASE_BENCH} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BASE_BENCH}`);
    await admin.end();
    const ds = createDataSource(urlDeBench(servidor.url), SCHEMA);
    await ds.initialize();
    await ds.runMigrations();
    await cargarReferencia(ds);
    const inicio = Date.now();
    const g = await generarDatos(ds, asistencias);
    await ds.destroy();
    console.log(
      `Base ${BASE_BENCH}: ${n.format(g.asistencias)} asistencias de ${n.format(g.personas)} personas en ` +
        `${n.format(g.actividades)} actividades, ${n.format(g.cortesVistas)} cortes de vistas ` +
        `(${n.format((Date.now() - inicio) / 1000)} s).`,
    );
  } finally {
    await servidor.stop();
  }
}

if (require.main === module) void main();
