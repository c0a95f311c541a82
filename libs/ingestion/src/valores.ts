/**
 * Reading the values people type in spreadsheets: es-CO numbers, dates as
 * dd/mm/aaaa, aaaa-mm-dd or Excel serials, DIVIPOLA codes that lost their
 * leading zero, document numbers with dots and spaces. Each function returns
 * the clean value or throws a ValorInvalido whose message is the reason shown
 * to the person who imports.
 */

import { CatalogoAlias } from '@tablero/domain';

/** A cell as the readers give it: text from CSV, text, number or date from .xlsx. */
export type Celda = string | number | Date | null | undefined;

export class ValorInvalido extends Error {}

/**
 * A value a catalogue does not know by any name: the row is rejected, and an
 * editor can map the value to an entry (an alias) and run the row again.
 */
export class ValorDesconocido extends ValorInvalido {
  constructor(
    readonly catalogo: CatalogoAlias,
    readonly valor: string,
    mensaje: string,
  ) {
    super(mensaje);
  }
}

export function texto(celda: Celda): string {
  if (celda === null || celda === undefined) return '';
  if (celda instanceof Date) return fechaIso(celda);
  return String(celda).trim();
}

/** Free text of at most `maximo` characters: a longer one is rejected with its length, never cut. */
export function textoHasta(maximo: number): (celda: Celda) => string {
  return (celda) => {
    const t = texto(celda);
    if (t.length > maximo)
      throw new ValorInvalido(`el texto tiene ${t.length} caracteres; el máximo es ${maximo}`);
    return t;
  };
}

export function vacia(celda: Celda): boolean {
  return texto(celda) === '';
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DIA_MS = 86_400_000;

function fechaIso(fecha: Date): string {
  return fecha.toISOString().slice(0, 10);
}

function validarCalendario(anio: number, mes: number, dia: number): string {
  const fecha = new Date(Date.UTC(anio, mes - 1, dia));
  if (
    fecha.getUTCFullYear() !== anio ||
    fecha.getUTCMonth() !== mes - 1 ||
    fecha.getUTCDate() !== dia
  ) {
    throw new ValorInvalido('la fecha no existe en el calendario');
  }
  if (anio < 1990 || anio > 2100) throw new ValorInvalido('el año está fuera de rango');
  return fechaIso(fecha);
}

/** A time after a date, as exports write it ("2023-08-03 09:15:00", "03/08/2023, 9:15 a. m."), and nothing else. */
const HORA =
  '(?:,?[ T]+\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*[ap]\\.?\\s?m\\.?)?(?:\\s*(?:Z|[+-]\\d{2}:?\\d{2}))?)?';

const DIA_MES_ANIO = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${HORA}$`, 'i');
const ANIO_MES_DIA = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${HORA}$`, 'i');

/** dd/mm/aaaa (or d/m/aaaa, with - or .), aaaa-mm-dd, an Excel serial or a date cell → aaaa-mm-dd. */
export function fecha(celda: Celda): string {
  if (celda instanceof Date) {
    if (Number.isNaN(celda.getTime())) throw new ValorInvalido('la fecha no es válida');
    return validarCalendario(celda.getUTCFullYear(), celda.getUTCMonth() + 1, celda.getUTCDate());
  }
  if (typeof celda === 'number') return serialExcel(celda);
  const t = texto(celda);
  let m = DIA_MES_ANIO.exec(t);
  if (m) return validarCalendario(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ANIO_MES_DIA.exec(t);
  if (m) return validarCalendario(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(t)) return serialExcel(Number(t));
  throw new ValorInvalido('la fecha debe escribirse dd/mm/aaaa o aaaa-mm-dd');
}

function serialExcel(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1) throw new ValorInvalido('la fecha no es válida');
  const fecha = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DIA_MS);
  return validarCalendario(fecha.getUTCFullYear(), fecha.getUTCMonth() + 1, fecha.getUTCDate());
}

/** A count: 11991, "11.991" (es-CO thousands), "11991,0" → 11991. Negative or fractional → invalid. */
export function entero(celda: Celda): number {
  if (typeof celda === 'number') {
    if (!Number.isInteger(celda)) throw new ValorInvalido('debe ser un número entero');
    if (celda < 0) throw new ValorInvalido('no puede ser negativo');
    return celda;
  }
  const t = texto(celda).replace(/\s/g, '');
  if (/^-/.test(t)) throw new ValorInvalido('no puede ser negativo');
  let digitos: string | undefined;
  if (/^\d+$/.test(t)) digitos = t;
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) digitos = t.replace(/\./g, '');
  else if (/^\d{1,3}(\.\d{3})*,0+$/.test(t) || /^\d+,0+$/.test(t))
    digitos = t.split(',')[0].replace(/\./g, '');
  if (digitos === undefined)
    throw new ValorInvalido('debe ser un número entero (por ejemplo 11.991)');
  const valor = Number(digitos);
  if (!Number.isSafeInteger(valor)) throw new ValorInvalido('el número es demasiado grande');
  return valor;
}

/** A positive quantity with decimals: 2, 2,5 (es-CO), 2.5 → 2.5. */
export function decimal(celda: Celda): number {
  let valor = typeof celda === 'number' ? celda : NaN;
  if (typeof celda !== 'number') {
    const t = texto(celda).replace(/\s/g, '');
    if (/^\d+(,\d+)?$/.test(t)) valor = Number(t.replace(',', '.'));
    else if (/^\d+\.\d{1,2}$/.test(t)) valor = Number(t);
  }
  if (!Number.isFinite(valor)) throw new ValorInvalido('debe ser un número (por ejemplo 2,5)');
  if (valor <= 0) throw new ValorInvalido('debe ser mayor que cero');
  if (valor >= 10_000) throw new ValorInvalido('el número es demasiado grande');
  return valor;
}

