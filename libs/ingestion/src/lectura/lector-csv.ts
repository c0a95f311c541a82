/**
 * CSV rows from text as it is decoded, chunk by chunk, with the line each row
 * starts on. Lenient as people's files need: rows of any width, a quote is
 * special only at the start of a field, text after a closing quote is kept.
 *
 * Why not a CSV library: csv-parse builds and deep-copies an error object for
 * every row whose width differs from the first row's (≈ 40 µs a row: 600.000
 * blank lines took 25 s, all of it without yielding the event loop), and
 * papaparse re-parses an unfinished row on every chunk, so one long quoted
 * field costs its length squared. This reader does constant work per
 * character, and bounds a row's length.
 */
import { formatearNumero } from '@tablero/domain';
import { ArchivoInvalido } from './archivo-invalido';
import type { FilaCruda } from './fila-cruda';

/** No spreadsheet row is this long (Excel: 16.384 cells of at most 32.767 characters is larger, but no real file comes near). */
export const MAX_CARACTERES_FILA = 16 * 1024 * 1024;

type Estado = 'inicioCampo' | 'sinComillas' | 'comillas' | 'comillaEnComillas' | 'trasComillas';

export class LectorCsv {
  private readonly finDeCampo: RegExp;
  private celdas: string[] = [];
  private campo = '';
  private estado: Estado = 'inicioCampo';
  private enFila = false;
  private linea = 1;
  private lineaDeFila = 1;
  private caracteres = 0;
  /** The last character was \r: a \n right after it ends nothing more. */
  private trasRetorno = false;

  constructor(private readonly separador: string) {
    this.finDeCampo = new RegExp(`[${separador === '\t' ? '\\t' : separador}\\r\\n]`, 'g');
  }

  /** The rows this text completes; an unfinished one waits for the next text. */
  *leer(texto: string): Generator<FilaCruda> {
    const nulo = texto.indexOf('\0');
    if (nulo >= 0) {
      throw new ArchivoInvalido(
        'ARCHIVO_NO_LEGIBLE',
        `La línea ${formatearNumero(this.linea + saltos(texto, 0, nulo))} contiene un carácter nulo ` +
          '(un byte 0): el archivo no es un texto CSV. Expórtelo de nuevo como CSV o .xlsx.',
      );
    }
    const n = texto.length;
    let i = 0;
    while (i < n) {
      if (this.trasRetorno) {
        this.trasRetorno = false;
        if (texto.charCodeAt(i) === 10) {
          i++;
          continue;
        }
      }
      switch (this.estado) {
        case 'inicioCampo':
          if (texto.charCodeAt(i) === 34) {
            this.estado = 'comillas';
            this.enFila = true;
            this.contar(1);
            i++;
          } else {
            this.estado = 'sinComillas';
          }
          break;
        case 'comillas': {
          const comilla = texto.indexOf('"', i);
          const hasta = comilla < 0 ? n : comilla;
          this.campo += texto.slice(i, hasta);
          this.linea += saltos(texto, i, hasta);
          this.contar(hasta - i + (comilla >= 0 ? 1 : 0));
          i = hasta + 1;
          if (comilla >= 0) this.estado = 'comillaEnComillas';
          break;
        }
        case 'comillaEnComillas':
          if (texto.charCodeAt(i) === 34) {
            this.campo += '"';
            this.estado = 'comillas';
            i++;
          } else {
            this.estado = 'trasComillas';
          }
          break;
        default: {
          this.finDeCampo.lastIndex = i;
          const fin = this.finDeCampo.exec(texto);
          const hasta = fin ? fin.index : n;
          if (hasta > i) {
            this.campo += texto.slice(i, hasta);
            this.enFila = true;
            this.contar(hasta - i);
          }
          i = hasta + 1;
          if (!fin) break;
          this.celdas.push(this.campo);
          this.campo = '';
          this.estado = 'inicioCampo';
          if (fin[0] === this.separador) {
            this.enFila = true;
            this.contar(1);
          } else {
            this.trasRetorno = fin[0] === '\r';
            yield this.cerrarFila();
            this.linea++;
            this.lineaDeFila = this.linea;
          }
        }
      }
    }
  }

  /** The last row, when the text does not end with a line break. */
  *terminar(): Generator<FilaCruda> {
    if (this.estado === 'comillas') {
      throw new ArchivoInvalido(
        'CSV_MAL_FORMADO',
        `El archivo CSV está mal formado: la comilla que abre un valor en la línea ${formatearNumero(this.lineaDeFila)} no se cierra.`,
      );
    }
    if (this.enFila) {
      this.celdas.push(this.campo);
      yield this.cerrarFila();
    }
  }

  private cerrarFila(): FilaCruda {
    const fila = { numero: this.lineaDeFila, celdas: this.celdas };
    this.celdas = [];
    this.campo = '';
    this.enFila = false;
    this.caracteres = 0;
    return fila;
  }

  private contar(caracteres: number): void {
    this.caracteres += caracteres;
    if (this.caracteres > MAX_CARACTERES_FILA) {
      throw new ArchivoInvalido(
        'FILA_DEMASIADO_LARGA',
        `La fila que empieza en la línea ${formatearNumero(this.lineaDeFila)} pasa de ` +
          `${formatearNumero(MAX_CARACTERES_FILA)} caracteres (¿una comilla sin cerrar?): no se importa el archivo.`,
      );
    }
  }
}

function saltos(texto: string, desde: number, hasta: number): number {
  let cuenta = 0;
  for (let i = texto.indexOf('\n', desde); i >= 0 && i < hasta; i = texto.indexOf('\n', i + 1))
    cuenta++;
  return cuenta;
}
