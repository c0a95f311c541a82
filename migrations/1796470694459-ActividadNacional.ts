import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An activity held across the whole country ("cubriendo todo el territorio
 * nacional", as the source says of the 38 workshops of phase II) counts as
 * national coverage rather than as a figure without a place. It has no one
 * territory nor subregion.
 */
export class ActividadNacional1796470694459 implements MigrationInterface {
  name = 'ActividadNacional1796470694459';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actividad" ADD "nacional" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "ck_actividad_nacional" CHECK (NOT nacional OR (territorio_codigo IS NULL AND subregion_codigo IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "ck_actividad_nacional"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP COLUMN "nacional"`);
  }
}
