/**
 * The blocks read from resumen_fase_tipo, which keeps no activity: the phases × types whose
 * activities are all in scope, then the months of the others that are; for a municipal question
 * over dates, the whole months read from resumen_mes. What the blocks leave out is read by
 * activity, from the summary of the source's level.
 */
import { Consulta, Filtros } from '../filtros';
import { FuenteAsistencias } from './fuente';
import { PedidoDeHechos } from './pedido';

type NivelFaseTipo = 'municipio' | 'departamento' | 'municipio_total';

/** The level of resumen_fase_tipo a source reads, if it reads it. */
const NIVEL_FASE_TIPO: Partial<Record<FuenteAsistencias, NivelFaseTipo>> = {
  fase_tipo_municipio: 'municipio',
  fase_tipo_departamento: 'departamento',
  fase_tipo_departamento_total: 'departamento',
  fase_tipo_municipio_total: 'municipio_total',
};

/** How a source reads resumen_fase_tipo. */
export interface Bloques {
  readonly nivel: NivelFaseTipo;
  /** The group filter on the blocks' rows, bound once for both reads of them. */
  readonly delGrupo: string;
}

/** How the source asked for reads resumen_fase_tipo; undefined when it does not. */
export function bloquesDe({ f, q, fuente }: PedidoDeHechos): Bloques | undefined {
  const nivel = NIVEL_FASE_TIPO[fuente];
  if (!nivel) return undefined;
  // On a row without activity the facts' group condition is exactly this (the row's group, or the one it
  // stands for), sought by ix_resumen_fase_tipo_grupo.
  const delGrupo = f.grupo
    ? `AND coalesce(b.grupo_de_valor_codigo, b.grupo_por_actividad) = ${q.p(f.grupo)}`
    : '';
  return { nivel, delGrupo };
}

/**
 * A municipal question over dates, without groups or phases and types to tell apart, reads from resumen_mes
 * (every phase and type at once) the months whose activities are all in scope and of no phase × type read
 * whole (see meses).
 */
function porMeses({ f, fuente, conFaseYTipo }: PedidoDeHechos): boolean {
  return (
    NIVEL_FASE_TIPO[fuente] === 'municipio_total' &&
    !conFaseYTipo &&
    Boolean(f.desde || f.hasta || f.fechaCorte)
  );
}

/**
 * The department filter also on the rows read by territory, the department as a range of codes (its own and
 * its municipalities') which an index can seek; with `sinTerritorio`, rows without territory too (an activity
 * held in a subregion places them). The facts' filter still applies.
 */
function enLosDepartamentos(f: Filtros, q: Consulta, columna: string, sinTerritorio = false) {
  const enEllos = f.departamento
    ? `${columna} BETWEEN ${q.p(f.departamento)} AND ${q.p(`${f.departamento}999`)}`
    : f.departamentos && `left(${columna}, 2) = ANY (${q.p(f.departamentos)})`;
  if (!enEllos) return '';
  return sinTerritorio ? `AND (${enEllos} OR ${columna} IS NULL)` : `AND ${enEllos}`;
}

/**
 * A row of a block is of activities held in no subregion, placed in its territory or nowhere: the territory
 * filters are exactly these on it. A subregion is asked of municipalities only (see fuenteDeAsistencias).
 */
function enElTerritorio(f: Filtros, q: Consulta, columna: string) {
  return `${enLosDepartamentos(f, q, columna)}
     ${f.subregion ? `AND ${columna} IN (SELECT territorio_codigo FROM subregion_territorio WHERE subregion_codigo = ${q.p(f.subregion)})` : ''}`;
}

/**
 * The records of the activities left out of the blocks, from the summary `resumen` with its columns of
 * territory and group; the activities as an array: often a few, looked up by index.
 */
export function fueraDeBloques(
  p: PedidoDeHechos,
  resumen: string,
  territorio: string,
  grupo: string,
): string {
  return `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.${territorio} AS territorio, ${grupo} AS grupo
       FROM ${resumen} r
      WHERE r.actividad_codigo = ANY (ARRAY(
              SELECT act.codigo FROM act
               WHERE NOT EXISTS (SELECT 1 FROM bloques b
                                  WHERE b.fase_codigo = act.fase_codigo AND b.tipo_codigo = act.tipo_codigo
                                    AND (b.mes IS NULL OR b.mes = act.mes_inicio))
                 ${porMeses(p) ? 'AND act.mes_inicio NOT IN (SELECT mes FROM meses)' : ''}))
        ${enLosDepartamentos(p.f, p.q, `r.${territorio}`, true)}`;
}

