/**
 * npm run bench:import [-- --filas 1000000]
 * Rows per second of our asistencias import beside two baselines measured in
 * the same run on the same server: a bare COPY of the same rows into an
 * unindexed table, and the same work done set-based in PostgreSQL alone
 * (COPY into a staging table, pgcrypto's hmac(), joins to the catalogues, one
 * INSERT … ON CONFLICT DO NOTHING into asistencia, without and with the
 * summaries the import grows in the same statement); and the import's peak
 * RSS at a tenth of the rows and at all of them.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDataSource } from '@tablero/database';
import { reconstruirResumenAsistencia, sumarAResumenes } from '@tablero/domain';
import { SCHEMA } from '../migrations/schema';
import { escribirAsistencias } from '../test/support/asistencias-sinteticas';
import { baseDeBench, formatoEsCo as n } from './servidor';
import { carpetaDeBench } from './medicion';

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

/**
 * The import's work as PostgreSQL alone would do it: the file COPYed as is, then one statement that
 * pseudonymises with pgcrypto, checks the activity, its period, the municipality and the modality by
 * joins, and inserts under the same constraints, with the import's summaries or without. Returns its seconds.
 */
async function conjuntoEnPostgres(
  url: string,
  archivo: string,
  filas: number,
  conResumenes: boolean,
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
  const inicio = process.hrtime.bigint();
  await client.query('BEGIN');
  await client.query(
    `CREATE TEMP TABLE stage_sql (codigo_actividad text, tipo_documento text, numero_documento text,
       nombre text, codigo_municipio text, modalidad text, fecha text) ON COMMIT DROP`,
  );
  await pipeline(
    createReadStream(archivo),
    client.query(copyFrom('COPY stage_sql FROM STDIN (FORMAT csv, HEADER true)')),
  );
  const resumenes = conResumenes
    ? sumarAResumenes('nuevas').map((insert, i) => `, resumen_${i} AS (${insert})`)
    : [];
  const { rows } = await client.query<{ n: number }>(
    `WITH nuevas AS (
       INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo)
       SELECT a.codigo,
              hmac('doc:' || upper(s.tipo_documento) || ':' || regexp_replace(s.numero_documento, '\\D', '', 'g'),
                   'clave-de-bench-0123456789abcdefghijklmnop', 'sha256'),
              s.modalidad, to_date(s.fecha, 'DD/MM/YYYY'), t.codigo
         FROM stage_sql s
         JOIN actividad a ON a.codigo = s.codigo_actividad
         JOIN territorio t ON t.codigo = s.codigo_municipio AND t.nivel = 'municipio'
        WHERE s.modalidad IN ('presencial', 'virtual')
          AND to_date(s.fecha, 'DD/MM/YYYY') BETWEEN a.fecha_inicio AND a.fecha_fin
       ON CONFLICT ON CONSTRAINT uq_asistencia_persona DO NOTHING
       RETURNING actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad)
     ${resumenes.join('\n')}
     SELECT count(*)::int AS n FROM nuevas`,
  );
  await client.query('COMMIT');
  // The same rows accepted as by the import: the same work.
  if (rows[0].n !== filas) throw new Error(`PostgreSQL solo aceptó ${rows[0].n} filas`);
  const segundos = Number(process.hrtime.bigint() - inicio) / 1e9;
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
  const carpeta = carpetaDeBench('importacion');
  const grande = join(carpeta, 'asistencias.csv');
  const pequeno = join(carpeta, 'asistencias-10.csv');
  await escribirAsistencias(grande, filas);
  await escribirAsistencias(pequeno, Math.round(filas / 10));

  const base = await baseDeBench('bench_import');
  try {
    const segundosCopy = await copiaDesnuda(base.url, grande);
    const medidaPequena = importar(base.url, pequeno);
    await limpiar(base.url);
    const segundosSql = await conjuntoEnPostgres(base.url, grande, filas, false);
    await limpiar(base.url);
    const segundosSqlResumenes = await conjuntoEnPostgres(base.url, grande, filas, true);
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
    const linea = (nombre: string, segundos: number) =>
      console.log(
        `  ${nombre.padEnd(34)} ${n.format(Math.round(filas / segundos))} filas/s (${n.format(segundos)} s)`,
      );
    linea('Solo en PostgreSQL, sin resúmenes:', segundosSql);
    linea('Solo en PostgreSQL, con resúmenes:', segundosSqlResumenes);
    console.log(`  Relación: ${n.format(porSegundo / porSegundoCopy)} × COPY desnudo`);
    console.log(
      `  Relación: ${n.format(segundosSql / medida.segundos)} × solo PostgreSQL sin resúmenes (objetivo: ≥ 0,8); ` +
        `${n.format(segundosSqlResumenes / medida.segundos)} × con resúmenes`,
    );
    console.log(
      `  RSS pico con ${n.format(filas / 10)} filas: ${n.format(medidaPequena.rssPicoMb)} MB; con ${n.format(filas)}: ${n.format(medida.rssPicoMb)} MB (objetivo: < 300 MB)`,
    );
  } finally {
    await base.cerrar();
  }
}

/** No attendance left, and the summaries as empty as the attendances: each measure starts alike. */
async function limpiar(url: string): Promise<void> {
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  await ds.transaction(async (m) => {
    await m.query('DELETE FROM asistencia');
    await m.query('DELETE FROM importacion_rechazo');
    await m.query(
      'DELETE FROM importacion WHERE id NOT IN (SELECT importacion_id FROM total_declarado WHERE importacion_id IS NOT NULL)',
    );
    await reconstruirResumenAsistencia(m);
  });
  await ds.query('VACUUM ANALYZE');
  await ds.destroy();
}

void main();
