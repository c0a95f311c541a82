import { QueryRunner } from 'typeorm';

/**
 * How resumen_fase_tipo is added up and kept by triggers, shared by the
 * migrations that shaped it. With `porMes`, every row is also kept once more
 * under the month its activity started in (`mes`), beside the row for the
 * whole phase × type (`mes` NULL).
 */
export class ResumenFaseTipoSql {
  constructor(private readonly porMes: boolean) {}

  private conMes(sql: string): string {
    return this.porMes ? sql : '';
  }

  /** What tells one of an activity's rows from another's: its phase, type and, by month, its start month. */
  private clave(actividad: string): string {
    return `(${actividad}.fase_codigo, ${actividad}.tipo_codigo${this.conMes(`, date_trunc('month', ${actividad}.fecha_inicio)`)})`;
  }

  private declarar(): string {
    return this.conMes('DECLARE vaciadas bigint;\n      ');
  }

  private mesDe(actividad: string): string {
    return this.conMes(`, date_trunc('month', ${actividad}.fecha_inicio)::date AS mes`);
  }

  /**
   * The INSERT … ON CONFLICT that adds rows of attendances at every level: by
   * municipality and group, by department and group, and by municipality with
   * the groups added up (what a question without a group reads). `cambios`
   * yields (fase_codigo, tipo_codigo, municipio_codigo, grupo_de_valor_codigo,
   * grupo_por_actividad, modalidad, asistencias[, mes]), negative to take away.
   */
  private insertar(cambios: string): string {
    return `
    INSERT INTO resumen_fase_tipo (nivel, fase_codigo, tipo_codigo, territorio_codigo, grupo_de_valor_codigo,
                                   grupo_por_actividad, modalidad, asistencias${this.conMes(', mes')})
    SELECT n.nivel, c.fase_codigo, c.tipo_codigo,
           CASE n.nivel WHEN 'departamento' THEN left(c.municipio_codigo, 2) ELSE c.municipio_codigo END,
           CASE n.nivel WHEN 'municipio_total' THEN NULL ELSE c.grupo_de_valor_codigo END,
           c.grupo_por_actividad, c.modalidad, sum(c.asistencias)${this.conMes(', p.mes')}
      FROM (${cambios}) c CROSS JOIN (VALUES ('municipio'), ('departamento'), ('municipio_total')) n (nivel)${this
        .conMes(`
     CROSS JOIN LATERAL (VALUES (NULL::date), (c.mes)) p (mes)`)}
     WHERE n.nivel <> 'municipio_total' OR c.grupo_por_actividad IS NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7${this.conMes(', 9')}
     ORDER BY 1, 2, 3,${this.conMes(' 9,')} 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT uq_resumen_fase_tipo
    DO UPDATE SET asistencias = resumen_fase_tipo.asistencias + EXCLUDED.asistencias`;
  }

  /**
   * In a trigger function: adds `cambios` (see insertar) and deletes the rows
   * it leaves at zero. By month the summary is ten times larger: the
   * sequential pass for emptied rows runs only when this statement emptied one.
   */
  private sumar(cambios: string): string {
    if (!this.porMes) {
      return `${this.insertar(cambios)};
    DELETE FROM resumen_fase_tipo WHERE asistencias = 0;`;
    }
    return `WITH sumadas AS (${this.insertar(cambios)} RETURNING asistencias)
    SELECT count(*) FILTER (WHERE asistencias = 0) INTO vaciadas FROM sumadas;
    IF vaciadas > 0 THEN
      DELETE FROM resumen_fase_tipo WHERE asistencias = 0;
    END IF;`;
  }

