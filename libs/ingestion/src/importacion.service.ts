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
import { DataSource, QueryRunner } from 'typeorm';
import { comprobarTipoEnAlcance, rechazarFueraDeSusDepartamentos } from './alcance-departamental';
import { construirCatalogos, FuentesDeCatalogos, leerCatalogos } from './catalogos';
import { abrirArchivo } from './lectura/archivo';
import { FilaCanonica, reconocer } from './lectura/formatos';
import { seudonimizador } from './seudonimo';
import { TIPOS } from './tipos';
import {
  Aviso,
  Contexto,
  Opciones,
  Rechazo,
  TipoImportacion,
  Tramo,
} from './tipos/tipo-importacion';
import { hayHiloDeValidacion, validarEnHilo } from './validacion/en-hilo';
import { TablaValidada, validarAqui } from './validacion/tabla-validada';
import { COLUMNAS_DEL_STAGE, TramoValidado } from './validacion/tramos';

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
  /** Opens the rows, validated, inside the import's transaction (before COPY starts on its connection). */
  abrir(apertura: Apertura): Promise<TablaValidada>;
}

interface Apertura {
  readonly queryRunner: QueryRunner;
  readonly contexto: Contexto;
  /** The catalogues' rows the context was built from. */
  readonly catalogos: FuentesDeCatalogos;
}

const MUESTRA_RECHAZOS = 100;
/**
 * From this size on, a file is read and validated in a thread of its own: a
 * smaller one is done in a few seconds, and the thread takes a quarter of a second to start.
 */
const BYTES_PARA_VALIDAR_EN_HILO = 4 * 1024 * 1024;

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
      abrir: async ({ contexto, catalogos }) => {
        const alLeer = solicitud.alLeer && ((bytes: number) => solicitud.alLeer!(bytes, size));
        if (hayHiloDeValidacion && size >= BYTES_PARA_VALIDAR_EN_HILO) {
          return validarEnHilo(
            {
              ruta: solicitud.ruta,
              tipo: tipo.codigo,
              opciones,
              maxDescomprimido: this.options.maxXlsxExpandedBytes,
              catalogos,
              secreto: this.options.pseudonymKey,
              hoy: contexto.hoy,
            },
            alLeer,
          );
        }
        const lectura = await abrirArchivo(solicitud.ruta, {
          maxDescomprimido: this.options.maxXlsxExpandedBytes,
          alLeer,
        });
        return validarAqui(await reconocer(lectura, tipo, opciones), tipo, contexto);
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
    const tipo = TIPOS[original.tipo];
    return this.ejecutar(solicitud, {
      tipo,
      opciones: original.opciones,
      archivo: {
        nombre: original.archivoNombre,
        bytes: Number(original.archivoBytes),
        sha256: original.archivoSha256,
      },
      reintentoDe: original.id,
      abrir: async ({ queryRunner, contexto }) => {
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
        const tabla = {
          formato: 'reintento',
          hoja: null,
          columnasIgnoradas: [],
          totalColumnasIgnoradas: 0,
          filas: (async function* () {
            for (const p of pendientes) yield { numero: p.fila, valores: p.valores };
          })(),
          omitidas: () => 0,
        };
        return validarAqui(tabla, tipo, contexto);
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
    let tabla: TablaValidada | undefined;
    try {
      const catalogos = await leerCatalogos(queryRunner.manager);
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
        `CREATE TEMP TABLE stage (${[...COLUMNAS_DEL_STAGE, ...tipo.stage]
          .map(([nombre, sqlTipo]) => `${nombre} ${sqlTipo}`)
          .join(', ')}) ON COMMIT DROP`,
      );
      // Each chunk's merge reads its own rows, not the whole table again.
      if (tipo.porTramos) await queryRunner.query('CREATE INDEX ON stage (tramo)');
      const contexto: Contexto = {
        catalogos: construirCatalogos(catalogos),
        opciones,
        seudonimo: seudonimizador(this.options.pseudonymKey),
        hoy: new Date().toISOString().slice(0, 10),
      };
      tabla = await origen.abrir({ queryRunner, contexto, catalogos });
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
        tabla.tramos,
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
      await tabla?.cerrar();
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
 * Stages the validated rows with COPY a chunk at a time. For a kind that
 * merges by chunks, each chunk's merge runs on the server while the next
 * rows are validated. Returns the rows read.
 */
async function copiarAlStage(
  client: PoolClient,
  tipo: TipoImportacion,
  tramos: AsyncIterable<TramoValidado>,
  fusionarTramo?: (tramo: Tramo) => Promise<void>,
): Promise<number> {
  const columnas = [...COLUMNAS_DEL_STAGE, ...tipo.stage].map(([nombre]) => nombre);
  const sentencia = `COPY stage (${columnas.join(', ')}) FROM STDIN (FORMAT csv)`;
  let leidas = 0;
  let numero = 0;
  // The previous chunk's merge: settles to its error, or null.
  let fusion: Promise<unknown> = Promise.resolve(null);
  const fusionTerminada = async () => {
    const error = await fusion;
    if (error) throw error;
  };
  try {
    for await (const { lineas, filas } of tramos) {
      leidas += filas;
      await fusionTerminada();
      await copiar(client, sentencia, lineas);
      const tramo = { numero: numero++ };
      if (fusionarTramo)
        fusion = fusionarTramo(tramo).then(
          () => null,
          (error: unknown) => error,
        );
    }
    await fusionTerminada();
  } catch (error) {
    // The connection is the transaction's: its rollback waits for a merge still running.
    await fusion;
    throw error;
  }
  return leidas;
}

/** One COPY of a chunk's lines. */
async function copiar(client: PoolClient, sentencia: string, lineas: Uint8Array): Promise<void> {
  const copia: Writable = client.query(copyFrom(sentencia));
  const terminada = new Promise<void>((resolve, reject) => {
    copia.on('finish', resolve);
    copia.on('error', reject);
  });
  copia.end(lineas);
  await terminada;
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
