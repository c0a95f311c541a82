import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background exports and their progress. Reviewed by hand: generated SQL kept as is. */
export class Exportaciones1795494485290 implements MigrationInterface {
  name = 'Exportaciones1795494485290';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exportacion" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "estado" character varying(12) NOT NULL, "formato" character varying(4) NOT NULL, "filtros" jsonb NOT NULL DEFAULT '{}', "usuario" character varying(120) NOT NULL, "filas" integer NOT NULL DEFAULT '0', "total" integer, "error" text, "creada_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "terminada_en" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_exportacion_formato" CHECK (formato IN ('csv', 'xlsx')), CONSTRAINT "ck_exportacion_estado" CHECK (estado IN ('en_curso', 'lista', 'fallida', 'cancelada')), CONSTRAINT "pk_exportacion" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "exportacion"`);
  }
}
