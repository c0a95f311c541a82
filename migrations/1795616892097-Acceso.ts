import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, sessions, API tokens and the audit log. Reviewed by hand: generated
 * SQL kept as is, plus a trigger that makes the audit log append-only.
 */
export class Acceso1795616892097 implements MigrationInterface {
  name = 'Acceso1795616892097';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "token_api" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "nombre" character varying(80) NOT NULL, "hash" character(64) NOT NULL, "rol" character varying(16) NOT NULL, "departamentos" character varying(2) array, "creado_por" character varying(60) NOT NULL, "creado_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ultimo_uso" TIMESTAMP WITH TIME ZONE, "revocado_en" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_token_api_hash" UNIQUE ("hash"), CONSTRAINT "ck_token_api_rol" CHECK (rol IN ('admin', 'editor', 'analista', 'comunicaciones', 'lectura')), CONSTRAINT "pk_token_api" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "usuario" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "nombre" character varying(60) NOT NULL, "clave_hash" text NOT NULL, "rol" character varying(16) NOT NULL, "departamentos" character varying(2) array, "activo" boolean NOT NULL DEFAULT true, "creado_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_usuario_nombre" UNIQUE ("nombre"), CONSTRAINT "ck_usuario_rol" CHECK (rol IN ('admin', 'editor', 'analista', 'comunicaciones', 'lectura')), CONSTRAINT "pk_usuario" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "auditoria" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "quien" character varying(80) NOT NULL, "origen" character varying(64) NOT NULL, "accion" character varying(40) NOT NULL, "detalle" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "pk_auditoria" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auditoria_en" ON "auditoria"  ("en")`);
    await queryRunner.query(
      `CREATE TABLE "sesion" ("hash" character(64) NOT NULL, "usuario_id" bigint NOT NULL, "creada_en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expira_en" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_sesion" PRIMARY KEY ("hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sesion_usuario" ON "sesion"  ("usuario_id")`);
    await queryRunner.query(`CREATE FUNCTION auditoria_solo_agregar() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'La auditoría solo admite agregar entradas (% no permitido)', TG_OP;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER auditoria_solo_agregar BEFORE UPDATE OR DELETE OR TRUNCATE ON "auditoria"
        FOR EACH STATEMENT EXECUTE FUNCTION auditoria_solo_agregar()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER auditoria_solo_agregar ON "auditoria"`);
    await queryRunner.query(`DROP FUNCTION auditoria_solo_agregar()`);
    await queryRunner.query(`DROP INDEX "public"."ix_sesion_usuario"`);
    await queryRunner.query(`DROP TABLE "sesion"`);
    await queryRunner.query(`DROP INDEX "public"."ix_auditoria_en"`);
    await queryRunner.query(`DROP TABLE "auditoria"`);
    await queryRunner.query(`DROP TABLE "usuario"`);
    await queryRunner.query(`DROP TABLE "token_api"`);
  }
}
