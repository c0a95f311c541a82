import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phase III: the milestones of each entity's development plan and the
 * technical assistance it received, both imported, and the municipalities'
 * category (Ley 617 de 2000) where the territorios import gives it. Reviewed by hand: the
 * generator does not see a changed CHECK expression, so the list of import
 * kinds in ck_importacion_tipo is replaced here.
 */
export class Pdt1795616424642 implements MigrationInterface {
  name = 'Pdt1795616424642';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "territorio" ADD "categoria" character varying(8)`);
    await queryRunner.query(
      `ALTER TABLE "territorio" ADD CONSTRAINT "ck_territorio_categoria" CHECK (categoria IN ('especial', '1', '2', '3', '4', '5', '6'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "asistencia_tecnica" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "fecha" date NOT NULL, "territorio_codigo" character varying(5) NOT NULL, "tema" character varying(30) NOT NULL, "modalidad" character varying(12) NOT NULL, "oferente" character varying(40) NOT NULL, "horas" numeric(6,1) NOT NULL, "funcionarios" integer NOT NULL, "importacion_id" bigint, CONSTRAINT "uq_asistencia_tecnica" UNIQUE ("territorio_codigo", "fecha", "tema", "oferente"), CONSTRAINT "ck_asistencia_tecnica_funcionarios" CHECK (funcionarios >= 0), CONSTRAINT "ck_asistencia_tecnica_horas" CHECK (horas > 0), CONSTRAINT "ck_asistencia_tecnica_modalidad" CHECK (modalidad IN ('presencial', 'virtual', 'hibrida')), CONSTRAINT "ck_asistencia_tecnica_tema" CHECK (tema IN ('diagnostico', 'parte_estrategica', 'plan_plurianual_inversiones', 'seguimiento')), CONSTRAINT "pk_asistencia_tecnica" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hito_pdt" ("territorio_codigo" character varying(5) NOT NULL, "hito" character varying(30) NOT NULL, "fecha" date NOT NULL, "referencia" character varying(200), "importacion_id" bigint, CONSTRAINT "ck_hito_pdt_hito" CHECK (hito IN ('anteproyecto', 'radicado_ctp', 'concepto_ctp', 'radicado_corporacion', 'aprobado', 'adoptado_decreto')), CONSTRAINT "pk_hito_pdt" PRIMARY KEY ("territorio_codigo", "hito"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia_tecnica" ADD CONSTRAINT "fk_asistencia_tecnica_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia_tecnica" ADD CONSTRAINT "fk_asistencia_tecnica_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hito_pdt" ADD CONSTRAINT "fk_hito_pdt_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hito_pdt" ADD CONSTRAINT "fk_hito_pdt_importacion" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "importacion" DROP CONSTRAINT "ck_importacion_tipo"`);
    await queryRunner.query(
      `ALTER TABLE "importacion" ADD CONSTRAINT "ck_importacion_tipo" CHECK (tipo IN ('actividades', 'asistencias', 'certificados', 'vistas', 'totales', 'territorios', 'hitos_pdt', 'asistencias_tecnicas'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "importacion" WHERE tipo IN ('hitos_pdt', 'asistencias_tecnicas')`,
    );
    await queryRunner.query(`ALTER TABLE "importacion" DROP CONSTRAINT "ck_importacion_tipo"`);
    await queryRunner.query(
      `ALTER TABLE "importacion" ADD CONSTRAINT "ck_importacion_tipo" CHECK (tipo IN ('actividades', 'asistencias', 'certificados', 'vistas', 'totales', 'territorios'))`,
    );
    await queryRunner.query(`ALTER TABLE "hito_pdt" DROP CONSTRAINT "fk_hito_pdt_importacion"`);
    await queryRunner.query(`ALTER TABLE "hito_pdt" DROP CONSTRAINT "fk_hito_pdt_territorio"`);
    await queryRunner.query(
      `ALTER TABLE "asistencia_tecnica" DROP CONSTRAINT "fk_asistencia_tecnica_importacion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia_tecnica" DROP CONSTRAINT "fk_asistencia_tecnica_territorio"`,
    );
    await queryRunner.query(`DROP TABLE "hito_pdt"`);
    await queryRunner.query(`DROP TABLE "asistencia_tecnica"`);
    await queryRunner.query(`ALTER TABLE "territorio" DROP CONSTRAINT "ck_territorio_categoria"`);
    await queryRunner.query(`ALTER TABLE "territorio" DROP COLUMN "categoria"`);
  }
}
