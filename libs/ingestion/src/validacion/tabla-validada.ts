import { Tabla } from '../lectura/formatos';
import { validarEnTramos, TramoValidado } from './tramos';
import { Contexto, TipoImportacion } from '../tipos/tipo-importacion';

/** A file's rows validated, a chunk at a time, with what was learnt of the file while reading it. */
export interface TablaValidada extends Omit<Tabla, 'filas'> {
  readonly tramos: AsyncIterable<TramoValidado>;
  /** Stops the reading if it has not ended (the import failed before every chunk was taken). */
  cerrar(): Promise<void>;
}

/** The rows validated in this thread, as they are taken. */
export function validarAqui(
  tabla: Tabla,
  tipo: TipoImportacion,
  contexto: Contexto,
): TablaValidada {
  const { filas, ...resto } = tabla;
  return { ...resto, tramos: validarEnTramos(filas, tipo, contexto), cerrar: async () => {} };
}
