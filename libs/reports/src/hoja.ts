/**
 * How every sheet we write looks: a bold, frozen header row with an autofilter,
 * es-CO number and date formats, widths fitted to the content, print set-up (landscape,
 * fit to width, header row repeated) and text cells safe from formula injection.
 */
import { celdaSegura, FUENTE, letra } from '@tablero/domain';
import ExcelJS from 'exceljs';

export type Formato = 'texto' | 'entero' | 'decimal' | 'fecha' | 'porcentaje';

export interface ColumnaHoja {
  readonly titulo: string;
  /** The widest the column grows to fit its content (in characters); longer text wraps. */
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

/** A sheet that prints on A4 fitted to the page's width, with the source line and page numbers. */
export function hojaImprimible(
  libro: ExcelJS.Workbook,
  nombre: string,
  orientation: 'landscape' | 'portrait',
): ExcelJS.Worksheet {
  return libro.addWorksheet(nombre.slice(0, 31), {
    pageSetup: {
      orientation,
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${FUENTE}&RPágina &P de &N` },
  });
}

export function nuevaHoja(
  libro: ExcelJS.Workbook,
  nombre: string,
  columnas: readonly ColumnaHoja[],
): ExcelJS.Worksheet {
  const hoja = hojaImprimible(libro, nombre, 'landscape');
  hoja.views = [{ state: 'frozen', ySplit: 1 }];
  hoja.columns = columnas.map((c) => ({
    header: c.titulo,
    width: c.ancho,
    // Text keeps a space from a number right-aligned in the column before it (an indent holds
    // only on left-aligned text); a figure's «—» or words sit where its numbers do.
    style: FORMATO_NUMERO[c.formato]
      ? { numFmt: FORMATO_NUMERO[c.formato], alignment: { horizontal: 'right' } }
      : { alignment: { horizontal: 'left', indent: 1 } },
  }));
  const encabezado = hoja.getRow(1);
  encabezado.font = letra({ bold: true, color: { argb: 'FFFFFFFF' } });
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

/**
 * A total row with the figure each named column totals (the metrics' own total: a figure told
 * side by side is no number a SUM could add): a live SUM formula where the column's cells are
 * plain numbers that add up to it, the figure itself otherwise.
 */
export function filaDeTotales(
  hoja: ExcelJS.Worksheet,
  etiqueta: string,
  totales: ReadonlyMap<number, Valor>,
  primera: number,
  ultima: number,
): ExcelJS.Row {
  const total = fila(hoja, [etiqueta]);
  for (const [columna, valor] of totales) {
    const letra = hoja.getColumn(columna).letter;
    let suma = 0;
    let sumable = true;
    for (let r = primera; r <= ultima; r++) {
      const v = hoja.getCell(r, columna).value;
      if (typeof v === 'number') suma += v;
      else if (v !== null && v !== '—') sumable = false;
    }
    total.getCell(columna).value =
      sumable && valor === suma
        ? {
            formula: ultima >= primera ? `SUM(${letra}${primera}:${letra}${ultima})` : '0',
            result: suma,
          }
        : typeof valor === 'string'
          ? celdaSegura(valor)
          : valor;
  }
  total.font = letra({ bold: true });
  total.border = { top: { style: 'thin' } };
  return total;
}

/** The column of a heading, counted from 1 as exceljs does. */
export function columnaDe(columnas: readonly ColumnaHoja[], titulo: string): number {
  const i = columnas.findIndex((c) => c.titulo === titulo);
  if (i < 0) throw new Error(`Sin columna «${titulo}»`);
  return i + 1;
}

const ALTO_DE_RENGLON = 15;

/** How many characters a value takes as shown (numbers, and dates as dd/mm/aaaa), per line. */
function renglonesDe(valor: ExcelJS.CellValue): string[] {
  if (valor === null || valor === undefined) return [];
  if (valor instanceof Date) return ['00/00/0000'];
  if (typeof valor === 'number') return [new Intl.NumberFormat('es-CO').format(valor)];
  if (typeof valor === 'object' && 'result' in valor) return renglonesDe(valor.result as number);
  if (typeof valor === 'object' && 'richText' in valor)
    return valor.richText
      .map((t) => t.text)
      .join('')
      .split('\n');
  return String(valor).split('\n');
}

/** Rows of a sheet that hold one note across the whole row. */
const NOTAS = new WeakMap<ExcelJS.Worksheet, Set<number>>();

/** A note under a table, across all its columns, wrapped. */
export function nota(hoja: ExcelJS.Worksheet, texto: string, columnas: number): ExcelJS.Row {
  const row = fila(hoja, [texto]);
  hoja.mergeCells(row.number, 1, row.number, columnas);
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  row.font = letra({ italic: true });
  NOTAS.set(hoja, (NOTAS.get(hoja) ?? new Set()).add(row.number));
  return row;
}

/**
 * Columns as wide as their content, up to each one's widest (`topes`, by column: a number or the
 * column's `ancho`; 60 otherwise), text that would not fit wrapped and its row made as tall as its lines: nothing is clipped on
 * screen or when printed. A note spans the row's columns and wraps within them all.
 */
export function ajustar(
  hoja: ExcelJS.Worksheet,
  topes: readonly (number | ColumnaHoja)[] = [],
): void {
  const maximos = topes.map((t) => (typeof t === 'number' ? t : t.ancho));
  const notas = NOTAS.get(hoja) ?? new Set<number>();
  const anchos: number[] = [];
  hoja.eachRow((row, n) => {
    if (notas.has(n)) return;
    row.eachCell((celda, c) => {
      // A header wraps between words: its longest word sets its least width.
      const partes = n === 1 ? String(celda.value ?? '').split(' ') : renglonesDe(celda.value);
      const largo = Math.max(
        0,
        ...partes.map((r) => Math.ceil(r.length * (celda.font?.bold ? 1.1 : 1))),
      );
      anchos[c - 1] = Math.max(anchos[c - 1] ?? 6, Math.min(maximos[c - 1] ?? 60, largo));
    });
  });
  anchos.forEach((ancho, i) => {
    if (ancho !== undefined) hoja.getColumn(i + 1).width = ancho + 2;
  });
  const anchoTotal = anchos.reduce((t, a) => t + (a ?? 0) + 2, 0);
  hoja.eachRow((row, n) => {
    let renglones = 1;
    row.eachCell((celda, c) => {
      const ancho = (notas.has(n) ? anchoTotal : (hoja.getColumn(c).width ?? 10)) - 2;
      const aqui = renglonesDe(celda.value).reduce(
        (t, l) => t + Math.max(1, Math.ceil(l.length / ancho)),
        0,
      );
      if (aqui > 1) {
        celda.alignment = { ...celda.alignment, wrapText: true, vertical: 'top' };
        renglones = Math.max(renglones, aqui);
      }
    });
    if (renglones > 1) {
      row.height = renglones * ALTO_DE_RENGLON;
      // Every cell of a tall row starts at its top, beside the wrapped text.
      row.eachCell((celda) => {
        celda.alignment = { ...celda.alignment, vertical: 'top' };
      });
    }
  });
}
