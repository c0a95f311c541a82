import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Codificacion, FilaCruda } from './archivo';
import { ArchivoInvalido } from './archivo-invalido';

const SEPARADORES = [',', ';', '\t'] as const;

/** CSV or TSV rows, decoded, with the separator taken from the first line. */
export async function* filasDeTexto(
  ruta: string,
  codificacion: Codificacion,
  alLeer?: (bytes: number) => void,
): AsyncGenerator<FilaCruda> {
  const archivo = createReadStream(ruta, { highWaterMark: 256 * 1024 });
  if (alLeer) archivo.on('data', () => alLeer(archivo.bytesRead));
  const texto = archivo.pipe(iconv.decodeStream(codificacion, { stripBOM: true }));
  const iterador = texto[Symbol.asyncIterator]();
  const primero = await iterador.next();
  if (primero.done) return;
  const inicio = String(primero.value);
  const separador = detectarSeparador(inicio);
  const resto = Readable.from(
    (async function* () {
      yield inicio;
      for (let r = await iterador.next(); !r.done; r = await iterador.next()) yield String(r.value);
    })(),
  );
  const parser = resto.pipe(
    parse({
      delimiter: separador,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { numero: info.lines, celdas: record };
    }
  } catch (error) {
    throw new ArchivoInvalido(
      'CSV_MAL_FORMADO',
      `El archivo CSV está mal formado: ${(error as Error).message}`,
    );
  }
}

/**
 * The candidate that appears most often outside quotes in the first lines
 * (several, because some exports open with a title line).
 */
export function detectarSeparador(inicio: string): string {
  const lineas = inicio
    .split(/\r?\n/, 10)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  let mejor: string = SEPARADORES[0];
  let cuenta = 0;
  for (const s of SEPARADORES) {
    const n = lineas.split(s).length - 1;
    if (n > cuenta) [mejor, cuenta] = [s, n];
  }
  return mejor;
}
