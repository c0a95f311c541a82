/**
 * The rows of one worksheet of an .xlsx, streamed from the zip's central
 * directory: the sheet named «Datos» (the templates' data sheet), or else the
 * first sheet with a filled cell. Every byte inflated is counted against the
 * limit, whatever sizes the zip declares, and nothing is written to disk.
 *
 * Why not exceljs' streaming reader (used before): it reads the zip's local
 * headers in file order, spools every worksheet that comes before the shared
 * strings to a temporary file in the system's folder (kept after a kill, with
 * the document numbers in it), keeps every shared string as a JavaScript
 * string, splits UTF-8 characters at chunk boundaries and gives a formula
 * without its cached value as an object. yauzl (the zip) and saxes (the XML)
 * do the format's work here; this file only maps the parts to rows.
 */
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { formatearNumero } from '@tablero/domain';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { normalizar } from '../valores';
import { ArchivoInvalido } from './archivo-invalido';
import type { FilaCruda, Problema } from './fila-cruda';

/** A compression ratio no real spreadsheet reaches; a zip bomb does. */
const MAX_RATIO = 200;
/** Excel's widest row (column XFD). */
export const MAX_COLUMNAS = 16_384;
/** One XML text or tag this long is no spreadsheet's (a cell holds at most 32.767 characters). */
const MAX_TOKEN = 1024 * 1024;
/** The shared strings are kept in memory for the whole read: the bytes they take there are bounded. */
export const MAX_BYTES_COMPARTIDOS = 64 * 1024 * 1024;
/** A character JavaScript keeps in two bytes, and with it every character of its string. */
const FUERA_DE_LATIN_1 = /[\u0100-\uffff]/;
const MAX_TEXTOS_COMPARTIDOS = 16 * 1024 * 1024;
/** The sheet the templates put the data on. */
const HOJA_DE_DATOS = 'datos';

export interface OpcionesXlsx {
  /** The most the parts read may inflate to, counted on the bytes actually inflated. */
  readonly maxDescomprimido: number;
  /** Called as the sheet is read, with the share of it read so far (0 to 1). */
  readonly alAvanzar?: (fraccion: number) => void;
}

export interface HojaXlsx {
  /** The name of the sheet read, as the workbook names it. */
  readonly hoja: string;
  readonly filas: AsyncIterable<FilaCruda>;
}

interface Hoja {
  readonly nombre: string;
  readonly ruta: string;
}

const danado = (detalle: string) =>
  new ArchivoInvalido('XLSX_DANADO', `El archivo .xlsx está dañado o incompleto: ${detalle}.`);
const expansion = () =>
  new ArchivoInvalido(
    'XLSX_EXPANSION_EXCESIVA',
    'El archivo .xlsx se expande a un tamaño excesivo al descomprimirlo; no se procesa.',
  );

export async function abrirXlsx(ruta: string, opciones: OpcionesXlsx): Promise<HojaXlsx> {
  const zip = await abrirZip(ruta);
  try {
    const entradas = await directorio(zip, opciones.maxDescomprimido);
    const libro = new Libro(zip, entradas, opciones);
    const hojas = await libro.hojas();
    const textos = await libro.textosCompartidos();
    const fechas = await libro.estilosDeFecha();
    const nombrada = hojas.find((h) => normalizar(h.nombre) === HOJA_DE_DATOS);
    for (const hoja of nombrada ? [nombrada] : hojas) {
      const filas = libro.filas(hoja, textos, fechas);
      const primeras: FilaCruda[] = [];
      for (let r = await filas.next(); !r.done; r = await filas.next()) {
        primeras.push(r.value);
        if (r.value.celdas.some((c) => c !== null && c !== '')) {
          return { hoja: hoja.nombre, filas: seguidas(primeras, filas, zip) };
        }
      }
      if (nombrada) break;
    }
    zip.close();
    return { hoja: (nombrada ?? hojas[0]).nombre, filas: seguidas([], undefined, zip) };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function* seguidas(
  primeras: FilaCruda[],
  resto: AsyncGenerator<FilaCruda> | undefined,
  zip: yauzl.ZipFile,
): AsyncGenerator<FilaCruda> {
  try {
    yield* primeras;
    if (resto) yield* resto;
  } finally {
    zip.close();
  }
}

function abrirZip(ruta: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      ruta,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) =>
        error || !zip ? reject(danado('no se puede abrir como archivo comprimido')) : resolve(zip),
    ),
  );
}

