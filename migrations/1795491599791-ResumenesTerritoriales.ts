import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance summaries by department and by group, filled from the
 * attendances already loaded. Reviewed by hand: NULLS NOT DISTINCT keys and
 * the backfill are additions.
 */
export class ResumenesTerritoriales1795491599791 implements MigrationInterface {
  name = 'ResumenesTerritoriales1795491599791';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resumen_departamento" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "departamento_codigo" character varying(2), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_departamento" UNIQUE NULLS NOT DISTINCT ("actividad_codigo", "departamento_codigo", "modalidad"), CONSTRAINT "pk_resumen_departamento" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "resumen_grupo" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "grupo_de_valor_codigo" character varying(40), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_grupo" UNIQUE NULLS NOT DISTINCT ("actividad_codigo", "grupo_de_valor_codigo", "modalidad"), CONSTRAINT "pk_resumen_grupo" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_departamento (actividad_codigo, departamento_codigo, modalidad, asistencias)
       SELECT actividad_codigo, left(municipio_codigo, 2), modalidad, count(*) FROM asistencia GROUP BY 1, 2, 3`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_grupo (actividad_codigo, grupo_de_valor_codigo, modalidad, asistencias)
       SELECT actividad_codigo, grupo_de_valor_codigo, modalidad, count(*) FROM asistencia GROUP BY 1, 2, 3`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resumen_grupo"`);
    await queryRunner.query(`DROP TABLE "resumen_departamento"`);
  }
}
