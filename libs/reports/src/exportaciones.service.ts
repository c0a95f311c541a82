/**
 * Exports too big for one request, run in the background by whichever
 * instance of the server takes them from the queue in PostgreSQL
 * (exportaciones.cola.ts); their files are kept there too, or in an S3 bucket
 * (exportaciones.almacen.ts), so any instance answers the progress, the
 * download and the cancellation. An instance that dies leaves its jobs to the
 * others once their lease runs out; one that stops gives them back.
 */
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@tablero/access';
import { Exportacion } from '@tablero/domain';
import { Filtros } from '@tablero/metrics';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { OpcionesS3 } from '@tablero/config';
import { archivoEnPartes } from './archivo-en-partes';
import {
  AlmacenDeArchivos,
  ArchivoNoDisponible,
  ArchivosEnPostgres,
} from './exportaciones.almacen';
import { ArchivosEnS3 } from './exportaciones.almacen-s3';
import { ColaDeExportaciones, OpcionesExportaciones, TrabajoTomado } from './exportaciones.cola';
import { ExportacionCancelada, exportarDetalle } from './detalle.export';

export const OPCIONES_EXPORTACIONES = Symbol('OPCIONES_EXPORTACIONES');

/** The queue's options, and the bucket the files go to (none: PostgreSQL). */
export interface OpcionesDelServicio extends OpcionesExportaciones {
  readonly s3?: OpcionesS3;
}

/** How often an idle instance looks for work and ends the jobs of instances that died. */
const BUSCAR_CADA_MS = 1000;
/** How often it deletes the jobs that expired, and their files. */
const BORRAR_VENCIDAS_CADA_MS = 10_000;
/** Exports one instance runs at once: each holds a database connection and a core. */
const EN_PARALELO = 2;

/** A job as its owner sees it: without who runs it nor whom it belongs to by id. */
export function exportacionPublica({
  ejecutor: _ejecutor,
  bloqueadaHasta: _bloqueadaHasta,
  cancelacionPedida: _cancelacionPedida,
  usuarioId: _usuarioId,
  tokenId: _tokenId,
  ...trabajo
}: Exportacion) {
  return trabajo;
}

/** Why a running export stopped before its end. */
type Motivo = 'cancelada' | 'perdida' | 'apagado';

