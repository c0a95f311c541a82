import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { archivoEnPartes } from './archivo-en-partes';

const BYTES_POR_PARTE = 256 * 1024;

function trozos(total: number, tamano: number): Buffer[] {
  return Array.from({ length: Math.ceil(total / tamano) }, (_, i) =>
    Buffer.alloc(Math.min(tamano, total - i * tamano), i % 256),
  );
}

describe('archivoEnPartes', () => {
  it('keeps what is written in numbered chunks of at least a part, the last one shorter', async () => {
    const guardadas: [number, number][] = [];
    const motivos: unknown[] = [];
    const archivo = archivoEnPartes(
      async (numero, datos) => {
        guardadas.push([numero, datos.length]);
        return true;
      },
      (motivo) => motivos.push(motivo),
      BYTES_POR_PARTE,
    );
    const total = 2 * BYTES_POR_PARTE + 12_345;
    await pipeline(Readable.from(trozos(total, 64 * 1024)), archivo);
    expect(guardadas).toEqual([
      [0, BYTES_POR_PARTE],
      [1, BYTES_POR_PARTE],
      [2, 12_345],
    ]);
    expect(archivo.bytes).toBe(total);
    expect(motivos).toEqual([]);
  });

  it('tells once that it lost the job, and drops the rest without erroring', async () => {
    const motivos: unknown[] = [];
    let llamadas = 0;
    const archivo = archivoEnPartes(
      async () => ++llamadas < 2,
      (motivo) => motivos.push(motivo),
      BYTES_POR_PARTE,
    );
    await pipeline(Readable.from(trozos(4 * BYTES_POR_PARTE, 64 * 1024)), archivo);
    expect(llamadas).toBe(2);
    expect(motivos).toEqual([new Error('La exportación ya no es de esta instancia.')]);
    expect(archivo.bytes).toBe(BYTES_POR_PARTE);
  });
});
