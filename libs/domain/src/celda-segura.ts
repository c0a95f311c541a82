import type ExcelJS from 'exceljs';

/**
 * Text that a spreadsheet will never read as a formula: a value starting with
 * = + - @ or a tab or carriage return gets a leading apostrophe (OWASP's
 * advice against CSV and formula injection). Every text cell we write goes
 * through here, whatever its origin.
 */
export function celdaSegura(valor: string): string {
  return /^[=+\-@\t\r]/.test(valor) ? `'${valor}` : valor;
}

/** Text in the workbook's own typeface: a font without its name falls back to a serif elsewhere. */
export function letra(estilo: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> {
  return { name: 'Calibri', size: 11, ...estilo };
}
