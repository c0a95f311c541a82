/** Timing helpers shared by the benchmarks, and their scratch folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder of the benchmark's own in the system's temporary folder, deleted when the process exits. */
export function carpetaDeBench(nombre: string): string {
  const carpeta = mkdtempSync(join(tmpdir(), `tablero-bench-${nombre}-`));
  process.on('exit', () => rmSync(carpeta, { recursive: true, force: true }));
  return carpeta;
}

/** The nearest-rank percentile: the smallest time with at least p % of the times at or under it. */
export function percentil(ms: number[], p: number): number {
  const orden = [...ms].sort((a, b) => a - b);
  return orden[Math.max(0, Math.ceil((p / 100) * orden.length) - 1)];
}

export async function cronometrar<T>(trabajo: () => Promise<T>): Promise<[T, number]> {
  const inicio = process.hrtime.bigint();
  const resultado = await trabajo();
  return [resultado, Number(process.hrtime.bigint() - inicio) / 1e6];
}

export async function medir(veces: number, trabajo: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < veces; i++) ms.push((await cronometrar(trabajo))[1]);
  return ms;
}
