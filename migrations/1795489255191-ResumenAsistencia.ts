import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attendance summary every attendance figure is read from, filled from
 * the attendances already loaded. Reviewed by hand: NULLS NOT DISTINCT on its
 * key (TypeORM cannot express it) and the backfill are additions.
 */
export class ResumenAsistencia1795489255191 implements MigrationInterface {
  name = 'ResumenAsistencia1795489255191';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resumen_asistencia" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "municipio_codigo" character varying(5), "grupo_de_valor_codigo" character varying(40), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_asistencia" UNIQUE NULLS NOT DISTINCT ("actividad_codigo", "municipio_codigo", "grupo_de_valor_codigo", "modalidad"), CONSTRAINT "pk_resumen_asistencia" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_asistencia_municipio" ON "resumen_asistencia"  ("municipio_codigo")`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_asistencia (actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, asistencias)
       SELECT actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, count(*)
         FROM asistencia GROUP BY 1, 2, 3, 4`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_asistencia_municipio"`);
    await queryRunner.query(`DROP TABLE "resumen_asistencia"`);
  }
}
