/** Files as DNP teams have them, written by the tests themselves. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';

export const carpeta = mkdtempSync(join(tmpdir(), 'tablero-fixtures-'));

export function texto(
  nombre: string,
  filas: (string | number)[][],
  {
    separador = ',',
    codificacion = 'utf8',
    bom = false,
  }: { separador?: string; codificacion?: string; bom?: boolean } = {},
): string {
  const campo = (valor: string | number) => {
    const t = String(valor);
    return t.includes(separador) || t.includes('"') ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const contenido = filas.map((f) => f.map(campo).join(separador)).join('\r\n') + '\r\n';
  const bytes = iconv.encode(contenido, codificacion, { addBOM: bom });
  const ruta = join(carpeta, nombre);
  writeFileSync(ruta, bytes);
  return ruta;
}

export async function xlsx(nombre: string, filas: ExcelJS.CellValue[][]): Promise<string> {
  const libro = new ExcelJS.Workbook();
  const hoja = libro.addWorksheet('Datos');
  for (const fila of filas) hoja.addRow(fila);
  const ruta = join(carpeta, nombre);
  await libro.xlsx.writeFile(ruta);
  return ruta;
}

export function bytes(nombre: string, contenido: Buffer): string {
  const ruta = join(carpeta, nombre);
  writeFileSync(ruta, contenido);
  return ruta;
}

/** A small .xlsx-looking zip whose one sheet expands to `megas` MB of spaces. */
export function bombaZip(nombre: string, megas: number): Promise<string> {
  const ruta = join(carpeta, nombre);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<Types/>'), '[Content_Types].xml');
  const bloque = Buffer.alloc(1024 * 1024, 0x20);
  const hoja = Readable.from(
    (function* () {
      for (let i = 0; i < megas; i++) yield bloque;
    })(),
  );
  zip.addReadStream(hoja, 'xl/worksheets/sheet1.xml');
  zip.end();
  return new Promise((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(ruta))
      .on('close', () => resolve(ruta))
      .on('error', reject),
  );
}
