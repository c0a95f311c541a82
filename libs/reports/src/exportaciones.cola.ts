/**
 * The queue of background exports, in PostgreSQL: every statement that takes,
 * keeps, finishes or gives up a job. A job is taken with a lease
 * (`bloqueada_hasta`) that its runner renews; each statement that writes on a
 * running job's behalf names the runner (`ejecutor`), so a runner that lost its
 * lease (its instance stalled and another took the job) changes nothing.
 */
import { Exportacion } from '@tablero/domain';
import { DataSource } from 'typeorm';
import { ArchivosSinBorrar } from './exportaciones.almacen';

export interface OpcionesExportaciones {
  /** How long a job stays with an instance that stops renewing its lease. */
  readonly segundosDeConcesion: number;
  /** Times a job is taken before it is failed (an instance died running it each time). */
  readonly intentos: number;
  /** How long a finished job and its file are kept. */
  readonly horasDeRetencion: number;
}

/** What a runner needs of a job it took. */
export type TrabajoTomado = Pick<Exportacion, 'id' | 'formato' | 'filtros' | 'intentos'>;

export type Latido = 'sigue' | 'cancelada' | 'perdida';

/*
 * An UPDATE … RETURNING is wrapped in WITH … SELECT: TypeORM answers a bare
 * UPDATE with [rows, count] rather than the rows.
 */

/** Only `ejecutor`'s statements touch a job while it runs; they return whether it still had it. */
export class ColaDeExportaciones {
  constructor(
    private readonly dataSource: DataSource,
    private readonly opciones: OpcionesExportaciones,
  ) {}

  /** The oldest job nobody holds, taken for `ejecutor`; what an earlier attempt wrote is dropped. */
  async tomar(ejecutor: string): Promise<TrabajoTomado | undefined> {
    const [trabajo] = await this.dataSource.query<TrabajoTomado[]>(
      `WITH tomado AS (
         UPDATE exportacion e
            SET ejecutor = $1, bloqueada_hasta = now() + $2 * interval '1 second',
                intentos = e.intentos + 1, filas = 0
          WHERE e.id = (SELECT id FROM exportacion
                         WHERE estado = 'en_curso' AND NOT cancelacion_pedida AND intentos < $3
                           AND (bloqueada_hasta IS NULL OR bloqueada_hasta < now())
                         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING e.id, e.formato, e.filtros, e.intentos),
       previas AS (DELETE FROM exportacion_parte WHERE exportacion_id IN (SELECT id FROM tomado))
       SELECT * FROM tomado`,
      [ejecutor, this.opciones.segundosDeConcesion, this.opciones.intentos],
    );
    return trabajo;
  }

  /** Renews the lease and records the progress; says whether to go on. */
  async renovar(id: string, ejecutor: string, filas: number): Promise<Latido> {
    const [fila] = await this.dataSource.query<{ cancelacion_pedida: boolean }[]>(
      `WITH renovada AS (
         UPDATE exportacion SET bloqueada_hasta = now() + $3 * interval '1 second', filas = $4
          WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso'
          RETURNING cancelacion_pedida)
       SELECT * FROM renovada`,
      [id, ejecutor, this.opciones.segundosDeConcesion, filas],
    );
    if (!fila) return 'perdida';
    return fila.cancelacion_pedida ? 'cancelada' : 'sigue';
  }

  /**
   * Keeps a chunk of the file. FOR SHARE makes a concurrent take wait for it,
   * and the take then drops it.
   */
  async guardarParte(id: string, ejecutor: string, numero: number, datos: Buffer) {
    const filas = await this.dataSource.query<unknown[]>(
      `INSERT INTO exportacion_parte (exportacion_id, numero, datos)
       SELECT id, $3, $4 FROM exportacion
        WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso' FOR SHARE
       RETURNING numero`,
      [id, ejecutor, numero, datos],
    );
    return filas.length === 1;
  }

  /**
   * Marks the file ready (`objeto`: its key in the bucket, if kept there), unless its
   * cancellation was asked since the last heartbeat (the caller was answered 204: the job must
   * end cancelled) or another instance took the job.
   */
  async terminar(
    id: string,
    ejecutor: string,
    filas: number,
    bytes: number,
    objeto: string | null,
  ): Promise<'lista' | Exclude<Latido, 'sigue'>> {
    const terminada = await this.dataSource.query<unknown[]>(
      `WITH terminada AS (
         UPDATE exportacion
            SET estado = 'lista', filas = $3, total = $3, bytes = $4, objeto = $6, terminada_en = now(),
                expira_en = now() + $5 * interval '1 hour', ejecutor = NULL, bloqueada_hasta = NULL
          WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso' AND NOT cancelacion_pedida
          RETURNING id)
       SELECT * FROM terminada`,
      [id, ejecutor, filas, bytes, this.opciones.horasDeRetencion, objeto],
    );
    if (terminada.length === 1) return 'lista';
    // Read in a statement of its own: a cancellation committed while the update waited for the
    // row is not in that statement's snapshot.
    const [fila] = await this.dataSource.query<{ cancelacion_pedida: boolean }[]>(
      `SELECT cancelacion_pedida FROM exportacion WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso'`,
      [id, ejecutor],
    );
    return fila?.cancelacion_pedida ? 'cancelada' : 'perdida';
  }

