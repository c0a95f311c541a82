/**
 * How sure a figure is. The source document says "más de 300" (a lower bound)
 * and "cerca de 1.700" (an approximation); a sum keeps the least certain
 * qualifier of its parts, in the order below.
 */
export const CALIFICADORES = ['exacto', 'minimo', 'aproximado'] as const;
export type Calificador = (typeof CALIFICADORES)[number];

export interface Cifra {
  readonly valor: number;
  readonly calificador: Calificador;
}

export interface Suma extends Cifra {
  /** The part of the sum that comes from approximate figures or lower bounds. */
  readonly valorNoExacto: number;
}

export function combinarCalificadores(a: Calificador, b: Calificador): Calificador {
  return CALIFICADORES.indexOf(a) >= CALIFICADORES.indexOf(b) ? a : b;
}

export function sumarCifras(cifras: Iterable<Cifra>): Suma {
  let valor = 0;
  let valorNoExacto = 0;
  let calificador: Calificador = 'exacto';
  for (const cifra of cifras) {
    valor += cifra.valor;
    if (cifra.calificador !== 'exacto') valorNoExacto += cifra.valor;
    calificador = combinarCalificadores(calificador, cifra.calificador);
  }
  return { valor, calificador, valorNoExacto };
}
