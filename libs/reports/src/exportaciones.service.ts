/**
 * Exports too big for one request, run in the background: the job and its
 * progress live in PostgreSQL (table exportacion), the file in the data folder
 * until it is downloaded. A job a restart interrupted is marked as failed.
 */
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Exportacion } from '@tablero/domain';
import { Filtros } from '@tablero/metrics';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ExportacionCancelada, exportarDetalle } from './detalle.export';

export const CARPETA_EXPORTACIONES = Symbol('CARPETA_EXPORTACIONES');

/** Progress is written at most this often, not for every batch. */
const AVANCE_CADA_MS = 500;

@Injectable()
export class ExportacionesService implements OnApplicationBootstrap {
  private readonly enCurso = new Map<string, AbortController>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CARPETA_EXPORTACIONES) private readonly carpeta: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `UPDATE exportacion SET estado = 'fallida', error = 'Interrumpida por un reinicio del servidor', terminada_en = now()
        WHERE estado = 'en_curso'`,
    );
  }

  /** Starts the export and returns at once with the job. */
  async iniciar(filtros: Filtros, formato: 'csv' | 'xlsx', usuario: string): Promise<Exportacion> {
    const repositorio = this.dataSource.getRepository(Exportacion);
    const trabajo = await repositorio.save(
      repositorio.create({
        estado: 'en_curso',
        formato,
        filtros: { ...filtros },
        usuario: usuario.slice(0, 120),
      }),
    );
    const cancelacion = new AbortController();
    this.enCurso.set(trabajo.id, cancelacion);
    void this.ejecutar(trabajo, filtros, cancelacion.signal).finally(() =>
      this.enCurso.delete(trabajo.id),
    );
    return trabajo;
  }

  buscar(id: string): Promise<Exportacion | null> {
    return this.dataSource.getRepository(Exportacion).findOneBy({ id });
  }

  /** True when the job was running and is now cancelled. */
  async cancelar(id: string): Promise<boolean> {
    const cancelacion = this.enCurso.get(id);
    if (!cancelacion) return false;
    cancelacion.abort();
    return true;
  }

  archivo(trabajo: Exportacion): string {
    return join(this.carpeta, `exportacion-${trabajo.id}.${trabajo.formato}`);
  }

  private async ejecutar(
    trabajo: Exportacion,
    filtros: Filtros,
    senal: AbortSignal,
  ): Promise<void> {
    const actualizar = (cambios: string, valores: unknown[]) =>
      this.dataSource.query(`UPDATE exportacion SET ${cambios} WHERE id = $1`, [
        trabajo.id,
        ...valores,
      ]);
    try {
      await mkdir(this.carpeta, { recursive: true });
      const salida = createWriteStream(this.archivo(trabajo));
      let ultimo = 0;
      const filas = await exportarDetalle(this.dataSource, filtros, salida, {
        formato: trabajo.formato,
        senal,
        alAvanzar: (n) => {
          if (Date.now() - ultimo < AVANCE_CADA_MS) return;
          ultimo = Date.now();
          void actualizar('filas = $2', [n]);
        },
      });
      await once(salida, 'close').catch(() => undefined);
      await actualizar(`estado = 'lista', filas = $2, total = $2, terminada_en = now()`, [filas]);
    } catch (error) {
      if (error instanceof ExportacionCancelada) {
        await actualizar(`estado = 'cancelada', terminada_en = now()`, []);
      } else {
        await actualizar(`estado = 'fallida', error = $2, terminada_en = now()`, [
          String((error as Error).message).slice(0, 500),
        ]);
      }
    }
  }
}
