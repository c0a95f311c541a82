/**
 * Runs one import in this process and prints a JSON line with its report,
 * seconds and peak RSS, so that the benchmark measures the import alone.
 * Usage: node importar-una-vez.js <database-url> <tipo> <archivo>
 */
import 'reflect-metadata';
import { TipoImportacionCodigo } from '@tablero/domain';
import { createDataSource } from '@tablero/database';
import { ImportacionService } from '@tablero/ingestion';
import { SCHEMA } from '../migrations/schema';

async function main(): Promise<void> {
  const [url, tipo, archivo] = process.argv.slice(2);
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  const servicio = new ImportacionService(ds, {
    pseudonymKey: Buffer.from('clave-de-bench-0123456789abcdefghijklmnop'),
    maxXlsxExpandedBytes: 1024 ** 3,
  });
  const inicio = process.hrtime.bigint();
  const informe = await servicio.importar({
    tipo: tipo as TipoImportacionCodigo,
    ruta: archivo,
    nombreArchivo: archivo,
    usuario: 'bench',
  });
  const segundos = Number(process.hrtime.bigint() - inicio) / 1e9;
  await ds.destroy();
  console.log(
    JSON.stringify({
      filas: informe.filas,
      segundos,
      rssPicoMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

void main();
