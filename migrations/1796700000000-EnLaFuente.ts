import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the source says of an activity or a cycle where it says less than the catalogue: its date
 * in its own words ("2023"), or no date or count (the phase I fichas). The phase as declared reads it.
 */
export class EnLaFuente1796700000000 implements MigrationInterface {
  name = 'EnLaFuente1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actividad" ADD "en_la_fuente" jsonb`);
    await queryRunner.query(`ALTER TABLE "ciclo" ADD "en_la_fuente" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ciclo" DROP COLUMN "en_la_fuente"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP COLUMN "en_la_fuente"`);
  }
}