/** The CTEs enteros, meses (by months only) and bloques, each followed by a comma. */
export function ctesDeBloques(p: PedidoDeHechos): string {
  const meses = porMeses(p);
  return `
  enteros AS (
    -- The phases × types (mes NULL) and their months whose activities are all in scope and none held
    -- in a subregion: a record without a municipality is placed by that subregion, which
    -- resumen_fase_tipo does not keep.
    SELECT e.fase_codigo, e.tipo_codigo, e.mes FROM (
      SELECT act.fase_codigo, act.tipo_codigo, act.mes_inicio AS mes,
             count(*) AS actividades, bool_and(act.subregion_codigo IS NULL) AS sin_subregion
        FROM act
       GROUP BY GROUPING SETS ((act.fase_codigo, act.tipo_codigo), (act.fase_codigo, act.tipo_codigo, act.mes_inicio))
    ) e JOIN (
      SELECT x.fase_codigo, x.tipo_codigo, x.mes, count(*) AS actividades
        FROM (SELECT fase_codigo, tipo_codigo, date_trunc('month', fecha_inicio)::date AS mes FROM actividad
               WHERE (fase_codigo, tipo_codigo) IN (SELECT fase_codigo, tipo_codigo FROM act)) x
       GROUP BY GROUPING SETS ((x.fase_codigo, x.tipo_codigo), (x.fase_codigo, x.tipo_codigo, x.mes))
    ) t ON t.fase_codigo = e.fase_codigo AND t.tipo_codigo = e.tipo_codigo AND t.mes IS NOT DISTINCT FROM e.mes
     WHERE e.sin_subregion AND e.actividades = t.actividades
  ),
  ${
    meses
      ? `meses AS (
    -- The months whose activities are all in scope, none held in a subregion nor of a whole phase × type.
    SELECT date_trunc('month', a.fecha_inicio)::date AS mes
      FROM actividad a LEFT JOIN act ON act.codigo = a.codigo
      LEFT JOIN enteros e ON e.mes IS NULL AND e.fase_codigo = a.fase_codigo AND e.tipo_codigo = a.tipo_codigo
     GROUP BY 1 HAVING bool_and(act.codigo IS NOT NULL AND a.subregion_codigo IS NULL AND e.fase_codigo IS NULL)
  ),`
      : ''
  }
  bloques AS (
    -- What is read from resumen_fase_tipo: the whole phases × types, and the whole months of the others (by
    -- months, but those read from resumen_mes).
    SELECT fase_codigo, tipo_codigo, mes FROM enteros WHERE mes IS NULL
    UNION ALL
    SELECT m.fase_codigo, m.tipo_codigo, m.mes FROM enteros m
     WHERE m.mes IS NOT NULL ${meses ? 'AND m.mes NOT IN (SELECT mes FROM meses)' : ''}
       AND NOT EXISTS (SELECT 1 FROM enteros e
                        WHERE e.mes IS NULL AND e.fase_codigo = m.fase_codigo AND e.tipo_codigo = m.tipo_codigo)
  ),`;
}

/** The rows of resumen_fase_tipo of the blocks `bloque` chooses, under the territory and group filters. */
function filasDeBloques({ f, q }: PedidoDeHechos, { nivel, delGrupo }: Bloques, bloque: string) {
  return `SELECT b.fase_codigo, b.tipo_codigo, b.territorio_codigo, b.grupo_de_valor_codigo, b.grupo_por_actividad,
            b.modalidad, b.asistencias
       FROM resumen_fase_tipo b
      WHERE b.nivel = '${nivel}' AND ${bloque} ${enElTerritorio(f, q, 'b.territorio_codigo')} ${delGrupo}`;
}

/** The whole months' rows of resumen_mes, in the columns of filasDeBloques; by months only. */
function filasDeMeses(p: PedidoDeHechos) {
  if (!porMeses(p)) return '';
  return `
                    UNION ALL
                    SELECT NULL, NULL, m.municipio_codigo, NULL, NULL, m.modalidad, m.asistencias
                      FROM resumen_mes m
                     WHERE m.mes IN (SELECT mes FROM meses) ${enElTerritorio(p.f, p.q, 'm.municipio_codigo')}`;
}

/** The blocks as facts without activity, followed by UNION ALL. */
export function hechosDeBloques(p: PedidoDeHechos, bloques: Bloques): string {
  return `
    -- Rows for a group the activities were aimed at stand for records without a group, under a group filter only.
    -- Added up over months, and over phases and types unless the facts must keep them, before anything else.
    SELECT NULL, NULL, b.fase_codigo, b.tipo_codigo, NULL, NULL, NULL,
           CASE b.modalidad WHEN 'presencial' THEN 'asistentes_presenciales' ELSE 'asistentes_remotos' END,
           b.asistencias, 'exacto', b.territorio_codigo, b.grupo_de_valor_codigo, b.modalidad, NULL,
           b.grupo_por_actividad, NULL, NULL, NULL
      FROM (SELECT ${p.conFaseYTipo ? 'b.fase_codigo, b.tipo_codigo' : 'NULL::varchar AS fase_codigo, NULL::varchar AS tipo_codigo'},
                   b.territorio_codigo, b.grupo_de_valor_codigo, b.grupo_por_actividad, b.modalidad,
                   sum(b.asistencias)::bigint AS asistencias
              FROM (${filasDeBloques(p, bloques, 'b.mes IS NULL AND (b.fase_codigo, b.tipo_codigo) IN (SELECT fase_codigo, tipo_codigo FROM bloques WHERE mes IS NULL)')}
                    UNION ALL
                    ${filasDeBloques(p, bloques, '(b.fase_codigo, b.tipo_codigo, b.mes) IN (SELECT fase_codigo, tipo_codigo, mes FROM bloques)')}${filasDeMeses(p)}) b
             ${p.f.grupo ? '' : 'WHERE b.grupo_por_actividad IS NULL'}
             GROUP BY 1, 2, 3, 4, 5, 6) b
    UNION ALL`;
}