/**
 * A DANE DIVIPOLA code, restoring the leading zero Excel strips:
 * 5001 → "05001", 5 → "05". One or two digits are a department, four or five a municipality.
 */
export function divipola(celda: Celda): string {
  const t = typeof celda === 'number' ? String(celda) : texto(celda);
  if (!/^\d{1,5}$/.test(t) || t.length === 3) {
    throw new ValorInvalido(
      'el código DIVIPOLA debe tener 2 dígitos (departamento) o 5 (municipio)',
    );
  }
  return t.length <= 2 ? t.padStart(2, '0') : t.padStart(5, '0');
}

export const TIPOS_DOCUMENTO = [
  'CC',
  'TI',
  'CE',
  'PA',
  'PPT',
  'PEP',
  'NIT',
  'RC',
  'NUIP',
  'DE',
] as const;

/** The names forms offer for each type of document, compared normalised. */
const NOMBRES_DOCUMENTO: Readonly<Record<string, (typeof TIPOS_DOCUMENTO)[number]>> = {
  cedula: 'CC',
  ceduladeciudadania: 'CC',
  tarjetadeidentidad: 'TI',
  ceduladeextranjeria: 'CE',
  pasaporte: 'PA',
  permisoporprotecciontemporal: 'PPT',
  permisoespecialdepermanencia: 'PEP',
  numerodeidentificaciontributaria: 'NIT',
  registrocivil: 'RC',
  registrocivildenacimiento: 'RC',
  numerounicodeidentificacionpersonal: 'NUIP',
  documentodeidentificacionextranjero: 'DE',
};

/** CC, "C.C.", "Cédula de ciudadanía" or "Cédula de ciudadanía (CC)" → CC. */
export function tipoDocumento(celda: Celda): string {
  const t = texto(celda);
  const [nombre, sigla] = sinSiglaFinal(t);
  for (const candidato of [t, nombre, sigla ?? '']) {
    const codigo = candidato.toUpperCase().replace(/[.\s]/g, '');
    if ((TIPOS_DOCUMENTO as readonly string[]).includes(codigo)) return codigo;
    const porNombre = NOMBRES_DOCUMENTO[normalizar(candidato)];
    if (porNombre) return porNombre;
  }
  throw new ValorInvalido(`el tipo de documento debe ser uno de ${TIPOS_DOCUMENTO.join(', ')}`);
}

/** "Consejos Territoriales de Planeación (CTP)" → ["Consejos Territoriales de Planeación", "CTP"]; without parentheses, [valor]. */
export function sinSiglaFinal(valor: string): [string, string?] {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(valor);
  return m ? [m[1], m[2].trim()] : [valor];
}

/** "1.020.304.050", " 0012345678 " → "1020304050", "12345678": no dots, spaces, dashes or leading zeros. */
export function numeroDocumento(celda: Celda): string {
  const t = (typeof celda === 'number' ? String(Math.trunc(celda)) : texto(celda))
    .toUpperCase()
    .replace(/[.\s,-]/g, '')
    .replace(/^0+/, '');
  if (!/^[0-9A-Z]{3,20}$/.test(t)) {
    throw new ValorInvalido('el número de documento debe tener entre 3 y 20 letras o dígitos');
  }
  return t;
}

const CORREO = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function correo(celda: Celda): string {
  const t = texto(celda).toLowerCase();
  if (!CORREO.test(t)) throw new ValorInvalido('el correo electrónico no es válido');
  return t;
}

/** What a rejection may show of a personal value: its last characters only. */
export function enmascarar(valor: string): string {
  const arroba = valor.indexOf('@');
  if (arroba > 0) return `${valor[0]}***${valor.slice(arroba)}`;
  if (valor.length <= 4) return '*'.repeat(valor.length);
  return '*'.repeat(valor.length - 4) + valor.slice(-4);
}

const DIACRITICOS = /[\u0300-\u036f]/g;
const SEPARADORES = /[^a-z0-9]+/;

/** Abbreviations common in Colombian place names and headers, read as the word. */
const ABREVIATURAS: Readonly<Record<string, string>> = {
  pto: 'puerto',
  sta: 'santa',
  sto: 'santo',
  gral: 'general',
  mpio: 'municipio',
  dpto: 'departamento',
  depto: 'departamento',
};

/**
 * How headers, names and closed values are compared: lower case, no accents,
 * nothing but letters and digits, the usual abbreviations spelled out
 * ("Pto. Asís" and "PUERTO ASIS" → "puertoasis").
 */
export function normalizar(valor: string): string {
  const palabras = valor.normalize('NFD').replace(DIACRITICOS, '').toLowerCase().split(SEPARADORES);
  let clave = '';
  for (const palabra of palabras) clave += ABREVIATURAS[palabra] ?? palabra;
  return clave;
}

/** One of a closed list, compared without case or accents; returns the canonical value. */
export function uno<T extends string>(celda: Celda, permitidos: readonly T[], nombre: string): T {
  const buscado = normalizar(texto(celda));
  const encontrado = permitidos.find((p) => normalizar(p) === buscado);
  if (!encontrado) throw new ValorInvalido(`${nombre} debe ser uno de: ${permitidos.join(', ')}`);
  return encontrado;
}