/** The zip's central directory; an archive that declares more than the limit is refused before inflating anything. */
async function directorio(
  zip: yauzl.ZipFile,
  maxDescomprimido: number,
): Promise<Map<string, yauzl.Entry>> {
  const entradas = new Map<string, yauzl.Entry>();
  let total = 0;
  let comprimido = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entrada: yauzl.Entry) => {
      total += entrada.uncompressedSize;
      comprimido += entrada.compressedSize;
      if (total > maxDescomprimido || (total > 10_000_000 && total > MAX_RATIO * comprimido)) {
        reject(expansion());
        return;
      }
      entradas.set(entrada.fileName.replace(/^\/+/, ''), entrada);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', () => reject(danado('su índice no se puede leer')));
    zip.readEntry();
  });
  return entradas;
}

type Evento =
  | { readonly tipo: 'abre'; readonly nombre: string; readonly atributos: Record<string, string> }
  | { readonly tipo: 'texto'; readonly texto: string }
  | { readonly tipo: 'cierra'; readonly nombre: string };

/** The parts of the workbook, each inflated on demand and counted against one budget. */
class Libro {
  private inflados = 0;

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entradas: Map<string, yauzl.Entry>,
    private readonly opciones: OpcionesXlsx,
  ) {}

  /** The sheets in the workbook's order, with the part each one lives in. */
  async hojas(): Promise<Hoja[]> {
    const destinos = new Map<string, string>();
    for await (const eventos of this.xml('xl/_rels/workbook.xml.rels')) {
      for (const e of eventos) {
        if (e.tipo === 'abre' && e.nombre === 'Relationship' && e.atributos.Id) {
          const destino = e.atributos.Target ?? '';
          destinos.set(
            e.atributos.Id,
            destino.startsWith('/') ? destino.slice(1) : `xl/${destino.replace(/^\.\//, '')}`,
          );
        }
      }
    }
    const hojas: Hoja[] = [];
    for await (const eventos of this.xml('xl/workbook.xml')) {
      for (const e of eventos) {
        if (e.tipo === 'abre' && e.nombre === 'sheet') {
          const id = Object.entries(e.atributos).find(([k]) => /(^|:)id$/.test(k))?.[1];
          const ruta = id && destinos.get(id);
          if (ruta && this.entradas.has(ruta)) hojas.push({ nombre: e.atributos.name ?? '', ruta });
        }
      }
    }
    if (hojas.length === 0)
      throw new ArchivoInvalido('XLSX_SIN_HOJAS', 'El archivo no contiene hojas de cálculo.');
    return hojas;
  }

  async textosCompartidos(): Promise<TextosCompartidos> {
    const textos = new TextosCompartidos();
    if (!this.entradas.has('xl/sharedStrings.xml')) return textos;
    let texto: string[] | null = null;
    let enTexto = false;
    let fonetica = 0;
    for await (const eventos of this.xml('xl/sharedStrings.xml')) {
      for (const e of eventos) {
        if (e.tipo === 'texto') {
          if (enTexto && fonetica === 0 && texto) texto.push(e.texto);
        } else if (e.tipo === 'abre') {
          if (e.nombre === 'si') texto = [];
          else if (e.nombre === 'rPh') fonetica++;
          else if (e.nombre === 't') enTexto = true;
        } else if (e.nombre === 'si') {
          textos.agregar((texto ?? []).join(''));
          texto = null;
        } else if (e.nombre === 'rPh') fonetica--;
        else if (e.nombre === 't') enTexto = false;
      }
    }
    textos.cerrar();
    return textos;
  }

  /** The indexes of the cell formats that show a number as a date. */
  async estilosDeFecha(): Promise<Set<number>> {
    const fechas = new Set<number>();
    if (!this.entradas.has('xl/styles.xml')) return fechas;
    const propios = new Map<number, string>();
    let enFormatos = false;
    let formato = 0;
    for await (const eventos of this.xml('xl/styles.xml')) {
      for (const e of eventos) {
        if (e.tipo === 'abre' && e.nombre === 'numFmt') {
          propios.set(Number(e.atributos.numFmtId), e.atributos.formatCode ?? '');
        } else if (e.tipo === 'abre' && e.nombre === 'cellXfs') {
          enFormatos = true;
        } else if (e.tipo === 'cierra' && e.nombre === 'cellXfs') {
          enFormatos = false;
        } else if (enFormatos && e.tipo === 'abre' && e.nombre === 'xf') {
          const id = Number(e.atributos.numFmtId ?? 0);
          if (FECHAS_INCORPORADAS.has(id) || esFormatoDeFecha(propios.get(id) ?? ''))
            fechas.add(formato);
          formato++;
        }
      }
    }
    return fechas;
  }

  /** The rows of a sheet, each with its cells by column (A is 0). */
  async *filas(
    hoja: Hoja,
    textos: TextosCompartidos,
    fechas: Set<number>,
  ): AsyncGenerator<FilaCruda> {
    const fecha1904 = await this.fecha1904();
    let fila: { numero: number; celdas: (string | number | Date | null)[]; problemas: Problema[] };
    fila = { numero: 0, celdas: [], problemas: [] };
    let columna = -1;
    let tipo = 'n';
    let estilo = 0;
    let valor: string | null = null;
    let formula = false;
    let capturando = false;
    let fonetica = 0;
    const total = this.entradas.get(hoja.ruta)!.uncompressedSize;
    let leidos = 0;
    for await (const eventos of this.xml(hoja.ruta, (bytes) => {
      leidos += bytes;
      this.opciones.alAvanzar?.(Math.min(1, leidos / Math.max(total, 1)));
    })) {
      const completas: FilaCruda[] = [];
      for (const e of eventos) {
        if (e.tipo === 'texto') {
          if (capturando && fonetica === 0) valor = (valor ?? '') + e.texto;
          continue;
        }
        if (e.tipo === 'abre') {
          switch (e.nombre) {
            case 'row':
              fila = {
                numero: e.atributos.r ? Number(e.atributos.r) : fila.numero + 1,
                celdas: [],
                problemas: [],
              };
              columna = -1;
              break;
            case 'c':
              columna = e.atributos.r ? indiceDeColumna(e.atributos.r) : columna + 1;
              if (columna < 0 || columna >= MAX_COLUMNAS)
                throw danado(
                  `una celda está más allá de las ${formatearNumero(MAX_COLUMNAS)} columnas de Excel`,
                );
              tipo = e.atributos.t ?? 'n';
              estilo = Number(e.atributos.s ?? 0);
              valor = null;
              formula = false;
              break;
            case 'v':
              capturando = true;
              break;
            case 't':
              capturando = tipo === 'inlineStr';
              break;
            case 'f':
              formula = true;
              break;
            case 'rPh':
              fonetica++;
              break;
          }
          continue;
        }
        switch (e.nombre) {
          case 'v':
          case 't':
            capturando = false;
            break;
          case 'rPh':
            fonetica--;
            break;
          case 'c': {
            const celda = valorDeCelda(tipo, valor, formula, fechas.has(estilo), fecha1904, textos);
            if (typeof celda === 'object' && celda !== null && !(celda instanceof Date)) {
              fila.problemas.push({ indice: columna, motivo: celda.problema });
              fila.celdas[columna] = null;
            } else {
              fila.celdas[columna] = celda;
            }
            break;
          }
          case 'row':
            completas.push({
              numero: fila.numero,
              celdas: Array.from(fila.celdas, (c) => c ?? null),
              ...(fila.problemas.length ? { problemas: fila.problemas } : {}),
            });
            break;
        }
      }
      yield* completas;
    }
  }

  private async fecha1904(): Promise<boolean> {
    for await (const eventos of this.xml('xl/workbook.xml')) {
      for (const e of eventos) {
        if (e.tipo === 'abre' && e.nombre === 'workbookPr') {
          return ['1', 'true'].includes(e.atributos.date1904 ?? '');
        }
      }
    }
    return false;
  }

  /** The XML events of a part, a chunk at a time; every inflated byte counts against the limit. */
  private async *xml(ruta: string, alInflar?: (bytes: number) => void): AsyncGenerator<Evento[]> {
    const entrada = this.entradas.get(ruta);
    if (!entrada) return;
    if (entrada.isEncrypted()) throw danado(`la parte ${ruta} está cifrada`);
    const flujo = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entrada, (error, stream) =>
        error || !stream ? reject(danado(`la parte ${ruta} no se puede leer`)) : resolve(stream),
      ),
    );
    const decodificador = new StringDecoder('utf8');
    const parser = new SaxesParser();
    let eventos: Evento[] = [];
    let error: Error | undefined;
    parser.on('error', (e) => (error ??= e));
    parser.on('opentag', (tag: SaxesTagPlain) =>
      eventos.push({
        tipo: 'abre',
        nombre: sinPrefijo(tag.name),
        atributos: tag.attributes as Record<string, string>,
      }),
    );
    parser.on('text', (texto) => eventos.push({ tipo: 'texto', texto }));
    parser.on('closetag', (tag) => eventos.push({ tipo: 'cierra', nombre: sinPrefijo(tag.name) }));
    let sinEtiqueta = 0;
    try {
      for await (const trozo of flujo as AsyncIterable<Buffer>) {
        this.inflados += trozo.length;
        if (this.inflados > this.opciones.maxDescomprimido) throw expansion();
        alInflar?.(trozo.length);
        const texto = decodificador.write(trozo);
        const etiqueta = texto.lastIndexOf('<');
        sinEtiqueta = etiqueta < 0 ? sinEtiqueta + texto.length : texto.length - etiqueta;
        if (sinEtiqueta > MAX_TOKEN)
          throw danado(
            `un valor o una etiqueta de la parte ${ruta} pasa de ${formatearNumero(MAX_TOKEN)} caracteres`,
          );
        parser.write(texto);
        if (error) throw danado(`la parte ${ruta} no es XML válido`);
        yield eventos;
        eventos = [];
      }
      parser.write(decodificador.end()).close();
      if (error) throw danado(`la parte ${ruta} no es XML válido`);
      yield eventos;
    } catch (e) {
      if (e instanceof ArchivoInvalido) throw e;
      // yauzl checks each part against the size the zip's index declares for it.
      throw danado(
        /too (many|few) bytes/.test((e as Error).message)
          ? `la parte ${ruta} no tiene el tamaño que el índice del archivo declara (¿fue manipulado?)`
          : `la parte ${ruta} no se puede descomprimir`,
      );
    } finally {
      flujo.destroy();
    }
  }
}

