/** Files as DNP teams have them, written by the tests themselves. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';

export const carpeta = mkdtempSync(join(tmpdir(), 'tablero-fixtures-'));
const borrar = () => rmSync(carpeta, { recursive: true, force: true });
// The files go with the test file that wrote them, or with the benchmark when it exits.
if (typeof afterAll === 'function') afterAll(borrar);
else process.on('exit', borrar);

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
  return escribirZip(zip, ruta);
}

/** An .xlsx made of the given parts (workbook, its relations and one sheet are added). */
export function xlsxDePartes(
  nombre: string,
  hoja: string,
  otras: Record<string, string | Buffer> = {},
): Promise<string> {
  const partes: Record<string, string | Buffer> = {
    'xl/workbook.xml':
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="Datos" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': hoja,
    ...otras,
  };
  const ruta = join(carpeta, nombre);
  const zip = new yazl.ZipFile();
  for (const [parte, contenido] of Object.entries(partes))
    zip.addBuffer(Buffer.from(contenido), parte);
  return escribirZip(zip, ruta);
}

/**
 * An .xlsx whose shared strings hold `megas` MB of text while the zip's
 * index declares them 5.000 bytes: the declared sizes pass any limit.
 */
export async function xlsxQueMiente(nombre: string, megas: number): Promise<string> {
  const texto = 'x'.repeat(1000);
  const si = `<si><t>${texto}</t></si>`;
  const cuantas = Math.ceil((megas * 1024 * 1024) / si.length);
  const ruta = await xlsxDePartes(
    nombre,
    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    { 'xl/sharedStrings.xml': `<sst>${si.repeat(cuantas)}</sst>` },
  );
  const zip = readFileSync(ruta);
  const nombreParte = Buffer.from('xl/sharedStrings.xml');
  // Central directory entries: signature, then at 24 the uncompressed size, at 46 the name.
  for (let i = zip.indexOf(0x02014b50 & 0xff); i >= 0; i = zip.indexOf(0x50, i + 1)) {
    if (zip.readUInt32LE(i) !== 0x02014b50) continue;
    const largo = zip.readUInt16LE(i + 28);
    if (zip.subarray(i + 46, i + 46 + largo).equals(nombreParte)) zip.writeUInt32LE(5000, i + 24);
  }
  writeFileSync(ruta, zip);
  return ruta;
}

/** Ends the zip and writes it to `ruta`, resolving with the path once it is on disk. */
function escribirZip(zip: yazl.ZipFile, ruta: string): Promise<string> {
  zip.end();
  return new Promise((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(ruta))
      .on('close', () => resolve(ruta))
      .on('error', reject),
  );
}

/** The header of a responses sheet as Google Forms downloads it, in its Spanish words. */
export const ENCABEZADO_FORMULARIO = [
  'Marca temporal',
  'Dirección de correo electrónico',
  'Nombre completo',
  'Tipo de documento',
  'Número de documento',
  'Departamento',
  'Municipio',
  'Grupo de valor',
];
