import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendances by activity, department, group and modality, filled from
 * resumen_asistencia: a department and a group with a breakdown that keeps
 * the activity read every summary row by municipality and group (≈ 2 s at
 * 5.000.000 attendances). Reviewed by hand: the NULLS NOT DISTINCT key and
 * the backfill are additions to what the schema generator wrote.
 */
export class ResumenDepartamentoGrupo1795900000001 implements MigrationInterface {
  name = 'ResumenDepartamentoGrupo1795900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import may commit between the backfill below and the import's own additions.
    await queryRunner.query(`LOCK "resumen_asistencia" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TABLE "resumen_departamento_grupo" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "departamento_codigo" character varying(2), "grupo_de_valor_codigo" character varying(40), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "uq_resumen_departamento_grupo" UNIQUE NULLS NOT DISTINCT ("actividad_codigo", "departamento_codigo", "grupo_de_valor_codigo", "modalidad"), CONSTRAINT "pk_resumen_departamento_grupo" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_departamento_grupo (actividad_codigo, departamento_codigo, grupo_de_valor_codigo, modalidad, asistencias)
       SELECT actividad_codigo, left(municipio_codigo, 2), grupo_de_valor_codigo, modalidad, sum(asistencias)
         FROM resumen_asistencia GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_departamento_grupo" ON "resumen_departamento_grupo" ("departamento_codigo", "grupo_de_valor_codigo")`,
    );
    await queryRunner.query(`ANALYZE "resumen_departamento_grupo"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_departamento_grupo"`);
    await queryRunner.query(`DROP TABLE "resumen_departamento_grupo"`);
  }
}
