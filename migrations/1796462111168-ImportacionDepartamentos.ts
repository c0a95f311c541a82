import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments an import was limited to, so that a department-limited
 * user's history and rejections show only imports within their departments.
 * Earlier imports were national (null): they stay hidden from such users.
 */
export class ImportacionDepartamentos1796462111168 implements MigrationInterface {
  name = 'ImportacionDepartamentos1796462111168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "importacion" ADD "departamentos" character varying(2) array`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "importacion" DROP COLUMN "departamentos"`);
  }
}
