/** The audit log as a workbook or CSV for admins; every text cell formula-safe (who and what come from users). */
import { celdaSegura, nombreDeAccion } from '@tablero/domain';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { ColumnaHoja, fila, filtrar, nuevaHoja } from './hoja';

export interface EntradaDeAuditoria {
  readonly id: string;
  readonly en: Date;
  readonly quien: string;
  readonly origen: string;
  readonly accion: string;
  readonly detalle: Record<string, unknown>;
}

const COLUMNAS: readonly ColumnaHoja[] = [
  { titulo: 'N.º', ancho: 8, formato: 'entero' },
  { titulo: 'Fecha y hora (UTC)', ancho: 22, formato: 'texto' },
  { titulo: 'Quién', ancho: 24, formato: 'texto' },
  { titulo: 'Desde', ancho: 18, formato: 'texto' },
  { titulo: 'Acción', ancho: 24, formato: 'texto' },
  { titulo: 'Detalle', ancho: 80, formato: 'texto' },
];

const valores = (e: EntradaDeAuditoria) =>
  [
    Number(e.id),
    e.en.toISOString().replace('T', ' ').slice(0, 19),
    e.quien,
    e.origen,
    nombreDeAccion(e.accion),
    JSON.stringify(e.detalle),
  ] as const;

export async function libroDeAuditoria(entradas: readonly EntradaDeAuditoria[]): Promise<Buffer> {
  const libro = new ExcelJS.Workbook();
  const hoja = nuevaHoja(libro, 'Auditoría', COLUMNAS);
  for (const entrada of entradas) fila(hoja, valores(entrada));
  filtrar(hoja, COLUMNAS.length, entradas.length + 1);
  return Buffer.from(await libro.xlsx.writeBuffer());
}

export function csvDeAuditoria(entradas: readonly EntradaDeAuditoria[]): string {
  return stringify(
    [
      COLUMNAS.map((c) => c.titulo),
      ...entradas.map((e) => valores(e).map((v) => (typeof v === 'string' ? celdaSegura(v) : v))),
    ],
    { bom: true },
  );
}