  /**
   * The rows that attendance summary rows `registros` stand for:
   * (fase_codigo, tipo_codigo, actividad_codigo, municipio_codigo,
   * grupo_de_valor_codigo, modalidad, asistencias[, mes]). Records without a
   * group are also kept once per group their activity was aimed at, for the
   * group filter.
   */
  private porGrupo(registros: string): string {
    return `
    SELECT r.fase_codigo, r.tipo_codigo, r.municipio_codigo, r.grupo_de_valor_codigo, NULL::varchar AS grupo_por_actividad,
           r.modalidad, r.asistencias${this.conMes(', r.mes')}
      FROM (${registros}) r
    UNION ALL
    SELECT r.fase_codigo, r.tipo_codigo, r.municipio_codigo, NULL, g.grupo_de_valor_codigo, r.modalidad, r.asistencias${this.conMes(', r.mes')}
      FROM (${registros}) r JOIN actividad_grupo_de_valor g ON g.actividad_codigo = r.actividad_codigo
     WHERE r.grupo_de_valor_codigo IS NULL`;
  }

  private deResumenAsistencia(tabla: string, signo = ''): string {
    return `
  SELECT a.fase_codigo, a.tipo_codigo, r.actividad_codigo, r.municipio_codigo, r.grupo_de_valor_codigo, r.modalidad,
         ${signo}r.asistencias AS asistencias${this.mesDe('a')}
    FROM ${tabla} r JOIN actividad a ON a.codigo = r.actividad_codigo`;
  }

  /** Every row, added up from resumen_asistencia into the empty table. */
  rellenar(): string {
    return this.insertar(this.porGrupo(this.deResumenAsistencia('resumen_asistencia')));
  }

  /**
   * The body of a statement trigger on INSERT, UPDATE and DELETE: `cambios`
   * gives the rows a transition table ('nuevas' or 'viejas') stands for,
   * with the sign ('' or '-') to add them with.
   */
  private sumarPorEvento(cambios: (tabla: string, signo: '' | '-') => string): string {
    return `
    IF TG_OP = 'INSERT' THEN
      ${this.sumar(cambios('nuevas', ''))}
    ELSIF TG_OP = 'UPDATE' THEN
      ${this.sumar(`${cambios('nuevas', '')} UNION ALL ${cambios('viejas', '-')}`)}
    ELSE
      ${this.sumar(cambios('viejas', '-'))}
    END IF;`;
  }

  /** The trigger functions, created or, with `reemplazar`, put in place of the ones there. */
  async crearFunciones(queryRunner: QueryRunner, reemplazar = false): Promise<void> {
    const crear = reemplazar ? 'CREATE OR REPLACE FUNCTION' : 'CREATE FUNCTION';
    await queryRunner.query(`${crear} resumen_fase_tipo_por_asistencias() RETURNS trigger LANGUAGE plpgsql AS $$
      ${this.declarar()}BEGIN
        ${TURNO}
        ${this.sumarPorEvento((tabla, signo) => this.porGrupo(this.deResumenAsistencia(tabla, signo)))}
        RETURN NULL;
      END $$`);

    // An activity moved to another phase or type (or, by month, start month) takes its attendances along.
    const movidas = `FROM viejas v JOIN nuevas n ON n.codigo = v.codigo
                   WHERE ${this.clave('v')} IS DISTINCT FROM ${this.clave('n')}`;
    await queryRunner.query(`${crear} resumen_fase_tipo_por_actividad() RETURNS trigger LANGUAGE plpgsql AS $$
      ${this.declarar()}BEGIN
        -- Most updates of activities (titles, dates${this.conMes(' within a month')}) move nothing: they need not wait their turn.
        IF NOT EXISTS (SELECT 1 ${movidas}) THEN
          RETURN NULL;
        END IF;
        ${TURNO}
        ${this.sumar(
          this.porGrupo(`
          SELECT m.fase_codigo, m.tipo_codigo, r.actividad_codigo, r.municipio_codigo, r.grupo_de_valor_codigo,
                 r.modalidad, m.signo * r.asistencias AS asistencias${this.conMes(', m.mes')}
            FROM (SELECT v.codigo, v.fase_codigo, v.tipo_codigo, -1 AS signo${this.mesDe('v')}
                    ${movidas}
                  UNION ALL
                  SELECT n.codigo, n.fase_codigo, n.tipo_codigo, 1${this.mesDe('n')}
                    ${movidas}) m
            JOIN resumen_asistencia r ON r.actividad_codigo = m.codigo`),
        )}
        RETURN NULL;
      END $$`);

    // A group an activity is aimed at, added or taken away, adds or takes away its records without a group.
    const sinGrupo = (tabla: string, signo: string) => `
      SELECT a.fase_codigo, a.tipo_codigo, r.municipio_codigo, NULL::varchar AS grupo_de_valor_codigo,
             g.grupo_de_valor_codigo AS grupo_por_actividad, r.modalidad, ${signo}r.asistencias AS asistencias${this.mesDe('a')}
        FROM ${tabla} g JOIN actividad a ON a.codigo = g.actividad_codigo
        JOIN resumen_asistencia r ON r.actividad_codigo = g.actividad_codigo AND r.grupo_de_valor_codigo IS NULL`;
    await queryRunner.query(`${crear} resumen_fase_tipo_por_grupos() RETURNS trigger LANGUAGE plpgsql AS $$
      ${this.declarar()}BEGIN
        ${TURNO}
        ${this.sumarPorEvento(sinGrupo)}
        RETURN NULL;
      END $$`);
  }
}

