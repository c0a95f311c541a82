import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendances by phase × type, municipality (or department: `nivel`), group
 * and modality, without the activity, and the data version they were
 * computed at. Recomputed in the
 * background after the data changes; read only while current. Written by
 * hand: derived tables with no entity.
 */
export class ResumenFaseTipo1795700000001 implements MigrationInterface {
  name = 'ResumenFaseTipo1795700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resumen_fase_tipo" ("nivel" character varying(12) NOT NULL, "fase_codigo" character varying(3) NOT NULL, "tipo_codigo" character varying(40) NOT NULL, "territorio_codigo" character varying(5), "grupo_de_valor_codigo" character varying(40), "grupo_por_actividad" character varying(40), "modalidad" character varying(12) NOT NULL, "asistencias" bigint NOT NULL, CONSTRAINT "ck_resumen_fase_tipo_nivel" CHECK (nivel IN ('municipio', 'departamento')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_fase_tipo" ON "resumen_fase_tipo" ("nivel", "fase_codigo", "tipo_codigo")`,
    );
    await queryRunner.query(`CREATE TABLE "resumen_fase_tipo_version" ("version" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "resumen_fase_tipo_version" ("version") VALUES (-1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resumen_fase_tipo_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_fase_tipo"`);
    await queryRunner.query(`DROP TABLE "resumen_fase_tipo"`);
  }
}
