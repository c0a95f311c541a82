import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The domain model: catalogues (fases, tipos de actividad, territorios,
 * subregiones, grupos de valor, aliados), actividades and ciclos, declared
 * totals and person-level records.
 *
 * Reviewed by hand. The one change from the generated SQL: uq_total_declarado
 * is NULLS NOT DISTINCT (PostgreSQL 15+), which TypeORM cannot express, so a
 * declared figure without territory or group is still unique.
 */
export class Inicial1795487445862 implements MigrationInterface {
  name = 'Inicial1795487445862';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "aliado" ("codigo" character varying(40) NOT NULL, "nombre" character varying(200) NOT NULL, "sigla" character varying(40), "categoria" character varying(40) NOT NULL, CONSTRAINT "ck_aliado_categoria" CHECK (categoria IN ('gobierno_nacional', 'cooperacion_internacional', 'organos_de_control', 'agremiaciones_territoriales', 'entidades_territoriales')), CONSTRAINT "pk_aliado" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fase" ("codigo" character varying(3) NOT NULL, "nombre" character varying(120) NOT NULL, "objetivo" text NOT NULL, "inicio" date NOT NULL, "fin" date, "periodo" character varying(200) NOT NULL, CONSTRAINT "ck_fase_periodo" CHECK (fin IS NULL OR fin >= inicio), CONSTRAINT "ck_fase_codigo" CHECK (codigo IN ('I', 'II', 'III')), CONSTRAINT "pk_fase" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tipo_actividad" ("codigo" character varying(40) NOT NULL, "nombre" character varying(80) NOT NULL, "orden" smallint NOT NULL, CONSTRAINT "pk_tipo_actividad" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ciclo" ("codigo" character varying(40) NOT NULL, "fase_codigo" character varying(3) NOT NULL, "tipo_codigo" character varying(40) NOT NULL, "nombre" character varying(200) NOT NULL, CONSTRAINT "pk_ciclo" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "grupo_de_valor" ("codigo" character varying(40) NOT NULL, "nombre" character varying(120) NOT NULL, CONSTRAINT "pk_grupo_de_valor" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "territorio" ("codigo" character varying(5) NOT NULL, "nombre" character varying(120) NOT NULL, "nivel" character varying(12) NOT NULL, "departamento_codigo" character varying(2) NOT NULL, CONSTRAINT "ck_territorio_codigo" CHECK ((nivel = 'departamento' AND codigo ~ '^[0-9]{2}$' AND departamento_codigo = codigo) OR (nivel = 'municipio' AND codigo ~ '^[0-9]{5}$' AND departamento_codigo = left(codigo, 2))), CONSTRAINT "ck_territorio_nivel" CHECK (nivel IN ('departamento', 'municipio')), CONSTRAINT "pk_territorio" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "subregion" ("codigo" character varying(40) NOT NULL, "nombre" character varying(120) NOT NULL, CONSTRAINT "pk_subregion" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "actividad" ("codigo" character varying(40) NOT NULL, "fase_codigo" character varying(3) NOT NULL, "tipo_codigo" character varying(40) NOT NULL, "ciclo_codigo" character varying(40), "titulo" text NOT NULL, "fecha_inicio" date NOT NULL, "fecha_fin" date NOT NULL, "modalidad" character varying(12), "canal" character varying(60), "youtube_video_id" character varying(11), "territorio_codigo" character varying(5), "subregion_codigo" character varying(40), "lugar" character varying(200), CONSTRAINT "uq_actividad_youtube_video" UNIQUE ("youtube_video_id"), CONSTRAINT "ck_actividad_youtube" CHECK (youtube_video_id ~ '^[A-Za-z0-9_-]{11}$'), CONSTRAINT "ck_actividad_lugar" CHECK (num_nonnulls(territorio_codigo, subregion_codigo) <= 1), CONSTRAINT "ck_actividad_modalidad" CHECK (modalidad IN ('presencial', 'virtual', 'hibrida')), CONSTRAINT "ck_actividad_fechas" CHECK (fecha_fin >= fecha_inicio), CONSTRAINT "pk_actividad" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_actividad_ciclo" ON "actividad"  ("ciclo_codigo")`);
    await queryRunner.query(
      `CREATE INDEX "ix_actividad_fase_tipo" ON "actividad"  ("fase_codigo", "tipo_codigo")`,
    );
    await queryRunner.query(
      `CREATE TABLE "asistencia" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "persona_clave" bytea NOT NULL, "modalidad" character varying(12) NOT NULL, "fecha" date, "municipio_codigo" character varying(5), "grupo_de_valor_codigo" character varying(40), "entidad" character varying(200), "cargo" character varying(200), "sexo" character varying(20), CONSTRAINT "uq_asistencia_persona" UNIQUE ("actividad_codigo", "persona_clave"), CONSTRAINT "ck_asistencia_modalidad" CHECK (modalidad IN ('presencial', 'virtual')), CONSTRAINT "pk_asistencia" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificado" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40) NOT NULL, "persona_clave" bytea NOT NULL, "municipio_codigo" character varying(5), "aspiracion" character varying(12), "fecha_certificacion" date NOT NULL, CONSTRAINT "uq_certificado_persona" UNIQUE ("actividad_codigo", "persona_clave"), CONSTRAINT "ck_certificado_aspiracion" CHECK (aspiracion IN ('alcaldia', 'gobernacion')), CONSTRAINT "pk_certificado" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "corte_vistas" ("actividad_codigo" character varying(40) NOT NULL, "fecha_corte" date NOT NULL, "vistas" bigint NOT NULL, CONSTRAINT "ck_corte_vistas_valor" CHECK (vistas >= 0), CONSTRAINT "pk_corte_vistas" PRIMARY KEY ("actividad_codigo", "fecha_corte"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicador" ("codigo" character varying(60) NOT NULL, "nombre" character varying(200) NOT NULL, "metrica" character varying(60) NOT NULL, "unidad" character varying(40) NOT NULL, CONSTRAINT "pk_indicador" PRIMARY KEY ("codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "meta" ("indicador_codigo" character varying(60) NOT NULL, "fase_codigo" character varying(3) NOT NULL, "valor" numeric(14,2) NOT NULL, CONSTRAINT "ck_meta_valor" CHECK (valor >= 0), CONSTRAINT "pk_meta" PRIMARY KEY ("indicador_codigo", "fase_codigo"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "total_declarado" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actividad_codigo" character varying(40), "ciclo_codigo" character varying(40), "metrica" character varying(40) NOT NULL, "valor" bigint NOT NULL, "calificador" character varying(12) NOT NULL, "fecha_corte" date NOT NULL, "territorio_codigo" character varying(5), "grupo_de_valor_codigo" character varying(40), "fuente" character varying(300), CONSTRAINT "uq_total_declarado" UNIQUE NULLS NOT DISTINCT ("actividad_codigo", "ciclo_codigo", "metrica", "fecha_corte", "territorio_codigo", "grupo_de_valor_codigo"), CONSTRAINT "ck_total_declarado_valor" CHECK (valor >= 0), CONSTRAINT "ck_total_declarado_calificador" CHECK (calificador IN ('exacto', 'minimo', 'aproximado')), CONSTRAINT "ck_total_declarado_metrica" CHECK (metrica IN ('vistas', 'certificados', 'asistentes_presenciales', 'asistentes_remotos', 'participantes')), CONSTRAINT "ck_total_declarado_objeto" CHECK (num_nonnulls(actividad_codigo, ciclo_codigo) = 1), CONSTRAINT "pk_total_declarado" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "subregion_territorio" ("subregion_codigo" character varying(40) NOT NULL, "territorio_codigo" character varying(5) NOT NULL, CONSTRAINT "PK_0fc371f6ab68bb617df57c750f3" PRIMARY KEY ("subregion_codigo", "territorio_codigo"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_423477b30a44867dc38bcc1fef" ON "subregion_territorio"  ("subregion_codigo")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_34ac4048e79f52c99e1b6b91b7" ON "subregion_territorio"  ("territorio_codigo")`,
    );
    await queryRunner.query(
      `CREATE TABLE "actividad_aliado" ("actividad_codigo" character varying(40) NOT NULL, "aliado_codigo" character varying(40) NOT NULL, CONSTRAINT "PK_657b726cda9b58863588943bbda" PRIMARY KEY ("actividad_codigo", "aliado_codigo"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_685cc0e641c216a4f19ceb2561" ON "actividad_aliado"  ("actividad_codigo")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d210007ae92f00218c7336edf9" ON "actividad_aliado"  ("aliado_codigo")`,
    );
    await queryRunner.query(
      `CREATE TABLE "actividad_grupo_de_valor" ("actividad_codigo" character varying(40) NOT NULL, "grupo_de_valor_codigo" character varying(40) NOT NULL, CONSTRAINT "PK_db76ec95fba6ceabcf27612a61e" PRIMARY KEY ("actividad_codigo", "grupo_de_valor_codigo"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c9b66ea3558e1a90dd0d93b55d" ON "actividad_grupo_de_valor"  ("actividad_codigo")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3f86f21e5cedef67493dc07782" ON "actividad_grupo_de_valor"  ("grupo_de_valor_codigo")`,
    );
    await queryRunner.query(
      `ALTER TABLE "ciclo" ADD CONSTRAINT "fk_ciclo_fase" FOREIGN KEY ("fase_codigo") REFERENCES "fase"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ciclo" ADD CONSTRAINT "fk_ciclo_tipo" FOREIGN KEY ("tipo_codigo") REFERENCES "tipo_actividad"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "territorio" ADD CONSTRAINT "fk_territorio_departamento" FOREIGN KEY ("departamento_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "fk_actividad_fase" FOREIGN KEY ("fase_codigo") REFERENCES "fase"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "fk_actividad_tipo" FOREIGN KEY ("tipo_codigo") REFERENCES "tipo_actividad"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "fk_actividad_ciclo" FOREIGN KEY ("ciclo_codigo") REFERENCES "ciclo"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "fk_actividad_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad" ADD CONSTRAINT "fk_actividad_subregion" FOREIGN KEY ("subregion_codigo") REFERENCES "subregion"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia" ADD CONSTRAINT "fk_asistencia_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia" ADD CONSTRAINT "fk_asistencia_municipio" FOREIGN KEY ("municipio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asistencia" ADD CONSTRAINT "fk_asistencia_grupo" FOREIGN KEY ("grupo_de_valor_codigo") REFERENCES "grupo_de_valor"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificado" ADD CONSTRAINT "fk_certificado_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificado" ADD CONSTRAINT "fk_certificado_municipio" FOREIGN KEY ("municipio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corte_vistas" ADD CONSTRAINT "fk_corte_vistas_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meta" ADD CONSTRAINT "fk_meta_indicador" FOREIGN KEY ("indicador_codigo") REFERENCES "indicador"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meta" ADD CONSTRAINT "fk_meta_fase" FOREIGN KEY ("fase_codigo") REFERENCES "fase"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" ADD CONSTRAINT "fk_total_declarado_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" ADD CONSTRAINT "fk_total_declarado_ciclo" FOREIGN KEY ("ciclo_codigo") REFERENCES "ciclo"("codigo") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" ADD CONSTRAINT "fk_total_declarado_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" ADD CONSTRAINT "fk_total_declarado_grupo" FOREIGN KEY ("grupo_de_valor_codigo") REFERENCES "grupo_de_valor"("codigo") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subregion_territorio" ADD CONSTRAINT "fk_subregion_territorio_subregion" FOREIGN KEY ("subregion_codigo") REFERENCES "subregion"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "subregion_territorio" ADD CONSTRAINT "fk_subregion_territorio_territorio" FOREIGN KEY ("territorio_codigo") REFERENCES "territorio"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_aliado" ADD CONSTRAINT "fk_actividad_aliado_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_aliado" ADD CONSTRAINT "fk_actividad_aliado_aliado" FOREIGN KEY ("aliado_codigo") REFERENCES "aliado"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_grupo_de_valor" ADD CONSTRAINT "fk_actividad_grupo_actividad" FOREIGN KEY ("actividad_codigo") REFERENCES "actividad"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_grupo_de_valor" ADD CONSTRAINT "fk_actividad_grupo_grupo" FOREIGN KEY ("grupo_de_valor_codigo") REFERENCES "grupo_de_valor"("codigo") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "actividad_grupo_de_valor" DROP CONSTRAINT "fk_actividad_grupo_grupo"`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_grupo_de_valor" DROP CONSTRAINT "fk_actividad_grupo_actividad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_aliado" DROP CONSTRAINT "fk_actividad_aliado_aliado"`,
    );
    await queryRunner.query(
      `ALTER TABLE "actividad_aliado" DROP CONSTRAINT "fk_actividad_aliado_actividad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "subregion_territorio" DROP CONSTRAINT "fk_subregion_territorio_territorio"`,
    );
    await queryRunner.query(
      `ALTER TABLE "subregion_territorio" DROP CONSTRAINT "fk_subregion_territorio_subregion"`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" DROP CONSTRAINT "fk_total_declarado_grupo"`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" DROP CONSTRAINT "fk_total_declarado_territorio"`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" DROP CONSTRAINT "fk_total_declarado_ciclo"`,
    );
    await queryRunner.query(
      `ALTER TABLE "total_declarado" DROP CONSTRAINT "fk_total_declarado_actividad"`,
    );
    await queryRunner.query(`ALTER TABLE "meta" DROP CONSTRAINT "fk_meta_fase"`);
    await queryRunner.query(`ALTER TABLE "meta" DROP CONSTRAINT "fk_meta_indicador"`);
    await queryRunner.query(
      `ALTER TABLE "corte_vistas" DROP CONSTRAINT "fk_corte_vistas_actividad"`,
    );
    await queryRunner.query(`ALTER TABLE "certificado" DROP CONSTRAINT "fk_certificado_municipio"`);
    await queryRunner.query(`ALTER TABLE "certificado" DROP CONSTRAINT "fk_certificado_actividad"`);
    await queryRunner.query(`ALTER TABLE "asistencia" DROP CONSTRAINT "fk_asistencia_grupo"`);
    await queryRunner.query(`ALTER TABLE "asistencia" DROP CONSTRAINT "fk_asistencia_municipio"`);
    await queryRunner.query(`ALTER TABLE "asistencia" DROP CONSTRAINT "fk_asistencia_actividad"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "fk_actividad_subregion"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "fk_actividad_territorio"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "fk_actividad_ciclo"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "fk_actividad_tipo"`);
    await queryRunner.query(`ALTER TABLE "actividad" DROP CONSTRAINT "fk_actividad_fase"`);
    await queryRunner.query(
      `ALTER TABLE "territorio" DROP CONSTRAINT "fk_territorio_departamento"`,
    );
    await queryRunner.query(`ALTER TABLE "ciclo" DROP CONSTRAINT "fk_ciclo_tipo"`);
    await queryRunner.query(`ALTER TABLE "ciclo" DROP CONSTRAINT "fk_ciclo_fase"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f86f21e5cedef67493dc07782"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c9b66ea3558e1a90dd0d93b55d"`);
    await queryRunner.query(`DROP TABLE "actividad_grupo_de_valor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d210007ae92f00218c7336edf9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_685cc0e641c216a4f19ceb2561"`);
    await queryRunner.query(`DROP TABLE "actividad_aliado"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34ac4048e79f52c99e1b6b91b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_423477b30a44867dc38bcc1fef"`);
    await queryRunner.query(`DROP TABLE "subregion_territorio"`);
    await queryRunner.query(`DROP TABLE "total_declarado"`);
    await queryRunner.query(`DROP TABLE "meta"`);
    await queryRunner.query(`DROP TABLE "indicador"`);
    await queryRunner.query(`DROP TABLE "corte_vistas"`);
    await queryRunner.query(`DROP TABLE "certificado"`);
    await queryRunner.query(`DROP TABLE "asistencia"`);
    await queryRunner.query(`DROP INDEX "public"."ix_actividad_fase_tipo"`);
    await queryRunner.query(`DROP INDEX "public"."ix_actividad_ciclo"`);
    await queryRunner.query(`DROP TABLE "actividad"`);
    await queryRunner.query(`DROP TABLE "subregion"`);
    await queryRunner.query(`DROP TABLE "territorio"`);
    await queryRunner.query(`DROP TABLE "grupo_de_valor"`);
    await queryRunner.query(`DROP TABLE "ciclo"`);
    await queryRunner.query(`DROP TABLE "tipo_actividad"`);
    await queryRunner.query(`DROP TABLE "fase"`);
    await queryRunner.query(`DROP TABLE "aliado"`);
  }
}
