/**
 * The record-level export: one row per attendance, the person as its
 * pseudonymous key only, streamed from a database cursor to CSV or .xlsx so
 * that a million rows take the memory of one batch. Rows come in the table's
 * own order: sorting them would make the first row wait for the last. A sheet holds at most
 * 1.048.576 rows: a larger export continues on further sheets. Stops as soon
 * as the signal aborts (the client went away).
 */
import { conexionDeLectura } from '@tablero/database';
import { celdaSegura } from '@tablero/domain';
import { ctesDeHechos, filtroDeHechos, Consulta, Filtros } from '@tablero/metrics';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import { DataSource } from 'typeorm';

export const COLUMNAS_DETALLE = [
  'clave_persona',
  'codigo_actividad',
  'fase',
  'tipo_actividad',
  'fecha',
  'codigo_municipio',
  'municipio',
  'grupo_de_valor',
  'modalidad',
  'sexo',
] as const;

/** Excel's limit, less the header row. */
export const FILAS_POR_HOJA = 1_048_575;
const LOTE = 5000;

export interface OpcionesDetalle {
  readonly formato: 'csv' | 'xlsx';
  readonly senal?: AbortSignal;
  readonly filasPorHoja?: number;
  readonly alAvanzar?: (filas: number) => void;
  /** The most rows to export (a preview, a benchmark of a given size). */
  readonly limite?: number;
}

type FilaDetalle = (string | null)[];

export async function exportarDetalle(
  dataSource: DataSource,
  f: Filtros,
  destino: Writable,
  opciones: OpcionesDetalle,
): Promise<number> {
  const q = new Consulta();
  const ctes = ctesDeHechos(f, q, 'actividad');
  const filtro = filtroDeHechos(f, q, 'x');
  const sql = `WITH ${ctes}
    SELECT x.clave, x.actividad_codigo, x.fase, x.tipo, x.fecha, x.territorio, x.municipio, x.grupo, x.modalidad, x.sexo
      FROM (SELECT encode(s.persona_clave, 'hex') AS clave, s.actividad_codigo, act.fase_codigo AS fase,
                   act.tipo_codigo AS tipo, to_char(s.fecha, 'DD/MM/YYYY') AS fecha, s.municipio_codigo AS territorio,
                   t.nombre AS municipio, s.grupo_de_valor_codigo AS grupo, s.modalidad, s.sexo,
                   act.subregion_codigo AS subregion, NULL::varchar AS objetivo
              FROM asistencia s JOIN act ON act.codigo = s.actividad_codigo
              LEFT JOIN territorio t ON t.codigo = s.municipio_codigo) x
     WHERE ${filtro}
     ${opciones.limite ? `LIMIT ${q.p(opciones.limite)}` : ''}`;
  const runner = await conexionDeLectura(dataSource);
  const client = (await runner.connect()) as PoolClient;
  const cursor = client.query(new Cursor(sql, q.params, { rowMode: 'array' }));
  const escritor =
    opciones.formato === 'csv'
      ? escritorCsv(destino)
      : escritorXlsx(destino, opciones.filasPorHoja ?? FILAS_POR_HOJA);
  let filas = 0;
  try {
    for (;;) {
      if (opciones.senal?.aborted) throw new ExportacionCancelada();
      const lote = (await cursor.read(LOTE)) as FilaDetalle[];
      if (lote.length === 0) break;
      for (const fila of lote)
        await escritor.escribir(fila.map((v) => (v === null ? null : celdaSegura(String(v)))));
      filas += lote.length;
      opciones.alAvanzar?.(filas);
    }
    await escritor.cerrar();
    return filas;
  } finally {
    await cursor.close().catch(() => undefined);
    await runner.release();
  }
}

export class ExportacionCancelada extends Error {
  constructor() {
    super('La exportación se canceló.');
  }
}

interface Escritor {
  escribir(fila: (string | null)[]): Promise<void>;
  cerrar(): Promise<void>;
}

function escritorCsv(destino: Writable): Escritor {
  // Semicolons: what Excel configured for Spanish expects in a CSV.
  const csv = stringify({
    header: true,
    columns: [...COLUMNAS_DETALLE],
    bom: true,
    delimiter: ';',
  });
  csv.pipe(destino);
  return {
    async escribir(fila) {
      if (!csv.write(fila)) await once(csv, 'drain');
    },
    async cerrar() {
      csv.end();
      await once(destino, 'finish').catch(() => undefined);
    },
  };
}

function escritorXlsx(destino: Writable, filasPorHoja: number): Escritor {
  const libro = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: destino,
    useStyles: false,
    useSharedStrings: false,
  });
  libro.creator = 'Tablero JPT (DNP)';
  let hoja: ExcelJS.Worksheet | undefined;
  let enHoja = 0;
  let numero = 0;
  const nuevaHoja = () => {
    numero++;
    hoja = libro.addWorksheet(numero === 1 ? 'Detalle' : `Detalle ${numero}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    hoja.addRow([...COLUMNAS_DETALLE]).commit();
    enHoja = 0;
  };
  return {
    async escribir(fila) {
      if (!hoja || enHoja === filasPorHoja) {
        if (hoja) hoja.commit();
        nuevaHoja();
      }
      hoja!.addRow(fila).commit();
      enHoja++;
      if (destino.writableNeedDrain) await once(destino, 'drain');
    },
    async cerrar() {
      if (!hoja) nuevaHoja();
      hoja!.commit();
      await libro.commit();
    },
  };
}
