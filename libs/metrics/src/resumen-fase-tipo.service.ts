import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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

  /** Starts a recomputation in the background when the data moved on, unless one is running. */
  mantenerAlDia(): void {
    this.enCurso ??= this.recalcular()
      .catch((error: Error) =>
        this.logger.warn(`No se pudo recalcular resumen_fase_tipo: ${error.message}`),
      )
      .finally(() => (this.enCurso = undefined));
  }

  /** Recomputes the summary if it is not current; false when it already was. */
  async recalcular(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    // Taken before the transaction, so that its snapshot sees what a previous holder committed.
    await runner.query(`SELECT pg_advisory_lock(hashtext('resumen_fase_tipo'))`);
    try {
      await runner.startTransaction('REPEATABLE READ');
      const [{ al_dia }] = await runner.query(AL_DIA);
      if (al_dia) {
        await runner.commitTransaction();
        return false;
      }
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      await runner.query(`DELETE FROM resumen_fase_tipo`);
      for (const [nivel, territorio] of [
        ['municipio', 'r.municipio_codigo'],
        ['departamento', 'left(r.municipio_codigo, 2)'],
      ]) {
        await runner.query(
          `INSERT INTO resumen_fase_tipo (nivel, fase_codigo, tipo_codigo, territorio_codigo, grupo_de_valor_codigo,
                                          grupo_por_actividad, modalidad, asistencias)
           SELECT $1::varchar, a.fase_codigo, a.tipo_codigo, ${territorio}, r.grupo_de_valor_codigo, NULL, r.modalidad,
                  sum(r.asistencias)
             FROM resumen_asistencia r JOIN actividad a ON a.codigo = r.actividad_codigo
            GROUP BY 2, 3, 4, 5, 7
           UNION ALL
           SELECT $1::varchar, a.fase_codigo, a.tipo_codigo, ${territorio}, NULL, g.grupo_de_valor_codigo, r.modalidad,
                  sum(r.asistencias)
             FROM resumen_asistencia r JOIN actividad a ON a.codigo = r.actividad_codigo
             JOIN actividad_grupo_de_valor g ON g.actividad_codigo = r.actividad_codigo
            WHERE r.grupo_de_valor_codigo IS NULL
            GROUP BY 2, 3, 4, 6, 7`,
          [nivel],
        );
      }
      await runner.query(
        `UPDATE resumen_fase_tipo_version SET version = (SELECT count(*) FROM cambio_de_datos)`,
      );
      await runner.commitTransaction();
      // Each recomputation leaves the previous rows dead; the planner needs the new ones' statistics.
      await runner.query(`VACUUM (ANALYZE) resumen_fase_tipo`);
      return true;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      // A connection that broke has already let go of its session lock.
      await runner
        .query(`SELECT pg_advisory_unlock(hashtext('resumen_fase_tipo'))`)
        .catch(() => undefined);
      await runner.release();
    }
  }
}
