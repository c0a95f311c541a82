import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  borrarTriggersConVaciado,
  crearTriggersConVaciado,
  funcionQueSuma,
  TURNO,
} from './resumen-fase-tipo.sql';

/**
 * Attendances by subregion, department, activity, group and modality: a subregion's
 * breakdown by activity, ally or channel read its records from
 * resumen_asistencia through the index by municipality, 78.000 rows spread
 * over the whole table at 5.000.000 attendances (270–410 ms); the same
 * subregion holds 17.000 rows here. Every question about a subregion without
 * a municipality, and not broken down by municipality or subregion, reads it. Kept by statement triggers in the
 * transaction of the change: on resumen_asistencia (what an import adds, or a
 * deletion takes away) and on subregion_territorio (a subregion whose
 * municipalities change is added up again). Reviewed by hand: the NULLS NOT
 * DISTINCT key and the triggers are additions to what the schema generator wrote.
 */
export class ResumenSubregion1796100000000 implements MigrationInterface {
  name = 'ResumenSubregion1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import and no change of a subregion may commit between the backfill below and the triggers that keep it.
    await queryRunner.query(
      `LOCK "resumen_asistencia", "subregion_territorio" IN SHARE ROW EXCLUSIVE MODE`,
    );
    await queryRunner.query(
      `CREATE TABLE "resumen_subregion" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "subregion_codigo" character varying(40) NOT NULL, "departamento_codigo" character varying(2) NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "grupo_de_valor_codigo" character varying(40), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_subregion" UNIQUE NULLS NOT DISTINCT ("subregion_codigo", "departamento_codigo", "actividad_codigo", "grupo_de_valor_codigo", "modalidad"), CONSTRAINT "pk_resumen_subregion" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_subregion ${EN_SUBREGIONES('resumen_asistencia')}`,
    );
    await queryRunner.query(`ANALYZE "resumen_subregion"`);

    // Writers, emptying included, take the turn of resumen_fase_tipo's (which an import's statement takes first):
    // one lock, in one order.
    await queryRunner.query(
      funcionQueSuma('resumen_subregion_por_asistencias', 'resumen_subregion', SUMAR, DE),
    );

    await queryRunner.query(`CREATE FUNCTION resumen_subregion_por_territorios() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tocadas varchar[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          tocadas := ARRAY(SELECT DISTINCT subregion_codigo FROM resumen_subregion);
        ELSIF TG_OP = 'INSERT' THEN
          tocadas := ARRAY(SELECT DISTINCT subregion_codigo FROM nuevas);
        ELSIF TG_OP = 'UPDATE' THEN
          tocadas := ARRAY(SELECT subregion_codigo FROM nuevas UNION SELECT subregion_codigo FROM viejas);
        ELSE
          tocadas := ARRAY(SELECT DISTINCT subregion_codigo FROM viejas);
        END IF;
        IF cardinality(tocadas) = 0 THEN
          RETURN NULL;
        END IF;
        ${TURNO}
        DELETE FROM resumen_subregion WHERE subregion_codigo = ANY (tocadas);
        INSERT INTO resumen_subregion ${EN_SUBREGIONES('resumen_asistencia', 'st.subregion_codigo = ANY (tocadas)')};
        RETURN NULL;
      END $$`);
    for (const [tabla, funcion] of TRIGGERS) {
      await crearTriggersConVaciado(queryRunner, 'resumen_subregion', tabla, funcion);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [tabla, funcion] of TRIGGERS) {
      await borrarTriggersConVaciado(queryRunner, 'resumen_subregion', tabla);
      await queryRunner.query(`DROP FUNCTION ${funcion}()`);
    }
    await queryRunner.query(`DROP TABLE "resumen_subregion"`);
  }
}

/** The tables whose changes the summary follows, each with its trigger function. */
const TRIGGERS = [
  ['resumen_asistencia', 'resumen_subregion_por_asistencias'],
  ['subregion_territorio', 'resumen_subregion_por_territorios'],
] as const;

/**
 * The rows of resumen_subregion that rows of resumen_asistencia in `registros`
 * stand for (those placed in a subregion's municipality; of the subregions
 * meeting `condicion` on st), in key order against deadlocks.
 */
const EN_SUBREGIONES = (registros: string, condicion = 'TRUE') => `
  (subregion_codigo, departamento_codigo, actividad_codigo, grupo_de_valor_codigo, modalidad, asistencias)
  SELECT st.subregion_codigo, left(r.municipio_codigo, 2), r.actividad_codigo, r.grupo_de_valor_codigo, r.modalidad,
         sum(r.asistencias)
    FROM ${registros} r JOIN subregion_territorio st ON st.territorio_codigo = r.municipio_codigo
   WHERE ${condicion}
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.asistencias) <> 0
   ORDER BY 1, 2, 3, 4, 5`;

/** Rows of resumen_asistencia in the transition table `tabla`, to be added or, with `signo` '-', taken away. */
const DE = (tabla: string, signo: '' | '-' = '') =>
  `SELECT actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, ${signo}asistencias AS asistencias FROM ${tabla}`;

/** Adds what the rows of resumen_asistencia `cambios` stand for, and keeps in `vaciadas` the rows it leaves at zero. */
const SUMAR = (cambios: string) => `
  WITH sumadas AS (
    INSERT INTO resumen_subregion ${EN_SUBREGIONES(`(${cambios})`)}
    ON CONFLICT ON CONSTRAINT uq_resumen_subregion
    DO UPDATE SET asistencias = resumen_subregion.asistencias + EXCLUDED.asistencias
    RETURNING id, asistencias)
  SELECT array_agg(id) FILTER (WHERE asistencias = 0) INTO vaciadas FROM sumadas;`;