type ValorLeido = string | number | Date | null | { readonly problema: string };

function valorDeCelda(
  tipo: string,
  valor: string | null,
  formula: boolean,
  esFecha: boolean,
  fecha1904: boolean,
  textos: TextosCompartidos,
): ValorLeido {
  if (valor === null) {
    return formula
      ? {
          problema:
            'la celda tiene una fórmula sin valor calculado: abra el archivo en Excel o LibreOffice, ' +
            'guárdelo y vuelva a importarlo',
        }
      : null;
  }
  switch (tipo) {
    case 's': {
      const texto = textos.obtener(Number(valor));
      if (texto === undefined) throw danado(`una celda remite al texto ${valor}, que no existe`);
      return texto;
    }
    case 'str':
    case 'inlineStr':
      return valor;
    case 'b':
      return valor === '1' ? 'VERDADERO' : 'FALSO';
    case 'e':
      return { problema: `la celda tiene el error ${valor.slice(0, 20)} de la hoja de cálculo` };
    case 'd': {
      const fecha = new Date(valor);
      return Number.isNaN(fecha.getTime()) ? valor : fecha;
    }
    default: {
      const numero = Number(valor);
      if (valor.trim() === '' || !Number.isFinite(numero)) return valor;
      if (!esFecha) return numero;
      return new Date(Math.round((numero - 25569 + (fecha1904 ? 1462 : 0)) * 86_400_000));
    }
  }
}

