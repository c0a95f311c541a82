import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: the record of each file loaded and its rejected rows; each fact
 * row remembers the import that brought it; territories gain DANE's type.
 * Reviewed by hand: generated SQL kept as is.
 */
export class Importaciones1795488133572 implements MigrationInterface {
  name = 'Importaciones1795488133572';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "importacion" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "tipo" character varying(30) NOT NULL, "formato" character varying(30) NOT NULL, "archivo_nombre" character varying(255) NOT NULL, "archivo_bytes" bigint NOT NULL, "archivo_sha256" character(64) NOT NULL, "usuario" character varying(120) NOT NULL, "creada_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "opciones" jsonb NOT NULL DEFAULT '{}', "filas_leidas" integer NOT NULL DEFAULT '0', "aceptadas" integer NOT NULL DEFAULT '0', "actualizadas" integer NOT NULL DEFAULT '0', "duplicadas" integer NOT NULL DEFAULT '0', "rechazadas" integer NOT NULL DEFAULT '0', "omitidas" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_importacion_tipo" CHECK (tipo IN ('actividades', 'asistencias', 'certificados', 'vistas', 'totales', 'territorios')), CONSTRAINT "pk_importacion" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "importacion_rechazo" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "importacion_id" bigint NOT NULL, "fila" integer NOT NULL, "columna" character varying(80), "valor" character varying(200), "motivo" text NOT NULL, CONSTRAINT "pk_importacion_rechazo" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_importacion_rechazo_importacion" ON "importacion_rechazo"  ("importacion_id", "fila")`,
    );
    await queryRunner.query(`ALTER TABLE "territorio" ADD "tipo" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "asistencia" ADD "importacion_id" bigint`);
    await queryRunner.query(`ALTER TABLE "certificado" ADD "importacion_id" bigint`);
    await queryRunner.query(`ALTER TABLE "corte_vistas" ADD "importacion_id" bigint`);
    await queryRunner.query(`ALTER TABLE "total_declarado" ADD "importacion_id" bigint`);
    await queryRunner.query(
      `ALTER TABLE "asistencia" ADD CONSTRAINT "fk_asistencia_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificado" ADD CONSTRAINT "fk_certificado_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corte_vistas" ADD CONSTRAINT "fk_corte_vistas_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_rechazo" ADD CONSTRAINT "fk_importacion_rechazo_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" ADD CONSTRAINT "fk_total_declarado_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "total_declarado" DROP CONSTRAINT "fk_total_declarado_importacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_rechazo" DROP CONSTRAINT "fk_importacion_rechazo_importacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "corte_vistas" DROP CONSTRAINT "fk_corte_vistas_importacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificado" DROP CONSTRAINT "fk_certificado_importacion"`,
    );
    await queryRunner.query(`ALTER TABLE "asistencia" DROP CONSTRAINT "fk_asistencia_importacion"`);
    await queryRunner.query(`ALTER TABLE "total_declarado" DROP COLUMN "importacion_id"`);
    await queryRunner.query(`ALTER TABLE "corte_vistas" DROP COLUMN "importacion_id"`);
    await queryRunner.query(`ALTER TABLE "certificado" DROP COLUMN "importacion_id"`);
    await queryRunner.query(`ALTER TABLE "asistencia" DROP COLUMN "importacion_id"`);
    await queryRunner.query(`ALTER TABLE "territorio" DROP COLUMN "tipo"`);
    await queryRunner.query(`DROP INDEX "public"."ix_importacion_rechazo_importacion"`);
    await queryRunner.query(`DROP TABLE "importacion_rechazo"`);
    await queryRunner.query(`DROP TABLE "importacion"`);
  }
}
