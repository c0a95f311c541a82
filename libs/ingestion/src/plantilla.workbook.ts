/**
 * The downloadable template of an import kind: an instructions sheet, a data
 * sheet with the canonical headers (text format where Excel would strip
 * leading zeros) and drop-down lists for the closed values.
 */
import { celdaSegura, letra, TipoImportacionCodigo } from '@tablero/domain';
import ExcelJS from 'exceljs';
import { Catalogos } from './catalogos';
import { TIPOS } from './tipos';

const FILAS_CON_LISTAS = 5000;
const COMO_TEXTO = /codigo|documento|divipola/;

export async function plantilla(
  codigo: TipoImportacionCodigo,
  catalogos: Catalogos,
): Promise<Buffer> {
  const tipo = TIPOS[codigo];
  const libro = new ExcelJS.Workbook();
  libro.creator = 'Tablero JPT (DNP)';
  libro.title = `Plantilla de importación: ${codigo}`;

  const instrucciones = libro.addWorksheet('Instrucciones');
  instrucciones.columns = [
    { width: 24 },
    { width: 14 },
    { width: 70 },
    { width: 26 },
    { width: 40 },
  ];
  instrucciones.addRow([`Plantilla de importación: ${codigo}`]).font = letra({
    bold: true,
    size: 14,
  });
  instrucciones.addRow([celdaSegura(tipo.descripcion)]);
  instrucciones.addRow([
    'Llene la hoja «Datos» desde la fila 2, una fila por registro. Fechas como dd/mm/aaaa; números sin ' +
      'decimales, con o sin punto de miles (11.991). Los códigos DIVIPOLA pueden perder el cero inicial ' +
      '(5001 se lee 05001); los municipios también se escriben por nombre (Ibagué, Cali, Mompós), con el ' +
      'departamento cuando varios municipios comparten el nombre. También se aceptan archivos CSV (UTF-8, UTF-16 o Windows-1252; separados por ' +
      'coma, punto y coma o tabulador). Las filas con errores se rechazan con su motivo y las demás se cargan.',
  ]);
  instrucciones.getRow(3).alignment = { wrapText: true };
  instrucciones.mergeCells('A3:F3');
  instrucciones.getRow(3).height = 75;
  instrucciones.addRow([]);
  const encabezado = instrucciones.addRow([
    'Columna',
    'Obligatoria',
    'Descripción',
    'Ejemplo',
    'Valores permitidos',
  ]);
  encabezado.font = letra({ bold: true });
  for (const columna of tipo.columnas) {
    instrucciones.addRow([
      columna.campo,
      columna.obligatoria ? 'Sí' : 'No',
      celdaSegura(columna.descripcion),
      celdaSegura(columna.ejemplo),
      celdaSegura((columna.valores?.(catalogos) ?? []).join(', ')),
      celdaSegura((columna.alias ?? []).join(', ')),
    ]);
  }

  const datos = libro.addWorksheet('Datos', { views: [{ state: 'frozen', ySplit: 1 }] });
  datos.columns = tipo.columnas.map((c) => ({
    header: c.campo,
    key: c.campo,
    width: Math.max(16, c.campo.length + 4),
    style: COMO_TEXTO.test(c.campo) ? { numFmt: '@' } : {},
  }));
  datos.getRow(1).font = letra({ bold: true });

  const listas = libro.addWorksheet('Listas', { state: 'veryHidden' });
  tipo.columnas.forEach((columna, i) => {
    const valores = columna.valores?.(catalogos);
    if (!valores || valores.length === 0) return;
    const letra = listas.getColumn(i + 1).letter;
    valores.forEach((valor, fila) => (listas.getCell(fila + 1, i + 1).value = valor));
    const letraDatos = datos.getColumn(i + 1).letter;
    for (let fila = 2; fila <= FILAS_CON_LISTAS; fila++) {
      datos.getCell(`${letraDatos}${fila}`).dataValidation = {
        type: 'list',
        allowBlank: !columna.obligatoria,
        formulae: [`Listas!$${letra}$1:$${letra}$${valores.length}`],
        showErrorMessage: true,
        errorTitle: 'Valor no permitido',
        error: `Elija un valor de la lista para ${columna.campo}.`,
      };
    }
  });
  return Buffer.from(await libro.xlsx.writeBuffer());
}