/** "BC12" → 54. */
function indiceDeColumna(referencia: string): number {
  let indice = 0;
  for (const letra of /^[A-Z]+/i.exec(referencia)?.[0].toUpperCase() ?? '') {
    indice = indice * 26 + (letra.charCodeAt(0) - 64);
    if (indice > MAX_COLUMNAS) break;
  }
  return indice - 1;
}

function sinPrefijo(nombre: string): string {
  const dos = nombre.indexOf(':');
  return dos < 0 ? nombre : nombre.slice(dos + 1);
}

/** Excel's built-in number formats that show a date or a time. */
const FECHAS_INCORPORADAS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when, outside quoted text, escapes and [brackets], it has d, m, y, h or s. */
export function esFormatoDeFecha(codigo: string): boolean {
  const limpio = codigo.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return !/^general$/i.test(limpio.trim()) && /[dmyhs]/i.test(limpio);
}

/**
 * The shared strings, stored compactly: blocks of strings joined into one
 * flat string with their ends, so that neither a string's own header nor the
 * XML chunk it was cut from stays in memory.
 */
export class TextosCompartidos {
  private readonly bloques: { primero: number; texto: string; fines: Uint32Array }[] = [];
  private pendientes: string[] = [];
  private cantidad = 0;
  /** What the joined blocks take. */
  private bytes = 0;
  private caracteresPendientes = 0;
  /** A block is kept in two bytes a character when any of its texts needs it. */
  private pendientesEnDosBytes = false;

