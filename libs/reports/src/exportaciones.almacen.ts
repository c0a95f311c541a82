/**
 * Where the files of the background exports are kept: in PostgreSQL, in
 * chunks beside their job (the default), or in an S3-compatible bucket when
 * one is configured. Either way any instance reads what another wrote.
 */
import type { Exportacion } from '@tablero/domain';
import { Readable } from 'node:stream';
import type { ColaDeExportaciones, TrabajoTomado } from './exportaciones.cola';

/** One attempt's file while it is written. */
export interface ArchivoAbierto {
  /** Size of the chunks `guardar` is given (the last may be smaller). */
  readonly bytesPorParte: number;
  /** Keeps chunk `numero` (0, 1, …); false when the job is no longer this attempt's. */
  guardar(numero: number, datos: Buffer): Promise<boolean>;
  /** After the last chunk: the object's key for the job's row (null: its chunks in PostgreSQL). */
  cerrar(): Promise<string | null>;
  /** Drops what this attempt wrote. */
  descartar(): Promise<void>;
}

export interface AlmacenDeArchivos {
  /** Checks at start-up that the files can be kept (the bucket exists and answers). */
  comprobar(): Promise<void>;
  /** `senal` stops what the attempt has under way when it is cancelled, lost or the server stops. */
  abrir(trabajo: TrabajoTomado, ejecutor: string, senal: AbortSignal): ArchivoAbierto;
  /** A finished file; ArchivoNoDisponible when it is not where this store keeps files. */
  leer(trabajo: Pick<Exportacion, 'id' | 'objeto'>): Promise<Readable>;
  /**
   * Drops every file kept for these jobs, before their rows are deleted; answers the jobs whose
   * files are gone, or throws ArchivosSinBorrar naming those and why the others are not.
   */
  descartar(ids: readonly string[]): Promise<readonly string[]>;
  /** Lets go of its connections (the server is stopping). */
  detener(): void;
}

/** The files cannot be kept where the configuration says: the server does not start. */
export class AlmacenInaccesible extends Error {}

export class ArchivoNoDisponible extends Error {
  constructor(id: string) {
    super(
      `El archivo de la exportación ${id} ya no está disponible: se guardó en otro almacenamiento ` +
        'o se borró. Pida la exportación de nuevo.',
    );
    this.name = 'ArchivoNoDisponible';
  }
}

export class ArchivosSinBorrar extends Error {
  constructor(
    readonly borrados: readonly string[],
    mensaje: string,
  ) {
    super(mensaje);
    this.name = 'ArchivosSinBorrar';
  }
}

/** Chunks of about this size: one insert each, and a download holds one at a time. */
const BYTES_POR_PARTE_EN_POSTGRES = 1024 * 1024;

/** The default: chunks in `exportacion_parte`, written and dropped by the queue's own statements. */
export class ArchivosEnPostgres implements AlmacenDeArchivos {
  constructor(private readonly cola: ColaDeExportaciones) {}

  comprobar(): Promise<void> {
    return Promise.resolve();
  }

  abrir(trabajo: TrabajoTomado, ejecutor: string): ArchivoAbierto {
    return {
      bytesPorParte: BYTES_POR_PARTE_EN_POSTGRES,
      guardar: (numero, datos) => this.cola.guardarParte(trabajo.id, ejecutor, numero, datos),
      cerrar: () => Promise.resolve(null),
      // The queue drops the chunks when it ends or gives back the job.
      descartar: () => Promise.resolve(),
    };
  }

  leer(trabajo: Pick<Exportacion, 'id' | 'objeto'>): Promise<Readable> {
    if (trabajo.objeto) return Promise.reject(new ArchivoNoDisponible(trabajo.id));
    return Promise.resolve(Readable.from(this.cola.partes(trabajo.id)));
  }

  /** The chunks go with their job's row (ON DELETE CASCADE). */
  descartar(ids: readonly string[]): Promise<readonly string[]> {
    return Promise.resolve(ids);
  }

  detener(): void {}
}
