import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds rows of attendances to resumen_fase_tipo, at every level: by
 * municipality and group, by department and group, and by municipality with
 * the groups added up (what a question without a group reads). `cambios`
 * yields (fase_codigo, tipo_codigo, municipio_codigo, grupo_de_valor_codigo,
 * grupo_por_actividad, modalidad, asistencias), negative to take away.
 */
function sumarAResumenFaseTipo(cambios: string): string {
  return `
    INSERT INTO resumen_fase_tipo (nivel, fase_codigo, tipo_codigo, territorio_codigo, grupo_de_valor_codigo,
                                   grupo_por_actividad, modalidad, asistencias)
    SELECT n.nivel, c.fase_codigo, c.tipo_codigo,
           CASE n.nivel WHEN 'departamento' THEN left(c.municipio_codigo, 2) ELSE c.municipio_codigo END,
           CASE n.nivel WHEN 'municipio_total' THEN NULL ELSE c.grupo_de_valor_codigo END,
           c.grupo_por_actividad, c.modalidad, sum(c.asistencias)
      FROM (${cambios}) c CROSS JOIN (VALUES ('municipio'), ('departamento'), ('municipio_total')) n (nivel)
     WHERE n.nivel <> 'municipio_total' OR c.grupo_por_actividad IS NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT uq_resumen_fase_tipo
    DO UPDATE SET asistencias = resumen_fase_tipo.asistencias + EXCLUDED.asistencias;
    DELETE FROM resumen_fase_tipo WHERE asistencias = 0;`;
}

/**
 * The rows of resumen_fase_tipo that attendance summary rows `registros`
 * stand for: (fase_codigo, tipo_codigo, actividad_codigo, municipio_codigo,
 * grupo_de_valor_codigo, modalidad, asistencias). Records without a group are
 * also kept once per group their activity was aimed at, for the group filter.
 */
function porGrupo(registros: string): string {
  return `
    SELECT r.fase_codigo, r.tipo_codigo, r.municipio_codigo, r.grupo_de_valor_codigo, NULL::varchar AS grupo_por_actividad,
           r.modalidad, r.asistencias
      FROM (${registros}) r
    UNION ALL
    SELECT r.fase_codigo, r.tipo_codigo, r.municipio_codigo, NULL, g.grupo_de_valor_codigo, r.modalidad, r.asistencias
      FROM (${registros}) r JOIN actividad_grupo_de_valor g ON g.actividad_codigo = r.actividad_codigo
     WHERE r.grupo_de_valor_codigo IS NULL`;
}

const DE_RESUMEN_ASISTENCIA = (tabla: string, signo = '') => `
  SELECT a.fase_codigo, a.tipo_codigo, r.actividad_codigo, r.municipio_codigo, r.grupo_de_valor_codigo, r.modalidad,
         ${signo}r.asistencias AS asistencias
    FROM ${tabla} r JOIN actividad a ON a.codigo = r.actividad_codigo`;

// Writers of the summary take turns until they commit, and each reads the
// activities and groups after taking its turn: what it adds is under what the
// previous writer committed.
const TURNO = `PERFORM pg_advisory_xact_lock(hashtext('resumen_fase_tipo'));`;

/**
 * The body of a statement trigger on INSERT, UPDATE and DELETE: `cambios`
 * gives the rows of resumen_fase_tipo a transition table ('nuevas' or
 * 'viejas') stands for, with the sign ('' or '-') to add them with.
 */
function sumarPorEvento(cambios: (tabla: string, signo: '' | '-') => string): string {
  return `
    IF TG_OP = 'INSERT' THEN
      ${sumarAResumenFaseTipo(cambios('nuevas', ''))}
    ELSIF TG_OP = 'UPDATE' THEN
      ${sumarAResumenFaseTipo(`${cambios('nuevas', '')} UNION ALL ${cambios('viejas', '-')}`)}
    ELSE
      ${sumarAResumenFaseTipo(cambios('viejas', '-'))}
    END IF;`;
}

const EVENTOS = [
  ['insert', 'REFERENCING NEW TABLE AS nuevas'],
  ['update', 'REFERENCING NEW TABLE AS nuevas OLD TABLE AS viejas'],
  ['delete', 'REFERENCING OLD TABLE AS viejas'],
] as const;

/** A trigger per event (one with transition tables can have only one). */
async function crearTriggersPorEvento(queryRunner: QueryRunner, tabla: string, funcion: string) {
  for (const [evento, transicion] of EVENTOS) {
    await queryRunner.query(`CREATE TRIGGER resumen_fase_tipo_${evento} AFTER ${evento.toUpperCase()} ON "${tabla}"
      ${transicion} FOR EACH STATEMENT EXECUTE FUNCTION ${funcion}()`);
  }
}

/**
 * resumen_fase_tipo kept by triggers in the transaction that changes what it
 * adds up (attendance summaries, an activity's phase or type, the groups an
 * activity is aimed at), instead of recomputed in the background after the
 * data version moves: the next request after an import reads it already.
 */
