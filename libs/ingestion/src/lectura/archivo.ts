/**
 * Opens an uploaded file as a stream of raw rows, whatever it is: .xlsx, or
 * CSV/TSV text in UTF-8 (with or without BOM), UTF-16 (with BOM) or
 * Windows-1252, separated by comma, semicolon or tab.
 */
import { open, stat } from 'node:fs/promises';
import { setImmediate as turno } from 'node:timers/promises';
import { ArchivoInvalido } from './archivo-invalido';
import { Codificacion, FilaCruda } from './fila-cruda';
import { filasDeTexto } from './texto.reader';
import { abrirXlsx } from './xlsx.reader';

export interface Lectura {
  readonly formato: 'csv' | 'xlsx';
  /** The worksheet read, for an .xlsx. */
  readonly hoja: string | null;
  readonly filas: AsyncIterable<FilaCruda>;
}

export interface OpcionesLectura {
  /** Called as the file is read, with the bytes consumed so far. */
  readonly alLeer?: (bytes: number) => void;
  /** The most an .xlsx may expand to when unzipped. */
  readonly maxDescomprimido: number;
}

/** The event loop gets a turn at least this often while rows are read, whatever they hold. */
const CEDER_CADA_MS = 10;

export async function abrirArchivo(ruta: string, opciones: OpcionesLectura): Promise<Lectura> {
  const inicio = await primerosBytes(ruta, 64 * 1024);
  if (inicio.length === 0) throw new ArchivoInvalido('ARCHIVO_VACIO', 'El archivo está vacío.');
  if (inicio.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const { size } = await stat(ruta);
    const { alLeer } = opciones;
    const libro = await abrirXlsx(ruta, {
      maxDescomprimido: opciones.maxDescomprimido,
      alAvanzar: alLeer && ((fraccion) => alLeer(Math.round(fraccion * size))),
    });
    return { formato: 'xlsx', hoja: libro.hoja, filas: cediendo(libro.filas) };
  }
  return {
    formato: 'csv',
    hoja: null,
    filas: cediendo(filasDeTexto(ruta, detectarCodificacion(inicio), opciones.alLeer)),
  };
}

/**
 * The rows, handing the event loop a turn every few milliseconds: rows that
 * never reach the database (blank ones, say) would otherwise keep the server
 * from answering anyone until the file ends. The time counted includes what
 * the caller does with each row.
 */
async function* cediendo(filas: AsyncIterable<FilaCruda>): AsyncGenerator<FilaCruda> {
  let desde = performance.now();
  for await (const fila of filas) {
    yield fila;
    if (performance.now() - desde > CEDER_CADA_MS) {
      await turno();
      desde = performance.now();
    }
  }
}

async function primerosBytes(ruta: string, cantidad: number): Promise<Buffer> {
  const archivo = await open(ruta, 'r');
  try {
    const buffer = Buffer.alloc(cantidad);
    const { bytesRead } = await archivo.read(buffer, 0, cantidad, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await archivo.close();
  }
}

export function detectarCodificacion(inicio: Buffer): Codificacion {
  if (inicio[0] === 0xef && inicio[1] === 0xbb && inicio[2] === 0xbf) return 'utf8';
  if (inicio[0] === 0xff && inicio[1] === 0xfe) return 'utf16le';
  if (inicio[0] === 0xfe && inicio[1] === 0xff) return 'utf16be';
  if (inicio.includes(0)) {
    throw new ArchivoInvalido(
      'ARCHIVO_NO_LEGIBLE',
      'El archivo no es una hoja de cálculo .xlsx ni un texto CSV: no se puede leer.',
    );
  }
  return esUtf8(inicio) ? 'utf8' : 'windows1252';
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function esUtf8(muestra: Buffer): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let recorte = 0; recorte < 4 && recorte < muestra.length; recorte++) {
    try {
      decoder.decode(muestra.subarray(0, muestra.length - recorte));
      return true;
    } catch {
      // a multi-byte character may have been cut by the sample: try a shorter one
    }
  }
  return false;
}
