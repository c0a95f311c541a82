import { celdaSegura, Importacion, ImportacionAviso, ImportacionRechazo } from '@tablero/domain';
import ExcelJS from 'exceljs';

/**
 * The rejected rows of an import, to fix in the original file and import
 * again, and the notes on the rows it accepted as something other than what
 * they say.
 */
export async function libroDeRechazos(
  importacion: Importacion,
  rechazos: ImportacionRechazo[],
  avisos: ImportacionAviso[] = [],
): Promise<Buffer> {
  const libro = new ExcelJS.Workbook();
  libro.creator = 'Tablero JPT (DNP)';
  libro.title = `Rechazos de la importación ${importacion.id}`;
  const hoja = libro.addWorksheet('Rechazos', { views: [{ state: 'frozen', ySplit: 1 }] });
  hoja.columns = [
    { header: 'Fila', key: 'fila', width: 8 },
    { header: 'Columna', key: 'columna', width: 22 },
    { header: 'Valor', key: 'valor', width: 30 },
    { header: 'Motivo', key: 'motivo', width: 80 },
  ];
  hoja.getRow(1).font = { bold: true };
  for (const r of rechazos) {
    hoja.addRow({
      fila: r.fila,
      columna: r.columna ?? '(fila)',
      valor: r.valor === null ? '' : celdaSegura(r.valor),
      motivo: celdaSegura(r.motivo),
    });
  }
  hoja.autoFilter = { from: 'A1', to: 'D1' };
  if (avisos.length) {
    const notas = libro.addWorksheet('Avisos', { views: [{ state: 'frozen', ySplit: 1 }] });
    notas.columns = [
      { header: 'Fila', key: 'fila', width: 8 },
      { header: 'Columna', key: 'columna', width: 22 },
      { header: 'Valor', key: 'valor', width: 30 },
      { header: 'Aviso', key: 'nota', width: 80 },
    ];
    notas.getRow(1).font = { bold: true };
    for (const a of avisos) {
      notas.addRow({
        fila: a.fila,
        columna: a.columna,
        valor: a.valor === null ? '' : celdaSegura(a.valor),
        nota: celdaSegura(a.nota),
      });
    }
  }
  const info = libro.addWorksheet('Importación');
  info.columns = [{ width: 22 }, { width: 60 }];
  const fila = (etiqueta: string, valor: string | number) =>
    info.addRow([etiqueta, typeof valor === 'string' ? celdaSegura(valor) : valor]);
  fila('Importación', Number(importacion.id));
  fila('Tipo', importacion.tipo);
  fila('Archivo', importacion.archivoNombre);
  fila('SHA-256', importacion.archivoSha256);
  fila('Filas leídas', importacion.filasLeidas);
  fila('Aceptadas', importacion.aceptadas);
  fila('Duplicadas', importacion.duplicadas);
  fila('Rechazadas', importacion.rechazadas);
  fila('Avisos', importacion.avisos);
  if (importacion.reintentoDe) fila('Reintento de la importación', Number(importacion.reintentoDe));
  info.getColumn(1).font = { bold: true };
  return Buffer.from(await libro.xlsx.writeBuffer());
}
