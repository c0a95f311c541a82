/** Timing helpers shared by the benchmarks. */

export function percentil(ms: number[], p: number): number {
  const orden = [...ms].sort((a, b) => a - b);
  return orden[Math.min(orden.length - 1, Math.floor((p / 100) * orden.length))];
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
