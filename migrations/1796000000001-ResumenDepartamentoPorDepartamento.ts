import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The summary by activity and department sought by department: a department's
 * breakdown by activity, ally or channel read all its rows (67.000 at
 * 5.000.000 attendances) and sorted them to join its activities.
 */
export class ResumenDepartamentoPorDepartamento1796000000001 implements MigrationInterface {
  name = 'ResumenDepartamentoPorDepartamento1796000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_departamento" ON "resumen_departamento" ("departamento_codigo") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_departamento"`);
  }
}