export class ResumenFaseTipoEnLaTransaccion1795800000000 implements MigrationInterface {
  name = 'ResumenFaseTipoEnLaTransaccion1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No import may commit between the refill below and the triggers that keep it.
    await queryRunner.query(
      `LOCK "resumen_asistencia", "actividad", "actividad_grupo_de_valor" IN SHARE ROW EXCLUSIVE MODE`,
    );
    await queryRunner.query(`DROP TABLE "resumen_fase_tipo_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resumen_fase_tipo"`);
    await queryRunner.query(`DELETE FROM "resumen_fase_tipo"`);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "ck_resumen_fase_tipo_nivel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ALTER COLUMN "nivel" TYPE character varying(16)`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "ck_resumen_fase_tipo_nivel" CHECK (nivel IN ('municipio', 'departamento', 'municipio_total'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "uq_resumen_fase_tipo" UNIQUE NULLS NOT DISTINCT ("nivel", "fase_codigo", "tipo_codigo", "territorio_codigo", "grupo_de_valor_codigo", "grupo_por_actividad", "modalidad")`,
    );
    await queryRunner.query(
      sumarAResumenFaseTipo(porGrupo(DE_RESUMEN_ASISTENCIA('resumen_asistencia'))),
    );

    await queryRunner.query(`CREATE FUNCTION resumen_fase_tipo_por_asistencias() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${TURNO}
        ${sumarPorEvento((tabla, signo) => porGrupo(DE_RESUMEN_ASISTENCIA(tabla, signo)))}
        RETURN NULL;
      END $$`);
    await crearTriggersPorEvento(
      queryRunner,
      'resumen_asistencia',
      'resumen_fase_tipo_por_asistencias',
    );

    // An activity moved to another phase or type takes its attendances along.
    await queryRunner.query(`CREATE FUNCTION resumen_fase_tipo_por_actividad() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Most updates of activities (titles, dates) move nothing: they need not wait their turn.
        IF NOT EXISTS (SELECT 1 FROM viejas v JOIN nuevas n ON n.codigo = v.codigo
                        WHERE (v.fase_codigo, v.tipo_codigo) IS DISTINCT FROM (n.fase_codigo, n.tipo_codigo)) THEN
          RETURN NULL;
        END IF;
        ${TURNO}
        ${sumarAResumenFaseTipo(
          porGrupo(`
          SELECT m.fase_codigo, m.tipo_codigo, r.actividad_codigo, r.municipio_codigo, r.grupo_de_valor_codigo,
                 r.modalidad, m.signo * r.asistencias AS asistencias
            FROM (SELECT v.codigo, v.fase_codigo, v.tipo_codigo, -1 AS signo
                    FROM viejas v JOIN nuevas n ON n.codigo = v.codigo
                   WHERE (v.fase_codigo, v.tipo_codigo) IS DISTINCT FROM (n.fase_codigo, n.tipo_codigo)
                  UNION ALL
                  SELECT n.codigo, n.fase_codigo, n.tipo_codigo, 1
                    FROM viejas v JOIN nuevas n ON n.codigo = v.codigo
                   WHERE (v.fase_codigo, v.tipo_codigo) IS DISTINCT FROM (n.fase_codigo, n.tipo_codigo)) m
            JOIN resumen_asistencia r ON r.actividad_codigo = m.codigo`),
        )}
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER resumen_fase_tipo AFTER UPDATE ON "actividad"
      REFERENCING OLD TABLE AS viejas NEW TABLE AS nuevas FOR EACH STATEMENT EXECUTE FUNCTION resumen_fase_tipo_por_actividad()`);

    // A group an activity is aimed at, added or taken away, adds or takes away its records without a group.
    const sinGrupo = (tabla: string, signo: string) => `
      SELECT a.fase_codigo, a.tipo_codigo, r.municipio_codigo, NULL::varchar AS grupo_de_valor_codigo,
             g.grupo_de_valor_codigo AS grupo_por_actividad, r.modalidad, ${signo}r.asistencias AS asistencias
        FROM ${tabla} g JOIN actividad a ON a.codigo = g.actividad_codigo
        JOIN resumen_asistencia r ON r.actividad_codigo = g.actividad_codigo AND r.grupo_de_valor_codigo IS NULL`;
    await queryRunner.query(`CREATE FUNCTION resumen_fase_tipo_por_grupos() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${TURNO}
        ${sumarPorEvento(sinGrupo)}
        RETURN NULL;
      END $$`);
    await crearTriggersPorEvento(
      queryRunner,
      'actividad_grupo_de_valor',
      'resumen_fase_tipo_por_grupos',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const tabla of ['resumen_asistencia', 'actividad_grupo_de_valor']) {
      for (const [evento] of EVENTOS) {
        await queryRunner.query(`DROP TRIGGER resumen_fase_tipo_${evento} ON "${tabla}"`);
      }
    }
    await queryRunner.query(`DROP TRIGGER resumen_fase_tipo ON "actividad"`);
    for (const funcion of ['asistencias', 'actividad', 'grupos']) {
      await queryRunner.query(`DROP FUNCTION resumen_fase_tipo_por_${funcion}()`);
    }
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "uq_resumen_fase_tipo"`,
    );
    await queryRunner.query(`DELETE FROM "resumen_fase_tipo" WHERE nivel = 'municipio_total'`);
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" DROP CONSTRAINT "ck_resumen_fase_tipo_nivel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ALTER COLUMN "nivel" TYPE character varying(12)`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumen_fase_tipo" ADD CONSTRAINT "ck_resumen_fase_tipo_nivel" CHECK (nivel IN ('municipio', 'departamento'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resumen_fase_tipo" ON "resumen_fase_tipo" ("nivel", "fase_codigo", "tipo_codigo")`,
    );
    await queryRunner.query(`CREATE TABLE "resumen_fase_tipo_version" ("version" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "resumen_fase_tipo_version" ("version") VALUES (-1)`);
  }
}
