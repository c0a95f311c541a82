import { MigrationInterface, QueryRunner } from 'typeorm';
import { ResumenFaseTipoSql } from './resumen-fase-tipo.sql';

/**
 * resumen_fase_tipo also by the month its activities started in: a question
 * with dates or a cut-off, which leaves few phases × types whole, still finds
 * whole months in them, instead of reading each activity's records by
 * municipality and group.
 */
export class ResumenFaseTipoPorMes1795900000000 implements MigrationInterface {
  name = 'ResumenFaseTipoPorMes1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rehacer(
      queryRunner,
      new ResumenFaseTipoSql(true),
      `ALTER TABLE "resumen_fase_tipo" ADD COLUMN "mes" date`,
      `"nivel", "fase_codigo", "tipo_codigo", "mes", "territorio_codigo", "grupo_de_valor_codigo", "grupo_por_actividad", "modalidad"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.rehacer(
      queryRunner,
      new ResumenFaseTipoSql(false),
      `ALTER TABLE "resumen_fase_tipo" DROP COLUMN "mes"`,
      `"nivel", "fase_codigo", "tipo_codigo", "territorio_codigo", "grupo_de_valor_codigo", "grupo_por_actividad", "modalidad"`,
    );
  }

  /** The summary emptied, reshaped, refilled and kept by the triggers' new bodies. */
  private async rehacer(
    queryRunner: QueryRunner,
    sql: ResumenFaseTipoSql,
    columnaMes: string,
    unica: string,
  ): Promise<void> {
    // No import may commit between the refill below and the triggers that keep it.
    await queryRunner.query(
      `LOCK "resumen_asistencia", "actividad", "actividad_grupo_de_valor" IN SHARE ROW EXCLUSIVE MODE`,
    );
    await queryRunner.query(`DELETE FROM "resumen_fase_tipo"`);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "uq_resumen_fase_tipo"`,
    );
    await queryRunner.query(columnaMes);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "uq_resumen_fase_tipo" UNIQUE NULLS NOT DISTINCT (${unica})`,
    );
    await sql.crearFunciones(queryRunner, true);
    await queryRunner.query(sql.rellenar());
    // Filled row by row out of the index's order: rebuilt at about half the size, and its statistics taken.
    await queryRunner.query(`REINDEX INDEX "uq_resumen_fase_tipo"`);
    await queryRunner.query(`ANALYZE "resumen_fase_tipo"`);
  }
}
