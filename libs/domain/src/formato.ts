/** es-CO presentation of numbers, dates and qualified figures. */
import { Cifra } from './calificador';

const numero = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });

/**
 * Whole numbers are grouped here, as Intl groups them for es-CO ("11.991"):
 * Intl takes about a microsecond a number, and a breakdown by activity
 * formats some fourteen thousand.
 */
export function formatearNumero(valor: number): string {
  if (!Number.isSafeInteger(valor) || Object.is(valor, -0)) return numero.format(valor);
  const digitos = String(Math.abs(valor));
  let agrupado = digitos.slice(0, ((digitos.length - 1) % 3) + 1);
  for (let i = agrupado.length; i < digitos.length; i += 3)
    agrupado += '.' + digitos.slice(i, i + 3);
  return valor < 0 ? '-' + agrupado : agrupado;
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

const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/**
 * A date or a period as the source gives it: "17/07/2023"; whole months as
 * "abril a julio de 2023", a whole year as "2023"; otherwise "03/08/2023 a 11/10/2023";
 * "—" where it gives no date.
 */
export function formatearPeriodo(desde: string | null, hasta: string | null): string {
  if (desde === null || hasta === null) return '—';
  if (desde === hasta) return formatearFecha(desde);
  const [a1, m1, d1] = desde.split('-').map(Number);
  const [a2, m2, d2] = hasta.split('-').map(Number);
  const ultimoDia = new Date(Date.UTC(a2, m2, 0)).getUTCDate();
  if (d1 !== 1 || d2 !== ultimoDia) return `${formatearFecha(desde)} a ${formatearFecha(hasta)}`;
  if (a1 === a2 && m1 === 1 && m2 === 12) return String(a1);
  if (a1 === a2 && m1 === m2) return `${MESES[m1 - 1]} de ${a1}`;
  return a1 === a2
    ? `${MESES[m1 - 1]} a ${MESES[m2 - 1]} de ${a2}`
    : `${MESES[m1 - 1]} de ${a1} a ${MESES[m2 - 1]} de ${a2}`;
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

/** A count with its noun in agreement: "1 departamento", "4 departamentos", "0 departamentos". */
export function contar(n: number, singular: string, plural: string): string {
  return `${formatearNumero(n)} ${n === 1 ? singular : plural}`;
}

const ENUMERACION = new Intl.ListFormat('es', { type: 'conjunction' });

/** Names joined as Spanish lists them: "Antioquia, La Guajira y Valle del Cauca". */
export const enumerar = (nombres: readonly string[]): string => ENUMERACION.format(nombres);

const PREFIJO = { exacto: '', minimo: '> ', aproximado: '≈ ' } as const;

/** "11.991", "> 300" (más de), "≈ 1.700" (cerca de). */
export function formatearCifra(cifra: Cifra): string {
  return PREFIJO[cifra.calificador] + formatearNumero(cifra.valor);
}

/** Spanish alphabetical order (one collator, not one per comparison). */
export const compararEnEspanol = new Intl.Collator('es').compare;

/** The source line every screen, sheet and image carries. */
export const FUENTE = 'Fuente: DNP (2023), Estrategia Juntos por el Territorio';

/** A sentence's first letter in capitals: «sin datos…» where it opens a line. */
export function mayuscula(texto: string): string {
  return texto.charAt(0).toUpperCase() + texto.slice(1);
}
