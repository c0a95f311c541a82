import { CatalogoAlias, TipoImportacionCodigo } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { Catalogos } from '../catalogos';
import { Celda } from '../valores';

export interface Columna {
  /** The canonical Spanish column name, as in the template: codigo_actividad. */
  readonly campo: string;
  readonly obligatoria: boolean;
  readonly descripcion: string;
  readonly ejemplo: string;
  /** Other headers accepted for it (compared without case, accents, spaces or underscores). */
  readonly alias?: readonly string[];
  /** A closed list, offered as a drop-down in the template. */
  readonly valores?: (catalogos: Catalogos) => readonly string[];
  /** Its values are personal (document numbers, e-mails): masked in rejections. */
  readonly personal?: boolean;
  /** An import option that supplies the value for every row when the column is absent or empty. */
  readonly opcion?: keyof Opciones;
}

export interface Rechazo {
  readonly columna: string | null;
  readonly valor: string | null;
  readonly motivo: string;
  /** For a value a catalogue did not know: which catalogue, so that an editor can map it. */
  readonly catalogo?: CatalogoAlias;
  /** That value exactly, as written (one ally of a list). */
  readonly desconocido?: string;
}

/** An accepted value read as something other than what it literally says, and why. */
export interface Aviso {
  readonly columna: string;
  readonly valor: string | null;
  readonly nota: string;
}

/**
 * A rejected row's fields as read, kept to run it again once its unknown
 * values are mapped: never a personal value, whose keyed hash is kept instead.
 */
export type FilaConservada = Record<string, string | number>;

export interface Opciones {
  /** The activity a Teams, Google Meet or Google Forms report belongs to. */
  readonly actividad?: string;
  /** The snapshot date of a YouTube export. */
  readonly fechaCorte?: string;
}

export interface Contexto {
  readonly catalogos: Catalogos;
  readonly opciones: Opciones;
  /** The keyed hash of a person's identity (document or e-mail); the clear value never leaves this call. */
  readonly seudonimo: (identidad: string) => Buffer;
  /** The import's day (aaaa-mm-dd): nothing recorded may happen after it. */
  readonly hoy: string;
}

export type ValorStage = string | number | Buffer | string[] | null;

export interface Fusion {
  readonly aceptadas: number;
  readonly actualizadas: number;
  /** What the import changed in a catalogue, in words ("05004 Abriaquí: nuevo municipio"). */
  readonly novedades?: readonly string[];
}

/** The rows one COPY staged: a kind that merges by chunks merges them while the next rows are validated. */
export interface Tramo {
  readonly numero: number;
}

/** SQL over the staging table under `alias` that keeps the rows of a chunk (every row without one). */
export function enElTramo(tramo: Tramo | undefined, alias: string): string {
  if (!tramo) return 'true';
  if (!Number.isInteger(tramo.numero)) throw new Error(`Tramo inválido: ${tramo.numero}`);
  return `${alias}.tramo = ${tramo.numero}`;
}

/**
 * An import kind: its columns (the template), how a row is validated into
 * staging values, and how the staged rows are merged into the tables in one
 * set-based statement whose constraints make re-imports change nothing.
 */
export interface TipoImportacion {
  readonly codigo: TipoImportacionCodigo;
  readonly descripcion: string;
  readonly columnas: readonly Columna[];
  /** Column names and SQL types of the staging table, in the order validar returns values. */
  readonly stage: readonly (readonly [string, string])[];
  validar(
    fila: Readonly<Record<string, Celda>>,
    contexto: Contexto,
  ):
    | { readonly valores: ValorStage[]; readonly avisos?: readonly Aviso[] }
    | { readonly rechazos: Rechazo[]; readonly conservada?: FilaConservada };
  /**
   * Rejects, after every row is staged, the valid rows that contradict each
   * other or what is already stored (sets `errores` on them in `stage`).
   */
  revisar?(queryRunner: QueryRunner, contexto: Contexto): Promise<void>;
  /**
   * Its rows are merged a chunk at a time, each while the next is validated:
   * only for a kind whose valid rows never depend on later ones (no `revisar`).
   */
  readonly porTramos?: boolean;
  /** Merges the valid staged rows (table `stage`, `errores IS NULL`), of the chunk if given, into the model. */
  fusionar(queryRunner: QueryRunner, importacionId: string, tramo?: Tramo): Promise<Fusion>;
}
