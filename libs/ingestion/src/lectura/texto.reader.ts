import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import type { Codificacion, FilaCruda } from './fila-cruda';
import { LectorCsv } from './lector-csv';

const SEPARADORES = [',', ';', '\t'] as const;

/** CSV or TSV rows, decoded, with the separator taken from the first lines. */
export async function* filasDeTexto(
  ruta: string,
  codificacion: Codificacion,
  alLeer?: (bytes: number) => void,
): AsyncGenerator<FilaCruda> {
  const archivo = createReadStream(ruta, { highWaterMark: 64 * 1024 });
  if (alLeer) archivo.on('data', () => alLeer(archivo.bytesRead));
  const texto = archivo.pipe(iconv.decodeStream(codificacion, { stripBOM: true }));
  let lector: LectorCsv | undefined;
  try {
    for await (const trozo of texto as AsyncIterable<string | Buffer>) {
      const cadena = String(trozo);
      lector ??= new LectorCsv(detectarSeparador(cadena));
      yield* lector.leer(cadena);
    }
    if (lector) yield* lector.terminar();
  } finally {
    archivo.destroy();
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
