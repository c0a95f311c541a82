/**
 * npm run bench:import [-- --filas 1000000]
 * Rows per second of our asistencias import beside a bare COPY of the same
 * rows into an unindexed table, measured in the same run on the same server,
 * and the import's peak RSS at a tenth of the rows and at all of them.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { escribirAsistencias } from '../test/support/asistencias-sinteticas';
import { baseDeBench, formatoEsCo as n } from './servidor';

interface Medida {
  filas: { leidas: number; aceptadas: number };
  segundos: number;
  rssPicoMb: number;
}

async function copiaDesnuda(url: string, archivo: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(
    `CREATE TABLE copia_desnuda (codigo_actividad text, tipo_documento text, numero_documento text,
       nombre text, codigo_municipio text, modalidad text, fecha text)`,
  );
  const inicio = process.hrtime.bigint();
  await pipeline(
    createReadStream(archivo),
    client.query(copyFrom('COPY copia_desnuda FROM STDIN (FORMAT csv, HEADER true)')),
  );
  const segundos = Number(process.hrtime.bigint() - inicio) / 1e9;
  await client.query('DROP TABLE copia_desnuda');
  await client.end();
  return segundos;
}

function importar(url: string, archivo: string): Medida {
  const salida = execFileSync(
    process.execPath,
    [join(__dirname, 'importar-una-vez.js'), url, 'asistencias', archivo],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(salida.trim().split('\n').pop()!) as Medida;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { filas: { type: 'string', default: '1000000' } } });
  const filas = Number(values.filas);
  const carpeta = mkdtempSync(join(tmpdir(), 'tablero-bench-import-'));
  const grande = join(carpeta, 'asistencias.csv');
  const pequeno = join(carpeta, 'asistencias-10.csv');
  await escribirAsistencias(grande, filas);
  await escribirAsistencias(pequeno, Math.round(filas / 10));

  const base = await baseDeBench('bench_import');
  try {
    const segundosCopy = await copiaDesnuda(base.url, grande);
    const medidaPequena = importar(base.url, pequeno);
    await limpiar(base.url);
    const medida = importar(base.url, grande);
    if (medida.filas.aceptadas !== filas)
      throw new Error(`Se esperaban ${filas} filas aceptadas: ${JSON.stringify(medida.filas)}`);
    const porSegundoCopy = filas / segundosCopy;
    const porSegundo = filas / medida.segundos;
    console.log(
      `Importación de ${n.format(filas)} asistencias (CSV de ${n.format(statSync(grande).size / 1048576)} MB)`,
    );
    console.log(
      `  COPY desnudo, tabla sin índices:  ${n.format(Math.round(porSegundoCopy))} filas/s (${n.format(segundosCopy)} s)`,
    );
    console.log(
      `  Importación de Tablero JPT:       ${n.format(Math.round(porSegundo))} filas/s (${n.format(medida.segundos)} s)`,
    );
    console.log(`  Relación: ${n.format(porSegundo / porSegundoCopy)} × COPY (objetivo: ≥ 0,5)`);
    console.log(
      `  RSS pico con ${n.format(filas / 10)} filas: ${n.format(medidaPequena.rssPicoMb)} MB; con ${n.format(filas)}: ${n.format(medida.rssPicoMb)} MB (objetivo: < 300 MB)`,
    );
  } finally {
    await base.cerrar();
  }
}

async function limpiar(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DELETE FROM asistencia');
  await client.query('DELETE FROM importacion_rechazo');
  await client.query(
    'DELETE FROM importacion WHERE id NOT IN (SELECT importacion_id FROM total_declarado WHERE importacion_id IS NOT NULL)',
  );
  await client.end();
}

void main();
