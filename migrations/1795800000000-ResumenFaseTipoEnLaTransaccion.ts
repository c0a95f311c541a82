import { MigrationInterface, QueryRunner } from 'typeorm';
import { crearTriggersPorEvento, EVENTOS, ResumenFaseTipoSql } from './resumen-fase-tipo.sql';

/**
 * resumen_fase_tipo kept by triggers in the transaction that changes what it
 * adds up (attendance summaries, an activity's phase or type, the groups an
 * activity is aimed at), instead of recomputed in the background after the
 * data version moves: the next request after an import reads it already.
 */
export class ResumenFaseTipoEnLaTransaccion1795800000000 implements MigrationInterface {
  name = 'ResumenFaseTipoEnLaTransaccion1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import may commit between the refill below and the triggers that keep it.
    await queryRunner.query(
      `LOCK "resumen_asistencia", "actividad", "actividad_grupo_de_valor" IN SHARE ROW EXCLUSIVE MODE`,
    );
    await queryRunner.query(`DROP TABLE "resumen_fase_tipo_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_fase_tipo"`);
    await queryRunner.query(`DELETE FROM "resumen_fase_tipo"`);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "ck_resumen_fase_tipo_nivel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ALTER COLUMN "nivel" TYPE character varying(16)`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "ck_resumen_fase_tipo_nivel" CHECK (nivel IN ('municipio', 'departamento', 'municipio_total'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "uq_resumen_fase_tipo" UNIQUE NULLS NOT DISTINCT ("nivel", "fase_codigo", "tipo_codigo", "territorio_codigo", "grupo_de_valor_codigo", "grupo_por_actividad", "modalidad")`,
    );
    const sql = new ResumenFaseTipoSql(false);
    await queryRunner.query(sql.rellenar());
    await sql.crearFunciones(queryRunner);
    await crearTriggersPorEvento(
      queryRunner,
      'resumen_asistencia',
      'resumen_fase_tipo_por_asistencias',
    );
    await queryRunner.query(`CREATE TRIGGER resumen_fase_tipo AFTER UPDATE ON "actividad"
      REFERENCING OLD TABLE AS viejas NEW TABLE AS nuevas FOR EACH STATEMENT EXECUTE FUNCTION resumen_fase_tipo_por_actividad()`);
    await crearTriggersPorEvento(
      queryRunner,
      'actividad_grupo_de_valor',
      'resumen_fase_tipo_por_grupos',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const tabla of ['resumen_asistencia', 'actividad_grupo_de_valor']) {
      for (const [evento] of EVENTOS) {
        await queryRunner.query(`DROP TRIGGER resumen_fase_tipo_${evento} ON "${tabla}"`);
      }
    }
    await queryRunner.query(`DROP TRIGGER resumen_fase_tipo ON "actividad"`);
    for (const funcion of ['asistencias', 'actividad', 'grupos']) {
      await queryRunner.query(`DROP FUNCTION resumen_fase_tipo_por_${funcion}()`);
    }
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "uq_resumen_fase_tipo"`,
    );
    await queryRunner.query(`DELETE FROM "resumen_fase_tipo" WHERE nivel = 'municipio_total'`);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "ck_resumen_fase_tipo_nivel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ALTER COLUMN "nivel" TYPE character varying(12)`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "ck_resumen_fase_tipo_nivel" CHECK (nivel IN ('municipio', 'departamento'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_fase_tipo" ON "resumen_fase_tipo" ("nivel", "fase_codigo", "tipo_codigo")`,
    );
    await queryRunner.query(`CREATE TABLE "resumen_fase_tipo_version" ("version" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "resumen_fase_tipo_version" ("version") VALUES (-1)`);
  }
}
