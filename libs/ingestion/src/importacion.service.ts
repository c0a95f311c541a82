/**
 * One import, end to end, in one transaction: the file is streamed row by
 * row, each row validated into a staging table through COPY (rejections
 * included, with their reasons), then merged into the model by one set-based
 * statement whose constraints make a re-import change nothing. A dry run does
 * all of it and rolls back. A crash or a kill leaves nothing behind.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Importacion, ImportacionRechazo, TipoImportacionCodigo } from '@tablero/domain';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { DataSource, QueryRunner } from 'typeorm';
import { comprobarTipoEnAlcance, rechazarFueraDeSusDepartamentos } from './alcance-departamental';
import { cargarCatalogos } from './catalogos';
import { abrirArchivo } from './lectura/archivo';
import { FilaCanonica, reconocer } from './lectura/formatos';
import { seudonimizador } from './seudonimo';
import { TIPOS } from './tipos';
import { Contexto, Opciones, Rechazo, TipoImportacion, ValorStage } from './tipos/tipo-importacion';

export const INGESTION_OPTIONS = Symbol('INGESTION_OPTIONS');

export interface IngestionOptions {
  /** The secret of the pseudonymous keys. It must never change once data is loaded. */
  readonly pseudonymKey: Buffer;
  /** The most an .xlsx may expand to when unzipped. */
  readonly maxXlsxExpandedBytes: number;
}

export interface SolicitudImportacion {
  readonly tipo: TipoImportacionCodigo;
  readonly ruta: string;
  readonly nombreArchivo: string;
  readonly usuario: string;
  /** The departments the importer is limited to: rows elsewhere are rejected, national kinds refused. */
  readonly departamentos?: readonly string[] | null;
  readonly dryRun?: boolean;
  readonly opciones?: Opciones;
  readonly alLeer?: (bytes: number, total: number) => void;
}

export interface RechazoDeFila extends Rechazo {
  readonly fila: number;
}

export interface InformeImportacion {
  /** Null for a dry run, which records nothing. */
  readonly id: string | null;
  readonly tipo: TipoImportacionCodigo;
  readonly formato: string;
  readonly dryRun: boolean;
  readonly archivo: { readonly nombre: string; readonly bytes: number; readonly sha256: string };
  readonly filas: {
    readonly leidas: number;
    readonly aceptadas: number;
    readonly actualizadas: number;
    readonly duplicadas: number;
    readonly rechazadas: number;
    readonly omitidas: number;
  };
  /** The worksheet read, for an .xlsx (the one named «Datos», or else the first with data). */
  readonly hoja: string | null;
  /** The first ignored columns' headers; `totalColumnasIgnoradas` counts them all. */
  readonly columnasIgnoradas: string[];
  readonly totalColumnasIgnoradas: number;
  /** What the import changed in a catalogue (territories), one line each. */
  readonly novedades: readonly string[];
  /** The first rejections; all of them are downloadable once the import is recorded. */
  readonly rechazos: RechazoDeFila[];
}

const MUESTRA_RECHAZOS = 100;
const LOTE_COPY = 256 * 1024;

