/**
 * One export in this process, printed as a JSON line with rows, seconds and
 * peak RSS. Usage: node exportar-una-vez.js <database-url> <db|memoria> <filas> <archivo>
 * "db": our detail export from PostgreSQL; "memoria": exceljs' streaming
 * writer alone, writing the same kind of rows already held in memory.
 */
import 'reflect-metadata';
import { createDataSource } from '@tablero/database';
import { COLUMNAS_DETALLE, exportarDetalle } from '@tablero/reports';
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { SCHEMA } from '../migrations/schema';

async function main(): Promise<void> {
  const [url, modo, cuantas, archivo] = process.argv.slice(2);
  const filas = Number(cuantas);
  const salida = createWriteStream(archivo);
  let escritas: number;
  let inicio: bigint;
  if (modo === 'db') {
    const ds = createDataSource(url, SCHEMA);
    await ds.initialize();
    inicio = process.hrtime.bigint();
    escritas = await exportarDetalle(ds, {}, salida, { formato: 'xlsx', limite: filas });
    await ds.destroy();
  } else {
    const enMemoria = Array.from({ length: filas }, (_, i) => [
      createHash('sha256').update(String(i)).digest('hex'),
      `SIN-${String(i % 2000).padStart(6, '0')}`,
      'III',
      'taller_presencial',
      '15/08/2024',
      '05001',
      'Medellín',
      'equipos_entrantes',
      'presencial',
      'mujer',
    ]);
    inicio = process.hrtime.bigint();
    const libro = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: salida,
      useStyles: false,
      useSharedStrings: false,
    });
    const hoja = libro.addWorksheet('Detalle');
    hoja.addRow([...COLUMNAS_DETALLE]).commit();
    for (const fila of enMemoria) {
      hoja.addRow(fila).commit();
      if (salida.writableNeedDrain) await once(salida, 'drain');
    }
    hoja.commit();
    await libro.commit();
    escritas = enMemoria.length;
  }
  await once(salida, 'close').catch(() => undefined);
  const segundos = Number(process.hrtime.bigint() - inicio) / 1e9;
  console.log(
    JSON.stringify({ filas: escritas, segundos, rssPicoMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

void main();