  /** Ends a job that will not be finished: cancelled, or failed with `error`; its chunks go. */
  async abandonar(id: string, ejecutor: string, estado: 'cancelada' | 'fallida', error?: string) {
    await this.dataSource.query(
      `WITH fin AS (
         UPDATE exportacion
            SET estado = $3, error = $4, terminada_en = now(),
                expira_en = now() + $5 * interval '1 hour', ejecutor = NULL, bloqueada_hasta = NULL
          WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso'
          RETURNING id)
       DELETE FROM exportacion_parte WHERE exportacion_id IN (SELECT id FROM fin)`,
      [id, ejecutor, estado, error ?? null, this.opciones.horasDeRetencion],
    );
  }

  /**
   * Gives a job back untouched (this instance is stopping): another takes it at
   * once, unless its cancellation was asked, which ends it here.
   */
  async devolver(id: string, ejecutor: string) {
    await this.dataSource.query(
      `WITH devuelto AS (
         UPDATE exportacion
            SET ejecutor = NULL, bloqueada_hasta = NULL, intentos = intentos - 1, filas = 0,
                estado = CASE WHEN cancelacion_pedida THEN 'cancelada' ELSE estado END,
                terminada_en = CASE WHEN cancelacion_pedida THEN now() END,
                expira_en = CASE WHEN cancelacion_pedida THEN now() + $3 * interval '1 hour' END
          WHERE id = $1 AND ejecutor = $2 AND estado = 'en_curso'
          RETURNING id)
       DELETE FROM exportacion_parte WHERE exportacion_id IN (SELECT id FROM devuelto)`,
      [id, ejecutor, this.opciones.horasDeRetencion],
    );
  }

  /**
   * Asks a job to stop. One nobody runs ends here and now; a running one ends
   * at its runner's next heartbeat, or at the sweep if its instance died.
   */
  async pedirCancelacion(id: string): Promise<boolean> {
    const filas = await this.dataSource.query<unknown[]>(
      `WITH pedida AS (
         UPDATE exportacion
            SET cancelacion_pedida = true,
                estado = CASE WHEN ejecutor IS NULL THEN 'cancelada' ELSE estado END,
                terminada_en = CASE WHEN ejecutor IS NULL THEN now() END,
                expira_en = CASE WHEN ejecutor IS NULL THEN now() + $2 * interval '1 hour' END
          WHERE id = $1 AND estado = 'en_curso'
          RETURNING id)
       SELECT * FROM pedida`,
      [id, this.opciones.horasDeRetencion],
    );
    return filas.length === 1;
  }

  /** Ends the jobs whose runner died when no attempt is left or their cancellation was asked. */
  async terminarHuerfanas(): Promise<void> {
    await this.dataSource.query(
      `WITH fin AS (
         UPDATE exportacion
            SET estado = CASE WHEN cancelacion_pedida THEN 'cancelada' ELSE 'fallida' END,
                error = CASE WHEN cancelacion_pedida THEN NULL ELSE $1::text || intentos || ' veces.' END,
                terminada_en = now(), expira_en = now() + $3 * interval '1 hour',
                ejecutor = NULL, bloqueada_hasta = NULL
          WHERE estado = 'en_curso' AND bloqueada_hasta < now()
            AND (intentos >= $2 OR cancelacion_pedida)
          RETURNING id)
       DELETE FROM exportacion_parte WHERE exportacion_id IN (SELECT id FROM fin)`,
      [
        'La instancia del servidor que la ejecutaba dejó de responder ',
        this.opciones.intentos,
        this.opciones.horasDeRetencion,
      ],
    );
  }

  /**
   * Deletes the jobs that expired once `descartarArchivos` answers that their files are gone;
   * a job whose files could not be deleted stays for the next sweep.
   */
  async borrarVencidas(
    descartarArchivos: (ids: readonly string[]) => Promise<readonly string[]>,
  ): Promise<void> {
    const vencidas = await this.dataSource.query<{ id: string }[]>(
      `SELECT id::text FROM exportacion WHERE expira_en < now() ORDER BY expira_en LIMIT 500`,
    );
    if (vencidas.length === 0) return;
    let sinArchivos: readonly string[];
    let falla: ArchivosSinBorrar | undefined;
    try {
      sinArchivos = await descartarArchivos(vencidas.map(({ id }) => id));
    } catch (error) {
      if (!(error instanceof ArchivosSinBorrar)) throw error;
      [sinArchivos, falla] = [error.borrados, error];
    }
    if (sinArchivos.length > 0) {
      await this.dataSource.query(`DELETE FROM exportacion WHERE id = ANY($1::bigint[])`, [
        sinArchivos,
      ]);
    }
    if (falla) throw falla;
  }

  /** The chunks of a finished file, one query each, so that a download holds one chunk at a time. */
  async *partes(id: string): AsyncGenerator<Buffer> {
    for (let numero = 0; ; numero++) {
      const [parte] = await this.dataSource.query<{ datos: Buffer }[]>(
        `SELECT datos FROM exportacion_parte WHERE exportacion_id = $1 AND numero = $2`,
        [id, numero],
      );
      if (!parte) return;
      yield parte.datos;
    }
  }
}
