import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import yauzl from 'yauzl';
import { Celda } from '../valores';
import type { FilaCruda, OpcionesLectura } from './archivo';
import { ArchivoInvalido } from './archivo-invalido';

/** A compression ratio no real spreadsheet reaches; a zip bomb does. */
const MAX_RATIO = 200;

/** The rows of the first worksheet, streamed: the workbook is never held in memory. */
export async function filasDeXlsx(
  ruta: string,
  opciones: OpcionesLectura,
): Promise<AsyncIterable<FilaCruda>> {
  await comprobarZip(ruta, opciones.maxDescomprimido);
  return leer(ruta, opciones.alLeer);
}

async function* leer(ruta: string, alLeer?: (bytes: number) => void): AsyncGenerator<FilaCruda> {
  const archivo = createReadStream(ruta);
  if (alLeer) archivo.on('data', () => alLeer(archivo.bytesRead));
  const libro = new ExcelJS.stream.xlsx.WorkbookReader(archivo, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const hoja of libro) {
      for await (const fila of hoja as AsyncIterable<ExcelJS.Row>) {
        const valores = fila.values as ExcelJS.CellValue[];
        yield { numero: fila.number, celdas: valores.slice(1).map(celda) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ArchivoInvalido) throw error;
    throw new ArchivoInvalido(
      'XLSX_DANADO',
      `El archivo .xlsx está dañado o incompleto: ${(error as Error).message}`,
    );
  } finally {
    archivo.destroy();
  }
}

function celda(valor: ExcelJS.CellValue): Celda {
  if (valor === null || valor === undefined) return null;
  if (typeof valor === 'string' || typeof valor === 'number' || valor instanceof Date) return valor;
  if (typeof valor === 'boolean') return valor ? 'VERDADERO' : 'FALSO';
  if (typeof valor === 'object') {
    if ('richText' in valor) return valor.richText.map((t) => t.text).join('');
    if ('result' in valor) return celda(valor.result as ExcelJS.CellValue);
    if ('text' in valor) return String(valor.text);
    if ('error' in valor) return null;
  }
  return String(valor);
}

/** Reads the zip directory and refuses an archive that would expand beyond the limits. */
function comprobarZip(ruta: string, maxDescomprimido: number): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(ruta, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) {
        reject(
          new ArchivoInvalido(
            'XLSX_DANADO',
            'El archivo .xlsx está dañado o incompleto y no se puede abrir.',
          ),
        );
        return;
      }
      let total = 0;
      let comprimido = 0;
      let tieneHoja = false;
      zip.on('entry', (entrada: yauzl.Entry) => {
        total += entrada.uncompressedSize;
        comprimido += entrada.compressedSize;
        tieneHoja ||= /^xl\/worksheets\/.+\.xml$/.test(entrada.fileName);
        if (total > maxDescomprimido || (total > 10_000_000 && total > MAX_RATIO * comprimido)) {
          zip.close();
          reject(
            new ArchivoInvalido(
              'XLSX_EXPANSION_EXCESIVA',
              'El archivo .xlsx se expande a un tamaño excesivo al descomprimirlo; no se procesa.',
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () =>
        tieneHoja
          ? resolve()
          : reject(
              new ArchivoInvalido('XLSX_SIN_HOJAS', 'El archivo no contiene hojas de cálculo.'),
            ),
      );
      zip.on('error', () =>
        reject(new ArchivoInvalido('XLSX_DANADO', 'El archivo .xlsx está dañado o incompleto.')),
      );
      zip.readEntry();
    });
  });
}
