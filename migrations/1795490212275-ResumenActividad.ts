import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The small attendance summary by activity and modality, filled from the
 * attendances already loaded. Reviewed by hand: the backfill is an addition.
 */
export class ResumenActividad1795490212275 implements MigrationInterface {
  name = 'ResumenActividad1795490212275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resumen_actividad" ("actividad_codigo" character varying(40) NOT NULL, "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "pk_resumen_actividad" PRIMARY KEY ("actividad_codigo", "modalidad"))`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_actividad (actividad_codigo, modalidad, asistencias)
       SELECT actividad_codigo, modalidad, count(*) FROM asistencia GROUP BY 1, 2`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resumen_actividad"`);
  }
}
