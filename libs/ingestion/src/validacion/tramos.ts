/**
 * Rows validated into the lines that COPY stages, a chunk at a time: the
 * same work whether it runs in the import's thread or in a thread of its own.
 */
import { FilaCanonica } from '../lectura/formatos';
import { Contexto, TipoImportacion, ValorStage } from '../tipos/tipo-importacion';

/** Rows validated, staged and merged together: large enough for set-based merges, small enough to keep in memory. */
export const FILAS_POR_TRAMO = 25_000;

/**
 * A chunk's rows as COPY's CSV lines in UTF-8 (chunk number first), and how
 * many rows they are. Bytes rather than text: a row's line is garbage as soon
 * as it is written, and the chunk passes between threads without a copy.
 */
export interface TramoValidado {
  readonly lineas: Uint8Array;
  readonly filas: number;
}

/** What a chunk's lines start with room for: a row of attendance takes some 170 bytes. */
const BYTES_INICIALES = 8 * 1024 * 1024;

/** The staging table's leading columns, in the order of each line; a kind's own follow them. */
export const COLUMNAS_DEL_STAGE: readonly (readonly [string, string])[] = [
  ['tramo', 'integer NOT NULL'],
  ['fila', 'integer NOT NULL'],
  ['errores', 'jsonb'],
  ['avisos', 'jsonb'],
  ['conservada', 'jsonb'],
];

export async function* validarEnTramos(
  filas: AsyncIterable<FilaCanonica>,
  tipo: TipoImportacion,
  contexto: Contexto,
): AsyncGenerator<TramoValidado> {
  let numero = 0;
  let lineas = Buffer.allocUnsafeSlow(BYTES_INICIALES);
  let bytes = 0;
  let enElTramo = 0;
  const escribir = (linea: string) => {
    const necesarios = bytes + Buffer.byteLength(linea);
    if (necesarios > lineas.length) {
      const mayor = Buffer.allocUnsafeSlow(Math.max(lineas.length * 2, necesarios));
      lineas.copy(mayor, 0, 0, bytes);
      lineas = mayor;
    }
    bytes += lineas.write(linea, bytes);
    enElTramo++;
  };
  const tomar = (): TramoValidado => {
    const tramo = { lineas: lineas.subarray(0, bytes), filas: enElTramo };
    lineas = Buffer.allocUnsafeSlow(BYTES_INICIALES);
    bytes = 0;
    enElTramo = 0;
    numero++;
    return tramo;
  };
  for await (const fila of filas) {
    const resultado: ReturnType<TipoImportacion['validar']> = fila.problemas
      ? {
          rechazos: fila.problemas.map((p) => ({
            columna: p.campo,
            valor: null,
            motivo: p.motivo,
          })),
        }
      : tipo.validar(fila.valores, contexto);
    escribir(
      'rechazos' in resultado
        ? lineaCsv([
            numero,
            fila.numero,
            JSON.stringify(resultado.rechazos),
            null,
            resultado.conservada ? JSON.stringify(resultado.conservada) : null,
            ...tipo.stage.map(() => null),
          ])
        : lineaCsv([
            numero,
            fila.numero,
            null,
            resultado.avisos ? JSON.stringify(resultado.avisos) : null,
            null,
            ...resultado.valores,
          ]),
    );
    if (enElTramo >= FILAS_POR_TRAMO) yield tomar();
  }
  if (enElTramo > 0) yield tomar();
}

/** One line of COPY's CSV format: an unquoted empty field is NULL, a quoted one an empty string. */
function lineaCsv(valores: (ValorStage | undefined)[]): string {
  return (
    valores
      .map((v) => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return String(v);
        if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
        if (Array.isArray(v))
          return comillas(`{${v.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
        return comillas(v);
      })
      .join(',') + '\n'
  );
}

function comillas(texto: string): string {
  return `"${texto.replace(/"/g, '""')}"`;
}
