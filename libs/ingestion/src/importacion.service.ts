/**
 * One import, end to end, in one transaction: the file is streamed row by
 * row, each row validated into a staging table through COPY (rejections
 * included, with their reasons), then merged into the model by one set-based
 * statement whose constraints make a re-import change nothing. A dry run does
 * all of it and rolls back. A crash or a kill leaves nothing behind.
 * A re-run takes the rows an import kept because they were rejected only for
 * unknown values, instead of a file, through the same steps, as a new import.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Importacion,
  ImportacionAviso,
  ImportacionRechazo,
  TipoImportacionCodigo,
} from '@tablero/domain';
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
import { FilaCanonica, reconocer, Tabla } from './lectura/formatos';
import { seudonimizador } from './seudonimo';
import { TIPOS } from './tipos';
import {
  Aviso,
  Contexto,
  Opciones,
  Rechazo,
  TipoImportacion,
  Tramo,
  ValorStage,
} from './tipos/tipo-importacion';

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

/** A re-run of an import's rejected rows: the request of an import, without the file. */
export type SolicitudReintento = Omit<
  SolicitudImportacion,
  'tipo' | 'ruta' | 'nombreArchivo' | 'dryRun' | 'opciones' | 'alLeer'
> & { readonly importacionId: string };

/** A re-run asked of an import that has no rejected row left to run again. */
export class SinFilasPendientes extends Error {}

export interface RechazoDeFila extends Rechazo {
  readonly fila: number;
}

export interface AvisoDeFila extends Aviso {
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
  /** The first notes on accepted rows (a code DANE annulled, read as its successor); all of them download with the rejections. */
  readonly avisos: AvisoDeFila[];
  readonly totalAvisos: number;
  /** For a re-run, the import whose rejected rows it ran again. */
  readonly reintentoDe: string | null;
}

/** How an import gets its rows and what it records of their origin. */
interface Origen {
  readonly tipo: TipoImportacion;
  readonly opciones: Opciones;
  readonly archivo: InformeImportacion['archivo'];
  readonly reintentoDe: string | null;
  /** Opens the rows, inside the import's transaction (before COPY starts on its connection). */
  abrir(queryRunner: QueryRunner): Promise<Tabla>;
}

const MUESTRA_RECHAZOS = 100;
const LOTE_COPY = 256 * 1024;
/** Rows validated, staged and merged together: large enough for set-based merges, small enough to keep in memory. */
const FILAS_POR_TRAMO = 25_000;