@Injectable()
export class ImportacionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions,
  ) {}

  async importar(solicitud: SolicitudImportacion): Promise<InformeImportacion> {
    const tipo = TIPOS[solicitud.tipo];
    const departamentos = solicitud.departamentos ?? null;
    comprobarTipoEnAlcance(tipo.codigo, departamentos);
    const opciones =
      tipo.codigo === 'vistas'
        ? conFechaDelNombre(solicitud.opciones ?? {}, solicitud.nombreArchivo)
        : (solicitud.opciones ?? {});
    const { size } = await stat(solicitud.ruta);
    const sha256 = await hashArchivo(solicitud.ruta);
    const queryRunner = this.dataSource.createQueryRunner();
    const client = (await queryRunner.connect()) as PoolClient;
    await queryRunner.startTransaction();
    try {
      const catalogos = await cargarCatalogos(queryRunner.manager);
      const [{ id }] = await queryRunner.query(
        `INSERT INTO importacion (tipo, formato, archivo_nombre, archivo_bytes, archivo_sha256, usuario, opciones,
                                 departamentos)
         VALUES ($1, 'pendiente', $2, $3, $4, $5, $6, $7) RETURNING id::text`,
        [
          tipo.codigo,
          solicitud.nombreArchivo.slice(0, 255),
          size,
          sha256,
          solicitud.usuario.slice(0, 120),
          opciones,
          departamentos,
        ],
      );
      await queryRunner.query(
        `CREATE TEMP TABLE stage (fila integer NOT NULL, errores jsonb, ${tipo.stage
          .map(([nombre, sqlTipo]) => `${nombre} ${sqlTipo}`)
          .join(', ')}) ON COMMIT DROP`,
      );
      const lectura = await abrirArchivo(solicitud.ruta, {
        maxDescomprimido: this.options.maxXlsxExpandedBytes,
        alLeer: solicitud.alLeer && ((bytes) => solicitud.alLeer!(bytes, size)),
      });
      const tabla = await reconocer(lectura, tipo, opciones);
      const contexto: Contexto = {
        catalogos,
        opciones,
        seudonimo: seudonimizador(this.options.pseudonymKey),
        hoy: new Date().toISOString().slice(0, 10),
      };
      const leidas = await copiarAlStage(client, tipo, tabla.filas, contexto);
      if (departamentos)
        await rechazarFueraDeSusDepartamentos(queryRunner, tipo.codigo, departamentos);
      await tipo.revisar?.(queryRunner, contexto);

      await queryRunner.query(
        `INSERT INTO importacion_rechazo (importacion_id, fila, columna, valor, motivo)
         SELECT $1, s.fila, e.columna, e.valor, e.motivo
           FROM stage s, jsonb_to_recordset(s.errores) AS e(columna text, valor text, motivo text)
          WHERE s.errores IS NOT NULL ORDER BY s.fila`,
        [id],
      );
      const [{ validas, rechazadas }] = await queryRunner.query(
        `SELECT count(*) FILTER (WHERE errores IS NULL)::int AS validas,
                count(*) FILTER (WHERE errores IS NOT NULL)::int AS rechazadas FROM stage`,
      );
      const { aceptadas, actualizadas, novedades = [] } = await tipo.fusionar(queryRunner, id);
      const filas = {
        leidas,
        aceptadas,
        actualizadas,
        duplicadas: validas - aceptadas - actualizadas,
        rechazadas,
        omitidas: tabla.omitidas(),
      };
      await queryRunner.query(
        `UPDATE importacion SET formato = $2, filas_leidas = $3, aceptadas = $4, actualizadas = $5,
                duplicadas = $6, rechazadas = $7, omitidas = $8 WHERE id = $1`,
        [
          id,
          tabla.formato,
          filas.leidas,
          filas.aceptadas,
          filas.actualizadas,
          filas.duplicadas,
          filas.rechazadas,
          filas.omitidas,
        ],
      );
      const rechazos = await muestraDeRechazos(queryRunner, id);
      if (solicitud.dryRun) await queryRunner.rollbackTransaction();
      else await queryRunner.commitTransaction();
      return {
        id: solicitud.dryRun ? null : id,
        tipo: tipo.codigo,
        formato: tabla.formato,
        dryRun: !!solicitud.dryRun,
        archivo: { nombre: solicitud.nombreArchivo, bytes: size, sha256 },
        filas,
        hoja: tabla.hoja,
        columnasIgnoradas: tabla.columnasIgnoradas,
        totalColumnasIgnoradas: tabla.totalColumnasIgnoradas,
        novedades,
        rechazos,
      };
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /** The latest imports a principal may see: a department-limited one, only those within its departments. */
  listar(departamentos: readonly string[] | null, limite = 100): Promise<Importacion[]> {
    return this.visibles(departamentos).orderBy('i.id', 'DESC').take(limite).getMany();
  }

  buscar(id: string, departamentos: readonly string[] | null): Promise<Importacion | null> {
    return this.visibles(departamentos).andWhere('i.id = :id', { id }).getOne();
  }

  private visibles(departamentos: readonly string[] | null) {
    const consulta = this.dataSource.getRepository(Importacion).createQueryBuilder('i');
    return departamentos
      ? consulta.where('i.departamentos <@ :departamentos::varchar[]', { departamentos })
      : consulta;
  }

  rechazos(importacionId: string): Promise<ImportacionRechazo[]> {
    return this.dataSource
      .getRepository(ImportacionRechazo)
      .find({ where: { importacionId }, order: { fila: 'ASC', id: 'ASC' } });
  }
}

/** Streams validated rows into the staging table with COPY, honouring back-pressure. Returns the rows read. */
async function copiarAlStage(
  client: PoolClient,
  tipo: TipoImportacion,
  filas: AsyncIterable<FilaCanonica>,
  contexto: Contexto,
): Promise<number> {
  const columnas = ['fila', 'errores', ...tipo.stage.map(([nombre]) => nombre)];
  const copia: Writable = client.query(
    copyFrom(`COPY stage (${columnas.join(', ')}) FROM STDIN (FORMAT csv)`),
  );
  const terminada = new Promise<void>((resolve, reject) => {
    copia.on('finish', resolve);
    copia.on('error', reject);
  });
  let leidas = 0;
  // Rows go to the server in chunks: one socket write per row would cost more than the rows.
  let lote: string[] = [];
  let tamano = 0;
  const enviar = async () => {
    if (lote.length === 0) return;
    const ok = copia.write(lote.join(''));
    lote = [];
    tamano = 0;
    if (!ok) await once(copia, 'drain');
  };
  try {
    for await (const fila of filas) {
      leidas++;
      const resultado: ReturnType<TipoImportacion['validar']> = fila.problemas
        ? {
            rechazos: fila.problemas.map((p) => ({
              columna: p.campo,
              valor: null,
              motivo: p.motivo,
            })),
          }
        : tipo.validar(fila.valores, contexto);
      const linea =
        'rechazos' in resultado
          ? lineaCsv([
              fila.numero,
              JSON.stringify(resultado.rechazos),
              ...tipo.stage.map(() => null),
            ])
          : lineaCsv([fila.numero, null, ...resultado.valores]);
      lote.push(linea);
      tamano += linea.length;
      if (tamano >= LOTE_COPY) await enviar();
    }
    await enviar();
  } catch (error) {
    copia.destroy(error as Error);
    await terminada.catch(() => undefined);
    throw error;
  }
  copia.end();
  await terminada;
  return leidas;
}

/** One line of COPY's CSV format: an unquoted empty field is NULL, a quoted one an empty string. */
function lineaCsv(valores: (ValorStage | undefined)[]): string {
  return (
    valores
      .map((v) => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return String(v);
        if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
        if (Array.isArray(v))
          return comillas(`{${v.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
        return comillas(v);
      })
      .join(',') + '\n'
  );
}

function comillas(texto: string): string {
  return `"${texto.replace(/"/g, '""')}"`;
}

async function muestraDeRechazos(queryRunner: QueryRunner, id: string): Promise<RechazoDeFila[]> {
  return queryRunner.query(
    `SELECT fila, columna, valor, motivo FROM importacion_rechazo WHERE importacion_id = $1
      ORDER BY fila, id LIMIT ${MUESTRA_RECHAZOS}`,
    [id],
  );
}

/**
 * YouTube Studio names its exports after the period they cover
 * ("Contenido 2023-04-01_2023-12-31 Canal.zip"): without an explicit cut-off
 * date, the last date in the file name is the snapshot date.
 */
export function conFechaDelNombre(opciones: Opciones, nombreArchivo: string): Opciones {
  if (opciones.fechaCorte) return opciones;
  const fechas = nombreArchivo.match(/\d{4}-\d{2}-\d{2}/g);
  return fechas ? { ...opciones, fechaCorte: fechas[fechas.length - 1] } : opciones;
}

function hashArchivo(ruta: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(ruta)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