@Injectable()
export class ExportacionesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExportacionesService.name);
  private readonly cola: ColaDeExportaciones;
  private readonly almacen: AlmacenDeArchivos;
  private readonly instancia = `${hostname().slice(0, 40)}:${process.pid}`;
  private readonly enCurso = new Map<string, { control: AbortController; fin: Promise<void> }>();
  private reloj?: NodeJS.Timeout;
  private buscando = false;
  private borrado: Promise<void> = Promise.resolve();
  /** When the next sweep of expired jobs may start; never while one runs. */
  private proximoBorrado = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OPCIONES_EXPORTACIONES) private readonly opciones: OpcionesDelServicio,
  ) {
    this.cola = new ColaDeExportaciones(dataSource, opciones);
    this.almacen = opciones.s3 ? new ArchivosEnS3(opciones.s3) : new ArchivosEnPostgres(this.cola);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.almacen.comprobar();
    this.reloj = setInterval(() => void this.buscarTrabajo(), BUSCAR_CADA_MS);
    this.reloj.unref();
    void this.buscarTrabajo();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reloj);
    for (const { control } of this.enCurso.values()) control.abort('apagado' satisfies Motivo);
    await Promise.all([...this.enCurso.values()].map(({ fin }) => fin));
    await this.borrado;
    this.almacen.detener();
  }

  /** Queues the export, owned by the caller's id, and returns at once with the job. */
  async iniciar(filtros: Filtros, formato: 'csv' | 'xlsx', quien: Principal): Promise<Exportacion> {
    const repositorio = this.dataSource.getRepository(Exportacion);
    const trabajo = await repositorio.save(
      repositorio.create({
        estado: 'en_curso',
        formato,
        filtros: { ...filtros },
        usuario: quien.nombre.slice(0, 120),
        usuarioId: quien.usuarioId,
        tokenId: quien.tokenId,
        departamentos: quien.departamentos ? [...quien.departamentos] : null,
      }),
    );
    void this.buscarTrabajo();
    return trabajo;
  }

  buscar(id: string): Promise<Exportacion | null> {
    return this.dataSource.getRepository(Exportacion).findOneBy({ id });
  }

  /** True when the job was waiting or running and is now cancelled or about to be. */
  cancelar(id: string): Promise<boolean> {
    return this.cola.pedirCancelacion(id);
  }

  /** The finished file, as it is read from where it is kept; ArchivoNoDisponible when it is not there. */
  archivo(trabajo: Exportacion): Promise<Readable> {
    return this.almacen.leer(trabajo).catch((error: Error) => {
      if (!(error instanceof ArchivoNoDisponible)) {
        this.logger.error(
          `No se pudo leer el archivo de la exportación ${trabajo.id}: ${error.message}`,
        );
      }
      throw error;
    });
  }

  private async buscarTrabajo(): Promise<void> {
    if (this.buscando || !this.dataSource.isInitialized) return;
    this.buscando = true;
    if (Date.now() >= this.proximoBorrado) this.borrado = this.borrarVencidas();
    try {
      await this.cola.terminarHuerfanas();
      while (this.enCurso.size < EN_PARALELO) {
        const ejecutor = `${this.instancia}:${randomUUID().slice(0, 8)}`;
        const trabajo = await this.cola.tomar(ejecutor);
        if (!trabajo) break;
        const control = new AbortController();
        const fin = this.ejecutar(trabajo, ejecutor, control).finally(() =>
          this.enCurso.delete(trabajo.id),
        );
        this.enCurso.set(trabajo.id, { control, fin });
      }
    } catch (error) {
      this.logger.warn(`No se pudo buscar exportaciones pendientes: ${(error as Error).message}`);
    } finally {
      this.buscando = false;
    }
  }

  /** On its own: jobs are still taken while the files of expired ones cannot be deleted. */
  private async borrarVencidas(): Promise<void> {
    this.proximoBorrado = Infinity;
    try {
      await this.cola.borrarVencidas((ids) => this.almacen.descartar(ids));
    } catch (error) {
      this.logger.warn(`No se pudieron borrar exportaciones vencidas: ${(error as Error).message}`);
    } finally {
      this.proximoBorrado = Date.now() + BORRAR_VENCIDAS_CADA_MS;
    }
  }

  private async ejecutar(
    trabajo: TrabajoTomado,
    ejecutor: string,
    control: AbortController,
  ): Promise<void> {
    let filas = 0;
    const latido = setInterval(
      () =>
        void this.cola.renovar(trabajo.id, ejecutor, filas).then(
          (estado) => estado !== 'sigue' && control.abort(estado satisfies Motivo),
          (error: Error) => this.logger.warn(`Exportación ${trabajo.id}: ${error.message}`),
        ),
      Math.min(BUSCAR_CADA_MS, (this.opciones.segundosDeConcesion * 1000) / 3),
    );
    const abierto = this.almacen.abrir(trabajo, ejecutor, control.signal);
    // From the file's closing to the queue's answer: a finish whose answer was lost may have
    // committed, and its job then points at the file.
    let porConfirmar = false;
    try {
      const archivo = archivoEnPartes(
        (numero, datos) => abierto.guardar(numero, datos),
        (motivo) => control.abort(motivo instanceof Error ? motivo : ('perdida' satisfies Motivo)),
        abierto.bytesPorParte,
      );
      const total = await exportarDetalle(this.dataSource, trabajo.filtros as Filtros, archivo, {
        formato: trabajo.formato,
        senal: control.signal,
        alAvanzar: (n) => (filas = n),
      });
      await finished(archivo);
      if (control.signal.aborted) throw new ExportacionCancelada();
      const objeto = await abierto.cerrar();
      porConfirmar = true;
      const fin = await this.cola.terminar(trabajo.id, ejecutor, total, archivo.bytes, objeto);
      porConfirmar = false;
      if (fin !== 'lista') {
        control.abort(fin satisfies Motivo);
        throw new ExportacionCancelada();
      }
    } catch (error) {
      const avisar = (e: Error) => this.logger.warn(`Exportación ${trabajo.id}: ${e.message}`);
      // Left for the job's expiry, which empties its folder.
      if (!porConfirmar) await abierto.descartar().catch(avisar);
      await this.terminarSinArchivo(trabajo.id, ejecutor, control.signal, error).catch(avisar);
    } finally {
      clearInterval(latido);
    }
  }

  private async terminarSinArchivo(
    id: string,
    ejecutor: string,
    senal: AbortSignal,
    error: unknown,
  ): Promise<void> {
    const motivo: unknown = senal.aborted ? senal.reason : error;
    if (motivo === 'perdida') {
      this.logger.warn(
        `La exportación ${id} pasó a otra instancia: esta no renovó su arriendo a tiempo.`,
      );
      return;
    }
    if (motivo === 'apagado') return this.cola.devolver(id, ejecutor);
    if (motivo === 'cancelada') return this.cola.abandonar(id, ejecutor, 'cancelada');
    const mensaje = motivo instanceof Error ? motivo.message : String(motivo);
    const causa = motivo instanceof Error && motivo.cause instanceof Error ? motivo.cause : null;
    this.logger.error(`Exportación ${id} fallida: ${mensaje}${causa ? ` (${causa.message})` : ''}`);
    return this.cola.abandonar(id, ejecutor, 'fallida', mensaje.slice(0, 500));
  }
}