@Injectable()
export class ImportacionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions,
  ) {}

  async importar(solicitud: SolicitudImportacion): Promise<InformeImportacion> {
    const tipo = TIPOS[solicitud.tipo];
    comprobarTipoEnAlcance(tipo.codigo, solicitud.departamentos ?? null);
    const opciones =
      tipo.codigo === 'vistas'
        ? conFechaDelNombre(solicitud.opciones ?? {}, solicitud.nombreArchivo)
        : (solicitud.opciones ?? {});
    const { size } = await stat(solicitud.ruta);
    const sha256 = await hashArchivo(solicitud.ruta);
    return this.ejecutar(solicitud, {
      tipo,
      opciones,
      archivo: { nombre: solicitud.nombreArchivo, bytes: size, sha256 },
      reintentoDe: null,
      abrir: async () => {
        const lectura = await abrirArchivo(solicitud.ruta, {
          maxDescomprimido: this.options.maxXlsxExpandedBytes,
          alLeer: solicitud.alLeer && ((bytes) => solicitud.alLeer!(bytes, size)),
        });
        return reconocer(lectura, tipo, opciones);
      },
    });
  }

  /**
   * Runs again, as a new import, the rows an import kept because they were
   * rejected only for unknown values, with today's catalogues and aliases:
   * those accepted now are marked resolved and never run again; the others
   * are rejected again, saying why. Re-runs of one import take turns.
   */
  async reintentar(solicitud: SolicitudReintento): Promise<InformeImportacion> {
    const original = await this.buscar(solicitud.importacionId, solicitud.departamentos ?? null);
    if (!original) throw new Error(`No existe la importación ${solicitud.importacionId}.`);
    return this.ejecutar(solicitud, {
      tipo: TIPOS[original.tipo],
      opciones: original.opciones,
      archivo: {
        nombre: original.archivoNombre,
        bytes: Number(original.archivoBytes),
        sha256: original.archivoSha256,
      },
      reintentoDe: original.id,
      abrir: async (queryRunner) => {
        await queryRunner.query('SELECT 1 FROM importacion WHERE id = $1 FOR UPDATE', [
          original.id,
        ]);
        const pendientes: { fila: number; valores: FilaCanonica['valores'] }[] =
          await queryRunner.query(
            `SELECT fila, valores FROM importacion_fila_rechazada
              WHERE importacion_id = $1 AND resuelta_por IS NULL ORDER BY fila`,
            [original.id],
          );
        if (pendientes.length === 0) {
          throw new SinFilasPendientes(
            `La importación ${original.id} no tiene filas rechazadas pendientes que se puedan volver a procesar.`,
          );
        }
        return {
          formato: 'reintento',
          hoja: null,
          columnasIgnoradas: [],
          totalColumnasIgnoradas: 0,
          filas: (async function* () {
            for (const p of pendientes) yield { numero: p.fila, valores: p.valores };
          })(),
          omitidas: () => 0,
        };
      },
    });
  }

  private async ejecutar(
    solicitud: Pick<SolicitudImportacion, 'usuario' | 'dryRun' | 'departamentos'>,
    origen: Origen,
  ): Promise<InformeImportacion> {
    const { tipo, opciones, archivo, reintentoDe } = origen;
    const departamentos = solicitud.departamentos ?? null;
    comprobarTipoEnAlcance(tipo.codigo, departamentos);
    const queryRunner = this.dataSource.createQueryRunner();
    const client = (await queryRunner.connect()) as PoolClient;
    await queryRunner.startTransaction();
    try {
      const catalogos = await cargarCatalogos(queryRunner.manager);
      const [{ id }] = await queryRunner.query(
        `INSERT INTO importacion (tipo, formato, archivo_nombre, archivo_bytes, archivo_sha256, usuario, opciones,
                                 departamentos, reintento_de)
         VALUES ($1, 'pendiente', $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
        [
          tipo.codigo,
          archivo.nombre.slice(0, 255),
          archivo.bytes,
          archivo.sha256,
          solicitud.usuario.slice(0, 120),
          opciones,
          departamentos,
          reintentoDe,
        ],
      );
      await queryRunner.query(
        `CREATE TEMP TABLE stage (tramo integer NOT NULL, fila integer NOT NULL, errores jsonb, avisos jsonb, conservada jsonb, ${tipo.stage
          .map(([nombre, sqlTipo]) => `${nombre} ${sqlTipo}`)
          .join(', ')}) ON COMMIT DROP`,
      );
      // Each chunk's merge reads its own rows, not the whole table again.
      if (tipo.porTramos) await queryRunner.query('CREATE INDEX ON stage (tramo)');
      const tabla = await origen.abrir(queryRunner);
      const contexto: Contexto = {
        catalogos,
        opciones,
        seudonimo: seudonimizador(this.options.pseudonymKey),
        hoy: new Date().toISOString().slice(0, 10),
      };
      const fusion = { aceptadas: 0, actualizadas: 0, novedades: [] as string[] };
      // The rows of a chunk, or all of them: limited to the principal's departments, checked
      // against each other (a kind that merges by chunks has no such check), then merged.
      const fusionar = async (tramo?: Tramo) => {
        if (departamentos)
          await rechazarFueraDeSusDepartamentos(queryRunner, tipo.codigo, departamentos, tramo);
        if (!tramo) await tipo.revisar?.(queryRunner, contexto);
        const {
          aceptadas,
          actualizadas,
          novedades = [],
        } = await tipo.fusionar(queryRunner, id, tramo);
        fusion.aceptadas += aceptadas;
        fusion.actualizadas += actualizadas;
        fusion.novedades.push(...novedades);
      };
      const leidas = await copiarAlStage(
        client,
        tipo,
        tabla.filas,
        contexto,
        tipo.porTramos ? fusionar : undefined,
      );
      if (!tipo.porTramos) await fusionar();

      await queryRunner.query(
        `INSERT INTO importacion_rechazo (importacion_id, fila, columna, valor, motivo, catalogo, desconocido)
         SELECT $1, s.fila, e.columna, e.valor, e.motivo, e.catalogo, e.desconocido
           FROM stage s,
                jsonb_to_recordset(s.errores) AS e(columna text, valor text, motivo text, catalogo text, desconocido text)
          WHERE s.errores IS NOT NULL ORDER BY s.fila`,
        [id],
      );
      const [{ validas, rechazadas }] = await queryRunner.query(
        `SELECT count(*) FILTER (WHERE errores IS NULL)::int AS validas,
                count(*) FILTER (WHERE errores IS NOT NULL)::int AS rechazadas FROM stage`,
      );
      const { aceptadas, actualizadas, novedades } = fusion;
      const totalAvisos = await registrarFilas(queryRunner, id, reintentoDe);
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
                duplicadas = $6, rechazadas = $7, omitidas = $8, avisos = $9 WHERE id = $1`,
        [
          id,
          tabla.formato,
          filas.leidas,
          filas.aceptadas,
          filas.actualizadas,
          filas.duplicadas,
          filas.rechazadas,
          filas.omitidas,
          totalAvisos,
        ],
      );
      const rechazos = await muestraDeRechazos(queryRunner, id);
      const avisos = await muestraDeAvisos(queryRunner, id);
      if (solicitud.dryRun) await queryRunner.rollbackTransaction();
      else await queryRunner.commitTransaction();
      return {
        id: solicitud.dryRun ? null : id,
        tipo: tipo.codigo,
        formato: tabla.formato,
        dryRun: !!solicitud.dryRun,
        archivo,
        filas,
        hoja: tabla.hoja,
        columnasIgnoradas: tabla.columnasIgnoradas,
        totalColumnasIgnoradas: tabla.totalColumnasIgnoradas,
        novedades,
        rechazos,
        avisos,
        totalAvisos,
        reintentoDe,
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

  avisos(importacionId: string): Promise<ImportacionAviso[]> {
    return this.dataSource
      .getRepository(ImportacionAviso)
      .find({ where: { importacionId }, order: { fila: 'ASC', id: 'ASC' } });
  }
}

/**
 * What the import records of its rows beside the facts: the notes on its
 * accepted rows, and the rows rejected only for unknown values, kept to run
 * again (a re-run's are already kept by its original, which instead learns
 * which of them this run accepted). Returns the notes recorded.
 */
async function registrarFilas(
  queryRunner: QueryRunner,
  id: string,
  reintentoDe: string | null,
): Promise<number> {
  const [{ avisos }] = await queryRunner.query(
    `WITH registrados AS (
       INSERT INTO importacion_aviso (importacion_id, fila, columna, valor, nota)
       SELECT $1, s.fila, a.columna, a.valor, a.nota
         FROM stage s, jsonb_to_recordset(s.avisos) AS a(columna text, valor text, nota text)
        WHERE s.avisos IS NOT NULL AND s.errores IS NULL ORDER BY s.fila
       RETURNING 1)
     SELECT count(*)::int AS avisos FROM registrados`,
    [id],
  );
  if (reintentoDe === null) {
    await queryRunner.query(
      `INSERT INTO importacion_fila_rechazada (importacion_id, fila, valores)
       SELECT $1, fila, conservada FROM stage WHERE conservada IS NOT NULL`,
      [id],
    );
  } else {
    await queryRunner.query(
      `UPDATE importacion_fila_rechazada SET resuelta_por = $1
        WHERE importacion_id = $2 AND resuelta_por IS NULL
          AND fila IN (SELECT fila FROM stage WHERE errores IS NULL)`,
      [id, reintentoDe],
    );
  }
  return avisos as number;
}

/**
 * Validates the rows and stages them with COPY a chunk at a time. For a kind
 * that merges by chunks, each chunk's merge runs on the server while this
 * process validates the next rows. Returns the rows read.
 */
async function copiarAlStage(
  client: PoolClient,
  tipo: TipoImportacion,
  filas: AsyncIterable<FilaCanonica>,
  contexto: Contexto,
  fusionarTramo?: (tramo: Tramo) => Promise<void>,
): Promise<number> {
  const columnas = [
    'tramo',
    'fila',
    'errores',
    'avisos',
    'conservada',
    ...tipo.stage.map(([n]) => n),
  ];
  const sentencia = `COPY stage (${columnas.join(', ')}) FROM STDIN (FORMAT csv)`;
  let leidas = 0;
  let numero = 0;
  let lineas: string[] = [];
  // The previous chunk's merge: settles to its error, or null.
  let fusion: Promise<unknown> = Promise.resolve(null);
  const fusionTerminada = async () => {
    const error = await fusion;
    if (error) throw error;
  };
  const copiar = async () => {
    await fusionTerminada();
    await copiarLineas(client, sentencia, lineas);
    lineas = [];
    const tramo = { numero: numero++ };
    if (fusionarTramo)
      fusion = fusionarTramo(tramo).then(
        () => null,
        (error: unknown) => error,
      );
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
      lineas.push(
        'rechazos' in resultado
          ? lineaCsv([
              numero,
              fila.numero,
              JSON.stringify(resultado.rechazos),
              null,
              resultado.conservada ? JSON.stringify(resultado.conservada) : null,
              ...tipo.stage.map(() => null),
            ])
          : lineaCsv([
              numero,
              fila.numero,
              null,
              resultado.avisos ? JSON.stringify(resultado.avisos) : null,
              null,
              ...resultado.valores,
            ]),
      );
      if (lineas.length >= FILAS_POR_TRAMO) await copiar();
    }
    if (lineas.length > 0) await copiar();
    await fusionTerminada();
  } catch (error) {
    // The connection is the transaction's: its rollback waits for a merge still running.
    await fusion;
    throw error;
  }
  return leidas;
}

/** One COPY of the lines, sent in batches that honour back-pressure: one socket write per row would cost more than the rows. */
async function copiarLineas(
  client: PoolClient,
  sentencia: string,
  lineas: string[],
): Promise<void> {
  const copia: Writable = client.query(copyFrom(sentencia));
  const terminada = new Promise<void>((resolve, reject) => {
    copia.on('finish', resolve);
    copia.on('error', reject);
  });
  try {
    let lote: string[] = [];
    let tamano = 0;
    for (const linea of lineas) {
      lote.push(linea);
      tamano += linea.length;
      if (tamano >= LOTE_COPY) {
        const ok = copia.write(lote.join(''));
        lote = [];
        tamano = 0;
        if (!ok) await once(copia, 'drain');
      }
    }
    if (lote.length > 0) copia.write(lote.join(''));
  } catch (error) {
    copia.destroy(error as Error);
    await terminada.catch(() => undefined);
    throw error;
  }
  copia.end();
  await terminada;
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
  const filas: (RechazoDeFila & { catalogo: string | null; desconocido: string | null })[] =
    await queryRunner.query(
      `SELECT fila, columna, valor, motivo, catalogo, desconocido FROM importacion_rechazo
        WHERE importacion_id = $1 ORDER BY fila, id LIMIT ${MUESTRA_RECHAZOS}`,
      [id],
    );
  // Only a value a catalogue did not know says which: the rest read as before.
  return filas.map(({ catalogo, desconocido, ...r }) =>
    catalogo ? { ...r, catalogo: catalogo as Rechazo['catalogo'], desconocido: desconocido! } : r,
  );
}

async function muestraDeAvisos(queryRunner: QueryRunner, id: string): Promise<AvisoDeFila[]> {
  return queryRunner.query(
    `SELECT fila, columna, valor, nota FROM importacion_aviso WHERE importacion_id = $1
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
