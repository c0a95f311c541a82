import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';

const CANDADO = `hashtext('resumen_fase_tipo')`;
const ESPERA_MAXIMA_MS = 120_000;
const REINTENTO_MS = 60_000;
/** A recomputation that keeps finding the data moved on gives way to the next change's. */
const VUELTAS_MAXIMAS = 5;
const AL_DIA = `SELECT (SELECT version FROM resumen_fase_tipo_version) = (SELECT count(*) FROM cambio_de_datos) AS al_dia`;

/**
 * Keeps resumen_fase_tipo: attendances by phase × type, municipality (and
 * again by department), group and modality, without the activity. Recomputed from resumen_asistencia in
 * one snapshot and stamped with that snapshot's data version; the facts read
 * it only while the stamp is the current version, and read resumen_asistencia
 * otherwise, so it can lag behind an import but never give an old figure.
 */
@Injectable()
export class ResumenFaseTipoService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResumenFaseTipoService.name);
  private enCurso?: Promise<unknown>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.mantenerAlDia();
  }

  /**
   * Starts bringing the summary up to date in the background, unless that is
   * already under way; after a failure, tries again a minute later.
   */
  mantenerAlDia(): void {
    this.enCurso ??= this.recalcular()
      .catch((error: Error) => {
        this.logger.warn(`No se pudo recalcular resumen_fase_tipo: ${error.message}`);
        setTimeout(() => this.mantenerAlDia(), REINTENTO_MS).unref();
      })
      .finally(() => (this.enCurso = undefined));
  }

  /**
   * Recomputes the summary until it is current, also when the data moves on
   * during a recomputation; false when it already was current.
   */
  async recalcular(): Promise<boolean> {
    let recalculado = false;
    for (let vuelta = 0; vuelta < VUELTAS_MAXIMAS; vuelta++) {
      if (!(await this.recalcularUnaVez())) return recalculado;
      recalculado = true;
    }
    return recalculado;
  }

  /** One recomputation under the lock, if the summary is not current; false when it was. */
  private async recalcularUnaVez(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    let bloqueado = false;
    try {
      await runner.connect();
      // Taken before the transaction, so that its snapshot sees what a previous holder committed.
      bloqueado = await this.esperarCandado(runner);
      await runner.startTransaction('REPEATABLE READ');
      const [{ al_dia }] = await runner.query(AL_DIA);
      if (al_dia) {
        await runner.commitTransaction();
        return false;
      }
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      await runner.query(`DELETE FROM resumen_fase_tipo`);
      await runner.query(
        `INSERT INTO resumen_fase_tipo (nivel, fase_codigo, tipo_codigo, territorio_codigo, grupo_de_valor_codigo,
                                        grupo_por_actividad, modalidad, asistencias)
         SELECT 'municipio', a.fase_codigo, a.tipo_codigo, r.municipio_codigo, r.grupo_de_valor_codigo, NULL,
                r.modalidad, sum(r.asistencias)
           FROM resumen_asistencia r JOIN actividad a ON a.codigo = r.actividad_codigo
          GROUP BY 2, 3, 4, 5, 7
         UNION ALL
         SELECT 'municipio', a.fase_codigo, a.tipo_codigo, r.municipio_codigo, NULL, g.grupo_de_valor_codigo,
                r.modalidad, sum(r.asistencias)
           FROM resumen_asistencia r JOIN actividad a ON a.codigo = r.actividad_codigo
           JOIN actividad_grupo_de_valor g ON g.actividad_codigo = r.actividad_codigo
          WHERE r.grupo_de_valor_codigo IS NULL
          GROUP BY 2, 3, 4, 6, 7`,
      );
      // The departments' rows add up their municipalities' (this transaction sees its own rows).
      await runner.query(
        `INSERT INTO resumen_fase_tipo (nivel, fase_codigo, tipo_codigo, territorio_codigo, grupo_de_valor_codigo,
                                        grupo_por_actividad, modalidad, asistencias)
         SELECT 'departamento', fase_codigo, tipo_codigo, left(territorio_codigo, 2), grupo_de_valor_codigo,
                grupo_por_actividad, modalidad, sum(asistencias)
           FROM resumen_fase_tipo WHERE nivel = 'municipio'
          GROUP BY 2, 3, 4, 5, 6, 7`,
      );
      await runner.query(
        `UPDATE resumen_fase_tipo_version SET version = (SELECT count(*) FROM cambio_de_datos)`,
      );
      await runner.commitTransaction();
      // Each recomputation leaves the previous rows dead; the planner needs the new ones' statistics.
      await runner.query(`VACUUM (ANALYZE) resumen_fase_tipo`);
      return true;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      // A connection that broke has already let go of its session lock.
      if (bloqueado)
        await runner.query(`SELECT pg_advisory_unlock(${CANDADO})`).catch(() => undefined);
      await runner.release();
    }
  }

  /** The session lock, waiting for another holder (another process, or this one) for a bounded time. */
  private async esperarCandado(runner: QueryRunner): Promise<true> {
    const limite = Date.now() + ESPERA_MAXIMA_MS;
    for (;;) {
      const [{ libre }] = await runner.query(`SELECT pg_try_advisory_lock(${CANDADO}) AS libre`);
      if (libre) return true;
      if (Date.now() > limite) {
        throw new Error(`otro proceso lo recalcula desde hace más de ${ESPERA_MAXIMA_MS / 1000} s`);
      }
      await new Promise((listo) => setTimeout(listo, 250));
    }
  }
}