  agregar(texto: string): void {
    this.cantidad++;
    this.caracteresPendientes += texto.length;
    this.pendientesEnDosBytes ||= FUERA_DE_LATIN_1.test(texto);
    if (
      this.bytes + this.bytesPendientes() > MAX_BYTES_COMPARTIDOS ||
      this.cantidad > MAX_TEXTOS_COMPARTIDOS
    ) {
      throw new ArchivoInvalido(
        'XLSX_TEXTOS_EXCESIVOS',
        `Los textos del archivo .xlsx ocupan más de ${formatearNumero(MAX_BYTES_COMPARTIDOS / 1024 / 1024)} MB ` +
          'en memoria: divida el archivo o guárdelo como CSV.',
      );
    }
    this.pendientes.push(texto);
    if (this.pendientes.length === 4096) this.cerrar();
  }

  /** Joins what is pending into a block: called when the block is full and once at the end. */
  cerrar(): void {
    if (this.pendientes.length === 0) return;
    const fines = new Uint32Array(this.pendientes.length);
    let fin = 0;
    this.pendientes.forEach((t, i) => (fines[i] = fin += t.length));
    this.bloques.push({
      primero: this.cantidad - this.pendientes.length,
      texto: this.pendientes.join(''),
      fines,
    });
    this.bytes += this.bytesPendientes();
    this.pendientes = [];
    this.caracteresPendientes = 0;
    this.pendientesEnDosBytes = false;
  }

  private bytesPendientes(): number {
    return this.caracteresPendientes * (this.pendientesEnDosBytes ? 2 : 1);
  }

  obtener(indice: number): string | undefined {
    if (!Number.isInteger(indice) || indice < 0 || indice >= this.cantidad) return undefined;
    const bloque = this.bloques[Math.floor(indice / 4096)];
    const i = indice - bloque.primero;
    return bloque.texto.slice(i === 0 ? 0 : bloque.fines[i - 1], bloque.fines[i]);
  }
}