// Writers of the summary take turns until they commit, and each reads the
// activities and groups after taking its turn: what it adds is under what the
// previous writer committed.
export const TURNO = `PERFORM pg_advisory_xact_lock(hashtext('resumen_fase_tipo'));`;

export const EVENTOS = [
  ['insert', 'REFERENCING NEW TABLE AS nuevas'],
  ['update', 'REFERENCING NEW TABLE AS nuevas OLD TABLE AS viejas'],
  ['delete', 'REFERENCING OLD TABLE AS viejas'],
] as const;

/** A trigger per event (one with transition tables can have only one). */
export async function crearTriggersPorEvento(
  queryRunner: QueryRunner,
  tabla: string,
  funcion: string,
): Promise<void> {
  for (const [evento, transicion] of EVENTOS) {
    await queryRunner.query(`CREATE TRIGGER resumen_fase_tipo_${evento} AFTER ${evento.toUpperCase()} ON "${tabla}"
      ${transicion} FOR EACH STATEMENT EXECUTE FUNCTION ${funcion}()`);
  }
}

/**
 * A trigger function that keeps the summary `tabla` (with an `id`) in its
 * writers' turn: emptied on TRUNCATE; otherwise `sumar` adds what the
 * transition tables stand for (`de`, with the sign to add them with) and
 * keeps in `vaciadas` the rows it leaves at zero, which are then deleted.
 */
export function funcionQueSuma(
  funcion: string,
  tabla: string,
  sumar: (cambios: string) => string,
  de: (transicion: string, signo?: '' | '-') => string,
): string {
  return `CREATE FUNCTION ${funcion}() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        vaciadas bigint[];
      BEGIN
        ${TURNO}
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM ${tabla};
        ELSIF TG_OP = 'INSERT' THEN
          ${sumar(de('nuevas'))}
        ELSIF TG_OP = 'UPDATE' THEN
          ${sumar(`${de('nuevas')} UNION ALL ${de('viejas', '-')}`)}
        ELSE
          ${sumar(de('viejas', '-'))}
        END IF;
        DELETE FROM ${tabla} WHERE id = ANY (vaciadas);
        RETURN NULL;
      END $$`;
}

/** A statement trigger per event on `tabla`, TRUNCATE included, named `${nombre}_${evento}`. */
export async function crearTriggersConVaciado(
  queryRunner: QueryRunner,
  nombre: string,
  tabla: string,
  funcion: string,
): Promise<void> {
  for (const [evento, transicion] of [...EVENTOS, ['truncate', ''] as const]) {
    await queryRunner.query(`CREATE TRIGGER ${nombre}_${evento} AFTER ${evento.toUpperCase()} ON "${tabla}"
          ${transicion} FOR EACH STATEMENT EXECUTE FUNCTION ${funcion}()`);
  }
}

export async function borrarTriggersConVaciado(
  queryRunner: QueryRunner,
  nombre: string,
  tabla: string,
): Promise<void> {
  for (const evento of [...EVENTOS.map(([evento]) => evento), 'truncate']) {
    await queryRunner.query(`DROP TRIGGER ${nombre}_${evento} ON "${tabla}"`);
  }
}
