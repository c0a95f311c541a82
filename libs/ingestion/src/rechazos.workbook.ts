import {
  celdaSegura,
  letra,
  Importacion,
  ImportacionAviso,
  ImportacionRechazo,
} from '@tablero/domain';
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
  const hoja = hojaDeFilas(
    libro,
    'Rechazos',
    'Motivo',
    rechazos.map((r) => ({ ...r, columna: r.columna ?? '(fila)', texto: r.motivo })),
  );
  hoja.autoFilter = { from: 'A1', to: 'D1' };
  if (avisos.length)
    hojaDeFilas(
      libro,
      'Avisos',
      'Aviso',
      avisos.map((a) => ({ ...a, texto: a.nota })),
    );
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
  info.getColumn(1).font = letra({ bold: true });
  return Buffer.from(await libro.xlsx.writeBuffer());
}

/** A rejection or a note: the row and column it is about, the value read and what it says. */
interface FilaSenalada {
  readonly fila: number;
  readonly columna: string;
  readonly valor: string | null;
  readonly texto: string;
}

function hojaDeFilas(
  libro: ExcelJS.Workbook,
  nombre: string,
  titulo: string,
  filas: readonly FilaSenalada[],
): ExcelJS.Worksheet {
  const hoja = libro.addWorksheet(nombre, { views: [{ state: 'frozen', ySplit: 1 }] });
  hoja.columns = [
    { header: 'Fila', key: 'fila', width: 8 },
    { header: 'Columna', key: 'columna', width: 22 },
    { header: 'Valor', key: 'valor', width: 30 },
    { header: titulo, key: 'texto', width: 80 },
  ];
  hoja.getRow(1).font = letra({ bold: true });
  for (const f of filas) {
    hoja.addRow({
      fila: f.fila,
      columna: f.columna,
      valor: f.valor === null ? '' : celdaSegura(f.valor),
      texto: celdaSegura(f.texto),
    });
  }
  return hoja;
}
