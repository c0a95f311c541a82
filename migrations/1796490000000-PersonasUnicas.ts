import { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTOS } from './resumen-fase-tipo.sql';

/**
 * The distinct persons of all the attendances, exact, kept as they change:
 * counted over the raw records each time it took ≈ 2,5 s at 5.000.000
 * attendances. resumen_persona holds each person's attendances (so a delete
 * knows when a person goes) and total_personas counts its rows; both kept by
 * statement triggers on asistencia, in the transaction that changes it and in
 * the summaries' turn.
 */
export class PersonasUnicas1796490000000 implements MigrationInterface {
  name = 'PersonasUnicas1796490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import may commit between the backfill below and the triggers that keep it.
    await queryRunner.query(`LOCK "asistencia" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TABLE "resumen_persona" ("persona_clave" bytea NOT NULL, "asistencias" integer NOT NULL, CONSTRAINT "pk_resumen_persona" PRIMARY KEY ("persona_clave"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "total_personas" ("unica" boolean NOT NULL DEFAULT true, "personas" bigint NOT NULL, CONSTRAINT "ck_total_personas_una_fila" CHECK (unica), CONSTRAINT "pk_total_personas" PRIMARY KEY ("unica"))`,
    );
    await queryRunner.query(
      `INSERT INTO resumen_persona (persona_clave, asistencias)
       SELECT persona_clave, count(*) FROM asistencia GROUP BY persona_clave`,
    );
    await queryRunner.query(
      `INSERT INTO total_personas (personas) SELECT count(*) FROM resumen_persona`,
    );
    await queryRunner.query(`ANALYZE "resumen_persona"`);
    await queryRunner.query(`CREATE FUNCTION resumen_persona_por_asistencias() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        llegan bigint := 0;
        se_van bigint := 0;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM resumen_persona;
          UPDATE total_personas SET personas = 0;
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('resumen_fase_tipo'));
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE resumen_persona p SET asistencias = p.asistencias - v.asistencias
            FROM (SELECT persona_clave, count(*) AS asistencias FROM viejas GROUP BY 1 ORDER BY 1) v
           WHERE p.persona_clave = v.persona_clave;
          DELETE FROM resumen_persona
           WHERE persona_clave IN (SELECT persona_clave FROM viejas) AND asistencias = 0;
          GET DIAGNOSTICS se_van = ROW_COUNT;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          -- A row inserted, not updated on conflict, has no xmax: a person seen for the first time.
          WITH sumadas AS (
            INSERT INTO resumen_persona (persona_clave, asistencias)
            SELECT persona_clave, count(*) FROM nuevas GROUP BY 1 ORDER BY 1
            ON CONFLICT ON CONSTRAINT pk_resumen_persona
            DO UPDATE SET asistencias = resumen_persona.asistencias + EXCLUDED.asistencias
            RETURNING xmax = 0 AS nueva)
          SELECT count(*) FILTER (WHERE nueva) INTO llegan FROM sumadas;
        END IF;
        IF llegan <> se_van THEN
          UPDATE total_personas SET personas = personas + llegan - se_van;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [evento, transicion] of [...EVENTOS, ['truncate', ''] as const]) {
      await queryRunner.query(`CREATE TRIGGER resumen_persona_${evento} AFTER ${evento.toUpperCase()} ON "asistencia"
        ${transicion} FOR EACH STATEMENT EXECUTE FUNCTION resumen_persona_por_asistencias()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const evento of [...EVENTOS.map(([evento]) => evento), 'truncate']) {
      await queryRunner.query(`DROP TRIGGER resumen_persona_${evento} ON "asistencia"`);
    }
    await queryRunner.query(`DROP FUNCTION resumen_persona_por_asistencias()`);
    await queryRunner.query(`DROP TABLE "total_personas"`);
    await queryRunner.query(`DROP TABLE "resumen_persona"`);
  }
}
