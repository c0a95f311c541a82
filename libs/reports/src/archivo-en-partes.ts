import { Writable } from 'node:stream';

/**
 * A stream that keeps what is written in numbered chunks of at least
 * `bytesPorParte` (the last may be smaller) through `guardar`,
 * waiting for each (backpressure). When `guardar` fails or says no, it tells
 * `alFallar` once and drops the rest without erroring, so that the writer
 * feeding it stops at its own next check instead of waiting for a drain.
 */
export function archivoEnPartes(
  guardar: (numero: number, datos: Buffer) => Promise<boolean>,
  alFallar: (motivo: unknown) => void,
  bytesPorParte: number,
): Writable & { readonly bytes: number } {
  let pendientes: Buffer[] = [];
  let enEspera = 0;
  let numero = 0;
  let bytes = 0;
  let fallo = false;
  const vaciar = async () => {
    if (fallo || enEspera === 0) return;
    const datos = Buffer.concat(pendientes, enEspera);
    pendientes = [];
    enEspera = 0;
    try {
      if (!(await guardar(numero++, datos)))
        throw new Error('La exportación ya no es de esta instancia.');
      bytes += datos.length;
    } catch (motivo) {
      fallo = true;
      alFallar(motivo);
    }
  };
  const archivo = new Writable({
    write(chunk: Buffer, _encoding, listo) {
      pendientes.push(chunk);
      enEspera += chunk.length;
      if (enEspera < bytesPorParte) return listo();
      void vaciar().then(() => listo());
    },
    final(listo) {
      void vaciar().then(() => listo());
    },
  });
  return Object.defineProperty(archivo, 'bytes', { get: () => bytes }) as Writable & {
    readonly bytes: number;
  };
}
