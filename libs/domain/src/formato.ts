/** es-CO presentation of numbers, dates and qualified figures. */
import { Cifra } from './calificador';

const numero = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });

export function formatearNumero(valor: number): string {
  return numero.format(valor);
}

/** A share (1 = 100 %) as "33,3 %"; "–" when there is nothing to divide. */
export function formatearPorcentaje(proporcion: number | null): string {
  return proporcion === null ? '–' : `${formatearNumero(Math.round(proporcion * 1000) / 10)} %`;
}

/** A calendar date (yyyy-mm-dd, as PostgreSQL returns a `date`) as dd/mm/aaaa. */
export function formatearFecha(fecha: string): string {
  const [anio, mes, dia] = fecha.slice(0, 10).split('-');
  return `${dia}/${mes}/${anio}`;
}

const fechaHora = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as dd/mm/aaaa hh:mm, Colombian time. */
export function formatearFechaHora(instante: string | Date): string {
  const partes = Object.fromEntries(
    fechaHora.formatToParts(new Date(instante)).map((p) => [p.type, p.value]),
  );
  return `${partes.day}/${partes.month}/${partes.year} ${partes.hour}:${partes.minute}`;
}

const PREFIJO = { exacto: '', minimo: '> ', aproximado: '≈ ' } as const;

/** "11.991", "> 300" (más de), "≈ 1.700" (cerca de). */
export function formatearCifra(cifra: Cifra): string {
  return PREFIJO[cifra.calificador] + formatearNumero(cifra.valor);
}

/** Spanish alphabetical order (one collator, not one per comparison). */
export const compararEnEspanol = new Intl.Collator('es').compare;

/** The source line every screen, sheet and image carries. */
export const FUENTE = 'Fuente: DNP, Estrategia Juntos por el Territorio';
