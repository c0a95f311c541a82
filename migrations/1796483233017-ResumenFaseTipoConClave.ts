import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * resumen_fase_tipo gets a key of its own, as every other summary has, so that
 * an entity describes it and `esquema verificar` covers it. Its triggers name
 * their columns, so the identity fills itself.
 */
export class ResumenFaseTipoConClave1796483233017 implements MigrationInterface {
  name = 'ResumenFaseTipoConClave1796483233017';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "pk_resumen_fase_tipo" PRIMARY KEY ("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "pk_resumen_fase_tipo"`,
    );
    await queryRunner.query(`ALTER TABLE "resumen_fase_tipo" DROP COLUMN "id"`);
  }
}
