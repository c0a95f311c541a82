import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names as people write them: aliases an editor teaches for a value an import
 * did not know (one column per catalogue, so that a foreign key keeps each to
 * an entry that exists; retired, not deleted); the catalogue and value of
 * such a rejection; the rows rejected only for such values, kept to run again
 * (never a document or an e-mail in clear: the keyed hash); re-runs linked to
 * their import; and the notes on accepted rows (a code DANE annulled).
 */

export class NombresYAlias1796465289834 implements MigrationInterface {
  name = 'NombresYAlias1796465289834';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alias" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "catalogo" character varying(20) NOT NULL, "clave" character varying(200) NOT NULL, "valor" character varying(200) NOT NULL, "territorio_codigo" character varying(5), "grupo_de_valor_codigo" character varying(40), "aliado_codigo" character varying(40), "tipo_actividad_codigo" character varying(40), "modalidad" character varying(12), "actividad_codigo" character varying(40), "subregion_codigo" character varying(40), "importacion_id" bigint, "creado_por" character varying(120) NOT NULL, "creado_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retirado_por" character varying(120), "retirado_en" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_alias_entrada" CHECK ((catalogo = 'territorio') = (territorio_codigo IS NOT NULL) AND (catalogo = 'grupo_de_valor') = (grupo_de_valor_codigo IS NOT NULL) AND (catalogo = 'aliado') = (aliado_codigo IS NOT NULL) AND (catalogo = 'tipo_actividad') = (tipo_actividad_codigo IS NOT NULL) AND (catalogo = 'modalidad') = (modalidad IS NOT NULL) AND (catalogo = 'actividad') = (actividad_codigo IS NOT NULL) AND (catalogo = 'subregion') = (subregion_codigo IS NOT NULL)), CONSTRAINT "ck_alias_modalidad" CHECK (modalidad IN ('presencial', 'virtual', 'hibrida')), CONSTRAINT "ck_alias_catalogo" CHECK (catalogo IN ('territorio', 'grupo_de_valor', 'aliado', 'tipo_actividad', 'modalidad', 'actividad', 'subregion')), CONSTRAINT "pk_alias" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alias_vigente" ON "alias"  ("catalogo", "clave") WHERE retirado_en IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "importacion_fila_rechazada" ("importacion_id" bigint NOT NULL, "fila" integer NOT NULL, "valores" jsonb NOT NULL, "resuelta_por" bigint, CONSTRAINT "pk_importacion_fila_rechazada" PRIMARY KEY ("importacion_id", "fila"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "importacion_aviso" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "importacion_id" bigint NOT NULL, "fila" integer NOT NULL, "columna" character varying(80) NOT NULL, "valor" character varying(200), "nota" text NOT NULL, CONSTRAINT "pk_importacion_aviso" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_importacion_aviso_importacion" ON "importacion_aviso"  ("importacion_id", "fila")`,
    );
    await queryRunner.query(`ALTER TABLE "importacion" ADD "avisos" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "importacion" ADD "reintento_de" bigint`);
    await queryRunner.query(
      `ALTER TABLE "importacion_rechazo" ADD "catalogo" character varying(20)`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_rechazo" ADD "desconocido" character varying(200)`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion" ADD CONSTRAINT "fk_importacion_reintento_de" FOREIGN KEY ("reintento_de") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_grupo" FOREIGN KEY ("grupo_de_valor_codigo") REFERENCES "grupo_de_valor"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_aliado" FOREIGN KEY ("aliado_codigo") REFERENCES "aliado"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_tipo" FOREIGN KEY ("tipo_actividad_codigo") REFERENCES "tipo_actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_subregion" FOREIGN KEY ("subregion_codigo") REFERENCES "subregion"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alias" ADD CONSTRAINT "fk_alias_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_fila_rechazada" ADD CONSTRAINT "fk_importacion_fila_rechazada_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_fila_rechazada" ADD CONSTRAINT "fk_importacion_fila_rechazada_reintento" FOREIGN KEY ("resuelta_por") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_aviso" ADD CONSTRAINT "fk_importacion_aviso_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "importacion_aviso" DROP CONSTRAINT "fk_importacion_aviso_importacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_fila_rechazada" DROP CONSTRAINT "fk_importacion_fila_rechazada_reintento"`,
    );
    await queryRunner.query(
      `ALTER TABLE "importacion_fila_rechazada" DROP CONSTRAINT "fk_importacion_fila_rechazada_importacion"`,
    );
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_importacion"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_subregion"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_actividad"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_tipo"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_aliado"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_grupo"`);
    await queryRunner.query(`ALTER TABLE "alias" DROP CONSTRAINT "fk_alias_territorio"`);
    await queryRunner.query(
      `ALTER TABLE "importacion" DROP CONSTRAINT "fk_importacion_reintento_de"`,
    );
    await queryRunner.query(`ALTER TABLE "importacion_rechazo" DROP COLUMN "desconocido"`);
    await queryRunner.query(`ALTER TABLE "importacion_rechazo" DROP COLUMN "catalogo"`);
    await queryRunner.query(`ALTER TABLE "importacion" DROP COLUMN "reintento_de"`);
    await queryRunner.query(`ALTER TABLE "importacion" DROP COLUMN "avisos"`);
    await queryRunner.query(`DROP INDEX "public"."ix_importacion_aviso_importacion"`);
    await queryRunner.query(`DROP TABLE "importacion_aviso"`);
    await queryRunner.query(`DROP TABLE "importacion_fila_rechazada"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alias_vigente"`);
    await queryRunner.query(`DROP TABLE "alias"`);
  }
}
