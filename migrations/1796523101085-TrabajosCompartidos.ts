import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export jobs queued in PostgreSQL for any instance to run (lease, attempts,
 * cancellation asked from any instance), owned by a user's or a token's id,
 * their files kept in chunks until they expire. Reviewed by hand: the jobs
 * from before have an owner's name only and a file on one instance's disk,
 * so they are deleted first (their files in <DATA_DIR>/exportaciones may be
 * removed).
 */
export class TrabajosCompartidos1796523101085 implements MigrationInterface {
  name = 'TrabajosCompartidos1796523101085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "exportacion"`);
    await queryRunner.query(
      `CREATE TABLE "exportacion_parte" ("exportacion_id" bigint NOT NULL, "numero" integer NOT NULL, "datos" bytea NOT NULL, CONSTRAINT "pk_exportacion_parte" PRIMARY KEY ("exportacion_id", "numero"))`,
    );
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "usuario_id" bigint`);
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "token_id" bigint`);
    await queryRunner.query(
      `ALTER TABLE "exportacion" ADD "departamentos" character varying(2) array`,
    );
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "bytes" bigint`);
    await queryRunner.query(
      `ALTER TABLE "exportacion" ADD "intentos" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "ejecutor" character varying(80)`);
    await queryRunner.query(
      `ALTER TABLE "exportacion" ADD "bloqueada_hasta" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "exportacion" ADD "cancelacion_pedida" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "exportacion" ADD "expira_en" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_exportacion_pendiente" ON "exportacion"  ("id") WHERE estado = 'en_curso'`,
    );
    await queryRunner.query(
      `ALTER TABLE "exportacion" ADD CONSTRAINT "ck_exportacion_propietario" CHECK (num_nonnulls(usuario_id, token_id) = 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "exportacion_parte" ADD CONSTRAINT "fk_exportacion_parte_exportacion" FOREIGN KEY ("exportacion_id") REFERENCES "exportacion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "exportacion_parte" DROP CONSTRAINT "fk_exportacion_parte_exportacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exportacion" DROP CONSTRAINT "ck_exportacion_propietario"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_exportacion_pendiente"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "expira_en"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "cancelacion_pedida"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "bloqueada_hasta"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "ejecutor"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "intentos"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "bytes"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "departamentos"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "token_id"`);
    await queryRunner.query(`ALTER TABLE "exportacion" DROP COLUMN "usuario_id"`);
    await queryRunner.query(`DROP TABLE "exportacion_parte"`);
  }
}
