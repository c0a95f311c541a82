import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  borrarTriggersConVaciado,
  crearTriggersConVaciado,
  funcionQueSuma,
} from './resumen-fase-tipo.sql';

/**
 * Attendances by start month, municipality and modality, every phase and type
 * added up: resumen_fase_tipo's rows by municipality without groups
 * (`municipio_total`) and by month, summed over phase and type. A municipal
 * question over dates read six months × 1.100 municipalities × phase × type ×
 * modality from it (68.000 rows at 5.000.000 attendances); a month whose
 * activities are all in scope is some 2.300 rows here. Kept by statement
 * triggers on resumen_fase_tipo, in the statement of its writers and so in
 * their turn.
 */
export class ResumenMes1796200000000 implements MigrationInterface {
  name = 'ResumenMes1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No writer of resumen_fase_tipo may commit between the backfill below and the triggers that keep it.
    await queryRunner.query(`LOCK "resumen_fase_tipo" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TABLE "resumen_mes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "mes" date NOT NULL, "municipio_codigo" character varying(5), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_mes" UNIQUE NULLS NOT DISTINCT ("mes", "municipio_codigo", "modalidad"), CONSTRAINT "pk_resumen_mes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO resumen_mes ${POR_MES('resumen_fase_tipo')}`);
    await queryRunner.query(`ANALYZE "resumen_mes"`);
    await queryRunner.query(funcionQueSuma('resumen_mes_por_fase_tipo', 'resumen_mes', SUMAR, DE));
    await crearTriggersConVaciado(
      queryRunner,
      'resumen_mes',
      'resumen_fase_tipo',
      'resumen_mes_por_fase_tipo',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await borrarTriggersConVaciado(queryRunner, 'resumen_mes', 'resumen_fase_tipo');
    await queryRunner.query(`DROP FUNCTION resumen_mes_por_fase_tipo()`);
    await queryRunner.query(`DROP TABLE "resumen_mes"`);
  }
}

/** The rows of resumen_mes that rows of resumen_fase_tipo in `filas` stand for, in key order against deadlocks. */
const POR_MES = (filas: string) => `
  (mes, municipio_codigo, modalidad, asistencias)
  SELECT f.mes, f.territorio_codigo, f.modalidad, sum(f.asistencias)
    FROM ${filas} f
   WHERE f.nivel = 'municipio_total' AND f.mes IS NOT NULL
   GROUP BY 1, 2, 3 HAVING sum(f.asistencias) <> 0
   ORDER BY 1, 2, 3`;

/** Rows of resumen_fase_tipo in the transition table `tabla`, to be added or, with `signo` '-', taken away. */
const DE = (tabla: string, signo: '' | '-' = '') =>
  `SELECT nivel, mes, territorio_codigo, modalidad, ${signo}asistencias AS asistencias FROM ${tabla}`;

/** Adds what the rows of resumen_fase_tipo `cambios` stand for, and keeps in `vaciadas` the rows it leaves at zero. */
const SUMAR = (cambios: string) => `
  WITH sumadas AS (
    INSERT INTO resumen_mes ${POR_MES(`(${cambios})`)}
    ON CONFLICT ON CONSTRAINT uq_resumen_mes
    DO UPDATE SET asistencias = resumen_mes.asistencias + EXCLUDED.asistencias
    RETURNING id, asistencias)
  SELECT array_agg(id) FILTER (WHERE asistencias = 0) INTO vaciadas FROM sumadas;`;
