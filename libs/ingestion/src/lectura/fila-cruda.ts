/** What every reader yields: the file's rows as raw cells, before any column is recognised. */
import { Celda } from '../valores';

/** A cell that cannot be read as a value (a formula without its result, an error): its row is rejected. */
export interface Problema {
  /** The cell's index in the row. */
  readonly indice: number;
  readonly motivo: string;
}

export interface FilaCruda {
  /** The row number a person sees in the file: 1 is the first line. */
  readonly numero: number;
  readonly celdas: Celda[];
  readonly problemas?: readonly Problema[];
}

export type Codificacion = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252';
