/**
 * How every sheet we write looks: a bold, frozen header row with an autofilter,
 * es-CO number and date formats, sensible widths, print set-up (landscape,
 * fit to width, header row repeated) and text cells safe from formula injection.
 */
import { celdaSegura } from '@tablero/domain';
import ExcelJS from 'exceljs';

export type Formato = 'texto' | 'entero' | 'decimal' | 'fecha' | 'porcentaje';

export interface ColumnaHoja {
  readonly titulo: string;
  readonly ancho: number;
  readonly formato: Formato;
}

const FORMATO_NUMERO: Record<Formato, string | undefined> = {
  texto: undefined,
  entero: '#,##0',
  decimal: '#,##0.0',
  fecha: 'dd/mm/yyyy',
  porcentaje: '0.0%',
};

export type Valor = string | number | Date | null | { formula: string; result: number };

export function nuevaHoja(
  libro: ExcelJS.Workbook,
  nombre: string,
  columnas: readonly ColumnaHoja[],
): ExcelJS.Worksheet {
  const hoja = libro.addWorksheet(nombre.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: '&LFuente: DNP, Estrategia Juntos por el Territorio&RPágina &P de &N',
    },
  });
  hoja.columns = columnas.map((c) => ({
    header: c.titulo,
    width: c.ancho,
    style: FORMATO_NUMERO[c.formato] ? { numFmt: FORMATO_NUMERO[c.formato] } : {},
  }));
  const encabezado = hoja.getRow(1);
  encabezado.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  encabezado.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B3D6B' } };
  encabezado.alignment = { vertical: 'middle', wrapText: true };
  hoja.pageSetup.printTitlesRow = '1:1';
  return hoja;
}

/** Adds a row, every text written safely. */
export function fila(hoja: ExcelJS.Worksheet, valores: readonly Valor[]): ExcelJS.Row {
  return hoja.addRow(valores.map((v) => (typeof v === 'string' ? celdaSegura(v) : v)));
}

/** An autofilter over the header and the data rows. */
export function filtrar(hoja: ExcelJS.Worksheet, columnas: number, ultimaFila: number): void {
  hoja.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, ultimaFila), column: columnas },
  };
}

/** A total row: live SUM formulas whose cached results are the sums, so the file is right before recalculation. */
export function filaDeTotales(
  hoja: ExcelJS.Worksheet,
  etiqueta: string,
  columnasASumar: readonly number[],
  primera: number,
  ultima: number,
): ExcelJS.Row {
  const valores: Valor[] = [etiqueta];
  const total = hoja.addRow(valores);
  for (const columna of columnasASumar) {
    const letra = hoja.getColumn(columna).letter;
    let suma = 0;
    for (let r = primera; r <= ultima; r++) {
      const v = hoja.getCell(r, columna).value;
      if (typeof v === 'number') suma += v;
    }
    total.getCell(columna).value = {
      formula: ultima >= primera ? `SUM(${letra}${primera}:${letra}${ultima})` : '0',
      result: suma,
    };
  }
  total.font = { bold: true };
  total.border = { top: { style: 'thin' } };
  return total;
}
