import { MigrationInterface, QueryRunner } from 'typeorm';

/** The key of an export's file when it is kept in an S3 bucket rather than in PostgreSQL. */
export class ArchivosEnS31796600000000 implements MigrationInterface {
  name = 'ArchivosEnS31796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "objeto" character varying(1024)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "objeto"`);
  }
}
