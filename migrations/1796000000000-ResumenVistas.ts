import { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTOS } from './resumen-fase-tipo.sql';

/**
 * Each activity's latest view snapshot, kept by a statement trigger on
 * corte_vistas in the transaction that changes it: the views at a cut-off
 * looked up the latest snapshot of every activity in scope (≈ 4 ms of every
 * question at 2.000 activities, growing with them); now they read this table
 * and look up only the webinars seen again after the cut-off.
 */
export class ResumenVistas1796000000000 implements MigrationInterface {
  name = 'ResumenVistas1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import may commit between the backfill below and the trigger that keeps it.
    await queryRunner.query(`LOCK "corte_vistas" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TABLE "resumen_vistas" ("actividad_codigo" character varying(40) NOT NULL, "fecha_corte" date NOT NULL, "vistas" bigint NOT NULL, CONSTRAINT "pk_resumen_vistas" PRIMARY KEY ("actividad_codigo"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_vistas" ADD CONSTRAINT "fk_resumen_vistas_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO resumen_vistas ${ULTIMOS()}`);
    // The activities a statement touched have their latest snapshot read again, in turn with other writers until they
    // commit; a statement that touched none (or only which import brought a snapshot) need not wait its turn.
    await queryRunner.query(`CREATE FUNCTION resumen_vistas_por_cortes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tocadas varchar[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM resumen_vistas;
          RETURN NULL;
        ELSIF TG_OP = 'INSERT' THEN
          tocadas := ARRAY(SELECT DISTINCT actividad_codigo FROM nuevas);
        ELSIF TG_OP = 'UPDATE' THEN
          tocadas := ARRAY(SELECT actividad_codigo FROM (${CAMBIADAS('nuevas', 'viejas')}) n
                           UNION SELECT actividad_codigo FROM (${CAMBIADAS('viejas', 'nuevas')}) v);
        ELSE
          tocadas := ARRAY(SELECT DISTINCT actividad_codigo FROM viejas);
        END IF;
        IF cardinality(tocadas) = 0 THEN
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('resumen_vistas'));
        DELETE FROM resumen_vistas WHERE actividad_codigo = ANY (tocadas);
        INSERT INTO resumen_vistas ${ULTIMOS('v.actividad_codigo = ANY (tocadas)')};
        RETURN NULL;
      END $$`);
    for (const [evento, transicion] of [...EVENTOS, ['truncate', ''] as const]) {
      await queryRunner.query(`CREATE TRIGGER resumen_vistas_${evento} AFTER ${evento.toUpperCase()} ON "corte_vistas"
        ${transicion} FOR EACH STATEMENT EXECUTE FUNCTION resumen_vistas_por_cortes()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const evento of [...EVENTOS.map(([evento]) => evento), 'truncate']) {
      await queryRunner.query(`DROP TRIGGER resumen_vistas_${evento} ON "corte_vistas"`);
    }
    await queryRunner.query(`DROP FUNCTION resumen_vistas_por_cortes()`);
    await queryRunner.query(`DROP TABLE "resumen_vistas"`);
  }
}

/** The snapshots of `tabla` that `otra` does not hold as they are. */
const CAMBIADAS = (tabla: string, otra: string) =>
  `SELECT actividad_codigo, fecha_corte, vistas FROM ${tabla} EXCEPT SELECT actividad_codigo, fecha_corte, vistas FROM ${otra}`;

/** The latest snapshot of each activity (of those meeting `condicion` on a snapshot v), as rows of resumen_vistas. */
const ULTIMOS = (condicion = 'TRUE') => `(actividad_codigo, fecha_corte, vistas)
  SELECT DISTINCT ON (v.actividad_codigo) v.actividad_codigo, v.fecha_corte, v.vistas
    FROM corte_vistas v WHERE ${condicion}
   ORDER BY v.actividad_codigo, v.fecha_corte DESC`;
