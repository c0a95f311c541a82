/**
 * The facts every metric is computed from, as SQL common table expressions:
 * one row per activity (metric "actividades"), per group of attendance records
 * (from the summary table), per course's certificates, per webinar's latest
 * view snapshot and per declared figure in force. Where an activity or a cycle
 * has records for a metric, the records are the figure and its declared total
 * is left to the reconciliation. Filters on activities apply to all; filters
 * on territory, group and modality apply to each fact.
 */
import { CAMPOS_FILTRO, CampoFiltro, Consulta, Filtros } from './filtros';

/**
 * Where attendance records are read from: the smallest summary that holds
 * what the question asks (by activity; by department; by department and
 * group; by group; by municipality and group; by subregion and group; by phase × type,
 * department or municipality, and group, or with the groups added up, where all the activities
 * of a phase and type are in scope, and then by month and municipality where all the activities
 * of a month are), or the raw records (the naive baseline). Facts read from the latter two keep
 * no activity, and their phase and type only for a breakdown by either.
 */
export type FuenteAsistencias =
  | 'actividad'
  | 'departamento'
  | 'departamento_grupo'
  | 'grupo'
  | 'resumen'
  | 'subregion'
  | 'subregion_grupo'
  | 'fase_tipo_departamento'
  | 'fase_tipo_departamento_total'
  | 'fase_tipo_municipio'
  | 'fase_tipo_municipio_total'
  | 'asistencias';

/** The level of resumen_fase_tipo a source reads, if it reads it. */
const NIVEL_FASE_TIPO: Partial<
  Record<FuenteAsistencias, 'municipio' | 'departamento' | 'municipio_total'>
> = {
  fase_tipo_municipio: 'municipio',
  fase_tipo_departamento: 'departamento',
  fase_tipo_departamento_total: 'departamento',
  fase_tipo_municipio_total: 'municipio_total',
};

/**
 * `conFaseYTipo`: whether facts read from resumen_fase_tipo must keep their phase and type (a breakdown
 * by either); every other fact keeps them always.
 */
export function ctesDeHechos(
  f: Filtros,
  q: Consulta,
  fuente: FuenteAsistencias,
  conFaseYTipo = false,
): string {
  const corte = f.fechaCorte ? q.p(f.fechaCorte) : undefined;
  const condiciones = condicionesDe(f, q, 'actividad', 'a');
  const nivelFaseTipo = NIVEL_FASE_TIPO[fuente];
  const modalidadesRegistradas = fuente === 'asistencias' ? 'asistencia' : 'resumen_actividad';
  // Whether an activity has records of a declared metric: then the records are its figure.
  const tieneRegistros = (actividad: string, metrica: string) => `CASE ${metrica}
      WHEN 'vistas' THEN ${actividad} IN (SELECT actividad_codigo FROM vistas_al_corte)
      WHEN 'certificados' THEN EXISTS (
        SELECT 1 FROM certificado c WHERE c.actividad_codigo = ${actividad}
        ${corte ? `AND c.fecha_certificacion <= ${corte}::date` : ''})
      ELSE EXISTS (
        SELECT 1 FROM ${modalidadesRegistradas} m WHERE m.actividad_codigo = ${actividad}
           AND CASE ${metrica} WHEN 'asistentes_presenciales' THEN m.modalidad = 'presencial'
                               WHEN 'asistentes_remotos' THEN m.modalidad <> 'presencial'
                               ELSE TRUE END)
    END`;
  // A subregion's records are those placed in its municipalities, and those of its own activities placed
  // elsewhere or nowhere (the facts' filter then applies as always); the latter looked up by activity.
  const municipiosDe = (codigo: string) =>
    `SELECT territorio_codigo FROM subregion_territorio WHERE subregion_codigo = ${codigo}`;
  const deSusActividadesFuera = (codigo: string, columnas = '') =>
    `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
            r.grupo_de_valor_codigo AS grupo${columnas}
       FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo
      WHERE act.subregion_codigo = ${codigo}
        AND (r.municipio_codigo IS NULL OR r.municipio_codigo NOT IN (${municipiosDe(codigo)}))`;
  // By municipality, for questions about a municipality: through the summary's index by municipality.
  const resumenEnSubregion = (subregion: string) => {
    const codigo = q.p(subregion);
    return `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
                   r.grupo_de_valor_codigo AS grupo
              FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo
             WHERE r.municipio_codigo IN (${municipiosDe(codigo)})
            UNION ALL
            ${deSusActividadesFuera(codigo)}`;
  };
  // From the summary by subregion: placed in the subregion itself (column subregion) and in a department
  // of it, with groups (one row each) or with the groups added up.
  const porSubregion = (porGrupo: boolean) => {
    const codigo = q.p(f.subregion!);
    return `SELECT r.actividad_codigo, r.modalidad, ${porGrupo ? 'r.asistencias' : 'sum(r.asistencias)'} AS valor,
                   r.departamento_codigo AS territorio, ${porGrupo ? 'r.grupo_de_valor_codigo' : 'NULL::varchar'} AS grupo,
                   ${codigo}::varchar AS subregion
              FROM resumen_subregion r
             WHERE r.subregion_codigo = ${codigo}
             ${porGrupo ? '' : 'GROUP BY r.actividad_codigo, r.modalidad, r.departamento_codigo'}
            UNION ALL
            ${deSusActividadesFuera(codigo, ', NULL::varchar')}`;
  };
  // A municipal question over dates, without groups or phases and types to tell apart, reads from resumen_mes
  // (every phase and type at once) the months whose activities are all in scope and of no phase × type read
  // whole (see meses).
  const porMeses =
    nivelFaseTipo === 'municipio_total' &&
    !conFaseYTipo &&
    Boolean(f.desde || f.hasta || f.fechaCorte);
  // The department filter also on the rows read by territory, the department as a range of codes (its own and
  // its municipalities') which an index can seek; with `sinTerritorio`, rows without territory too (an activity
  // held in a subregion places them). The facts' filter still applies.
  const enLosDepartamentos = (columna: string, sinTerritorio = false) => {
    const enEllos = f.departamento
      ? `${columna} BETWEEN ${q.p(f.departamento)} AND ${q.p(`${f.departamento}999`)}`
      : f.departamentos && `left(${columna}, 2) = ANY (${q.p(f.departamentos)})`;
    if (!enEllos) return '';
    return sinTerritorio ? `AND (${enEllos} OR ${columna} IS NULL)` : `AND ${enEllos}`;
  };
  // The activities left out of the blocks as an array: often a few, looked up by index; read from
  // the summary by activity and department where groups are added up at that level.
  const fueraDeBloques = (resumen: string, territorio: string, grupo: string) =>
    `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.${territorio} AS territorio, ${grupo} AS grupo
       FROM ${resumen} r
      WHERE r.actividad_codigo = ANY (ARRAY(
              SELECT act.codigo FROM act
               WHERE NOT EXISTS (SELECT 1 FROM bloques b
                                  WHERE b.fase_codigo = act.fase_codigo AND b.tipo_codigo = act.tipo_codigo
                                    AND (b.mes IS NULL OR b.mes = act.mes_inicio))
                 ${porMeses ? 'AND act.mes_inicio NOT IN (SELECT mes FROM meses)' : ''}))
        ${enLosDepartamentos(`r.${territorio}`, true)}`;
  // A row of a block is of activities held in no subregion, placed in its territory or nowhere: the territory
  // filters are exactly these on it. A subregion is asked of municipalities only (see fuenteDeAsistencias).
  const enElTerritorio = (columna: string) =>
    `${enLosDepartamentos(columna)}
     ${f.subregion ? `AND ${columna} IN (SELECT territorio_codigo FROM subregion_territorio WHERE subregion_codigo = ${q.p(f.subregion)})` : ''}`;
  // Likewise the group filter: on a row without activity the facts' group condition is exactly this (the row's
  // group, or the one it stands for), sought by ix_resumen_fase_tipo_grupo.
  const delGrupo =
    nivelFaseTipo && f.grupo
      ? `AND coalesce(b.grupo_de_valor_codigo, b.grupo_por_actividad) = ${q.p(f.grupo)}`
      : '';
  const filasDeBloques = (bloque: string) =>
    `SELECT b.fase_codigo, b.tipo_codigo, b.territorio_codigo, b.grupo_de_valor_codigo, b.grupo_por_actividad,
            b.modalidad, b.asistencias
       FROM resumen_fase_tipo b
      WHERE b.nivel = '${nivelFaseTipo}' AND ${bloque} ${enElTerritorio('b.territorio_codigo')} ${delGrupo}`;
  // A summary by department (and group): every row of the activities in scope, or with a department filter
  // sought by index, the department's rows (for the group or without one) and the rows without a department of
  // activities held in a subregion (placed by it); the facts' filter still applies.
  const porDepartamento = (resumen: 'resumen_departamento' | 'resumen_departamento_grupo') => {
    const porGrupo = resumen === 'resumen_departamento_grupo';
    const columnas = `r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.departamento_codigo AS territorio,
                      ${porGrupo ? 'r.grupo_de_valor_codigo' : 'NULL::varchar'} AS grupo`;
    const todas = `SELECT ${columnas} FROM ${resumen} r JOIN act ON act.codigo = r.actividad_codigo`;
    if (!f.departamento && !f.departamentos) return todas;
    const departamento = f.departamento
      ? `= ${q.p(f.departamento)}`
      : `= ANY (${q.p(f.departamentos)})`;
    const delGrupo =
      porGrupo && f.grupo
        ? `AND (r.grupo_de_valor_codigo = ${q.p(f.grupo)} OR r.grupo_de_valor_codigo IS NULL)`
        : '';
    return `${todas}
             WHERE r.departamento_codigo ${departamento} ${delGrupo}
            UNION ALL
            SELECT ${columnas}
              FROM ${resumen} r
             WHERE r.actividad_codigo = ANY (ARRAY(SELECT codigo FROM act WHERE subregion_codigo IS NOT NULL))
               AND r.departamento_codigo IS NULL ${delGrupo}`;
  };
  const fueraDeBloquesPorMunicipio = () =>
    fueraDeBloques('resumen_asistencia', 'municipio_codigo', 'grupo_de_valor_codigo');
  // Built for the source asked for only: the filters' parameters are numbered as they are used. The small
  // summaries (by activity, by group, a subregion's) are read whole: the facts' join with act keeps the
  // activities in scope, once; the large ones are joined with act here, so that a narrow scope is sought by index.
  const asistencias = {
    actividad:
      () => `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, NULL::varchar AS territorio,
                             NULL::varchar AS grupo
                        FROM resumen_actividad r`,
    departamento: () => porDepartamento('resumen_departamento'),
    departamento_grupo: () => porDepartamento('resumen_departamento_grupo'),
    subregion: () => porSubregion(false),
    subregion_grupo: () => porSubregion(true),
    grupo:
      () => `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, NULL::varchar AS territorio,
                         r.grupo_de_valor_codigo AS grupo
                    FROM resumen_grupo r`,
    resumen: () =>
      f.subregion
        ? resumenEnSubregion(f.subregion)
        : `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
                  r.grupo_de_valor_codigo AS grupo
             FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo`,
    fase_tipo_departamento: () =>
      fueraDeBloques('resumen_departamento_grupo', 'departamento_codigo', 'grupo_de_valor_codigo'),
    fase_tipo_departamento_total: () =>
      fueraDeBloques('resumen_departamento', 'departamento_codigo', 'NULL::varchar'),
    fase_tipo_municipio: fueraDeBloquesPorMunicipio,
    fase_tipo_municipio_total: fueraDeBloquesPorMunicipio,
    asistencias:
      () => `SELECT x.actividad_codigo, x.modalidad, count(*) AS valor, x.municipio_codigo AS territorio,
                               x.grupo_de_valor_codigo AS grupo
                          FROM asistencia x JOIN act ON act.codigo = x.actividad_codigo
                         GROUP BY x.actividad_codigo, x.modalidad, x.municipio_codigo, x.grupo_de_valor_codigo`,
  }[fuente]();
  // The latest snapshot on or before the cut-off of each activity in `actividades` (rows named act).
  const ultimoAlCorte = (actividades: string) =>
    `SELECT act.codigo AS actividad_codigo, ultimo.vistas, ultimo.fecha_corte
       FROM ${actividades} CROSS JOIN LATERAL (
         SELECT v.vistas, v.fecha_corte FROM corte_vistas v
          WHERE v.actividad_codigo = act.codigo ${corte ? `AND v.fecha_corte <= ${corte}::date` : ''}
          ORDER BY v.fecha_corte DESC LIMIT 1
       ) ultimo`;
  // From the summary of latest snapshots, and the snapshots themselves only for the webinars seen again
  // after the cut-off; from the snapshots alone for the naive baseline.
  const ultimosEnResumen = `SELECT r.actividad_codigo, r.vistas, r.fecha_corte
                              FROM resumen_vistas r JOIN act ON act.codigo = r.actividad_codigo`;
  const vistasAlCorte =
    fuente === 'asistencias'
      ? ultimoAlCorte('act')
      : corte
        ? `${ultimosEnResumen} WHERE r.fecha_corte <= ${corte}::date
           UNION ALL
           ${ultimoAlCorte(`act JOIN resumen_vistas r ON r.actividad_codigo = act.codigo AND r.fecha_corte > ${corte}::date`)}`
        : ultimosEnResumen;
  // The activities in scope, written out at each use: the planner then knows their codes are unique and joins
  // them by hash; kept once where the ally's condition would be run again at every use.
  return `
  act AS ${f.aliado ? '' : 'NOT MATERIALIZED '}(
    SELECT a.codigo, a.fase_codigo, a.tipo_codigo, a.ciclo_codigo, a.canal, a.modalidad, a.fecha_inicio,
           a.fecha_fin, date_trunc('month', a.fecha_inicio)::date AS mes_inicio, a.territorio_codigo, a.subregion_codigo,
           a.nacional
      FROM actividad a
     WHERE ${condiciones.length ? condiciones.join(' AND ') : 'TRUE'}
  ),${
    nivelFaseTipo
      ? `
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
    porMeses
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
     WHERE m.mes IS NOT NULL ${porMeses ? 'AND m.mes NOT IN (SELECT mes FROM meses)' : ''}
       AND NOT EXISTS (SELECT 1 FROM enteros e
                        WHERE e.mes IS NULL AND e.fase_codigo = m.fase_codigo AND e.tipo_codigo = m.tipo_codigo)
  ),`
      : ''
  }
  vistas_al_corte AS (
    -- Each webinar's latest snapshot on or before the cut-off: its views, its date, and the proof that it has records.
    ${vistasAlCorte}
  ),
  registros AS (
    SELECT s.actividad_codigo,
           CASE s.modalidad WHEN 'presencial' THEN 'asistentes_presenciales' ELSE 'asistentes_remotos' END AS metrica,
           s.valor::bigint AS valor, s.territorio, s.grupo, s.modalidad::varchar AS modalidad,
           ${fuente === 'subregion' || fuente === 'subregion_grupo' ? 's.subregion' : 'NULL::varchar'} AS subregion,
           NULL::date AS conocido_desde
      FROM (${asistencias}) s
    UNION ALL
    SELECT c.actividad_codigo, 'certificados', count(*), c.municipio_codigo, NULL, 'virtual', NULL, NULL
      FROM certificado c JOIN act ON act.codigo = c.actividad_codigo
     ${corte ? `WHERE c.fecha_certificacion <= ${corte}::date` : ''}
     GROUP BY c.actividad_codigo, c.municipio_codigo
    UNION ALL
    -- A webinar's views are known from its first snapshot on.
    SELECT v.actividad_codigo, 'vistas', v.vistas, NULL, NULL, 'virtual', NULL,
           (SELECT min(c.fecha_corte) FROM corte_vistas c WHERE c.actividad_codigo = v.actividad_codigo)
      FROM vistas_al_corte v
  ),
  declarados_vigentes AS (
    SELECT DISTINCT ON (td.actividad_codigo, td.ciclo_codigo, td.metrica, td.territorio_codigo, td.grupo_de_valor_codigo)
           td.actividad_codigo, td.ciclo_codigo, td.metrica, td.valor, td.calificador, td.territorio_codigo,
           td.grupo_de_valor_codigo, td.fecha_corte,
           num_nonnulls(td.territorio_codigo, td.grupo_de_valor_codigo) AS nivel,
           -- Known since its first declaration in force: an earlier cut-off had it, maybe another value.
           min(td.fecha_corte) OVER (PARTITION BY td.actividad_codigo, td.ciclo_codigo, td.metrica,
                                                  td.territorio_codigo, td.grupo_de_valor_codigo) AS conocido_desde
      FROM total_declarado td
     WHERE (td.actividad_codigo IN (SELECT codigo FROM act) OR td.ciclo_codigo IN (SELECT ciclo_codigo FROM act))
       ${corte ? `AND td.fecha_corte <= ${corte}::date` : ''}
     ORDER BY td.actividad_codigo, td.ciclo_codigo, td.metrica, td.territorio_codigo, td.grupo_de_valor_codigo,
              td.fecha_corte DESC
  ),
  declarados AS (
    SELECT d.* FROM (
      SELECT v.*, min(v.nivel) OVER (PARTITION BY v.actividad_codigo, v.ciclo_codigo, v.metrica) AS nivel_minimo
        FROM declarados_vigentes v
    ) d
     WHERE d.nivel = d.nivel_minimo
  ),
  registrado_por_actividad AS (
    -- The kinds of figure the activities in scope have records of: there, no matching record is a measured zero.
    SELECT act.codigo AS actividad_codigo,
           array_remove(ARRAY[CASE WHEN ${tieneRegistros('act.codigo', "'participantes'")} THEN 'asistencias' END,
                              CASE WHEN ${tieneRegistros('act.codigo', "'certificados'")} THEN 'certificados' END,
                              CASE WHEN ${tieneRegistros('act.codigo', "'vistas'")} THEN 'vistas' END], NULL)::text[] AS registrado
      FROM act
  ),
  con_registros AS (
    -- The activities in scope with records of any kind.
    SELECT actividad_codigo FROM registrado_por_actividad WHERE cardinality(registrado) > 0
  ),
  ciclos_act AS (
    -- What a cycle's figure can say of its activities: a channel, modality or subregion only when they all share it.
    SELECT ciclo_codigo, min(fecha_inicio) AS fecha_inicio, max(fecha_fin) AS fecha_fin,
           CASE WHEN count(DISTINCT canal) = 1 AND count(canal) = count(*) THEN min(canal) END AS canal,
           CASE WHEN count(DISTINCT modalidad) = 1 AND count(modalidad) = count(*) THEN min(modalidad) END AS modalidad,
           CASE WHEN count(DISTINCT subregion_codigo) = 1 AND count(subregion_codigo) = count(*)
                THEN min(subregion_codigo) END AS subregion_codigo,
           bool_and(nacional) AS nacional, count(territorio_codigo) + count(subregion_codigo) AS lugares
      FROM act WHERE ciclo_codigo IS NOT NULL GROUP BY ciclo_codigo
  ),
  declarados_como_hechos AS (
    -- Each declared figure in force as a fact of its activity or cycle, and whether records replace it: asked
    -- of the few declared figures, not derived for every activity in scope; of an activity's figure and of a
    -- cycle's apart, so that each is a join on one key. An activity's declared figure is of an activity in
    -- scope: found by its key.
    SELECT d.actividad_codigo, coalesce(a.ciclo_codigo, d.ciclo_codigo) AS ciclo_codigo,
           coalesce(a.fase_codigo, c.fase_codigo) AS fase, coalesce(a.tipo_codigo, c.tipo_codigo) AS tipo,
           coalesce(a.canal, ca.canal) AS canal, coalesce(a.fecha_inicio, ca.fecha_inicio) AS fecha,
           coalesce(a.fecha_fin, ca.fecha_fin) AS fecha_fin,
           d.metrica, d.valor, d.calificador, coalesce(d.territorio_codigo, a.territorio_codigo) AS territorio,
           d.grupo_de_valor_codigo AS grupo,
           CASE d.metrica WHEN 'asistentes_presenciales' THEN 'presencial' WHEN 'asistentes_remotos' THEN 'virtual'
                          WHEN 'vistas' THEN 'virtual' ELSE coalesce(a.modalidad, ca.modalidad) END AS modalidad,
           coalesce(a.subregion_codigo, ca.subregion_codigo) AS subregion, NULL::varchar AS objetivo,
           -- Without one place: the whole country, or the several places of a cycle's activities together.
           CASE WHEN coalesce(d.territorio_codigo, a.territorio_codigo, a.subregion_codigo, ca.subregion_codigo) IS NULL
                THEN CASE WHEN coalesce(a.nacional, ca.nacional) THEN 'nacional'
                          WHEN d.actividad_codigo IS NULL AND ca.lugares > 0 THEN 'conjunto' END
           END AS ambito,
           d.fecha_corte, d.conocido_desde,
           NOT EXISTS (SELECT 1 FROM act WHERE act.codigo = d.actividad_codigo AND ${tieneRegistros('act.codigo', 'd.metrica')})
             AND NOT EXISTS (SELECT 1 FROM act WHERE act.ciclo_codigo = d.ciclo_codigo AND ${tieneRegistros('act.codigo', 'd.metrica')})
             AS sin_registros
      FROM declarados d
      LEFT JOIN actividad a ON a.codigo = d.actividad_codigo
      LEFT JOIN ciclo c ON c.codigo = d.ciclo_codigo
      LEFT JOIN ciclos_act ca ON ca.ciclo_codigo = d.ciclo_codigo
  ),
  hechos AS (
    SELECT act.codigo AS actividad_codigo, act.ciclo_codigo, act.fase_codigo AS fase, act.tipo_codigo AS tipo,
           act.canal, act.fecha_inicio AS fecha, act.fecha_fin, 'actividades'::varchar AS metrica, 1::bigint AS valor,
           'exacto'::varchar AS calificador, act.territorio_codigo AS territorio, NULL::varchar AS grupo,
           act.modalidad::varchar AS modalidad, act.subregion_codigo AS subregion, NULL::varchar AS objetivo,
           CASE WHEN act.nacional THEN 'nacional' END AS ambito, NULL::date AS conocido_desde, rp.registrado
      FROM act JOIN registrado_por_actividad rp ON rp.actividad_codigo = act.codigo
    UNION ALL
    SELECT r.actividad_codigo, act.ciclo_codigo, act.fase_codigo, act.tipo_codigo, act.canal, act.fecha_inicio,
           act.fecha_fin, r.metrica, r.valor, 'exacto', r.territorio, r.grupo, r.modalidad,
           coalesce(r.subregion, act.subregion_codigo), NULL, NULL, r.conocido_desde, NULL
      FROM registros r JOIN act ON act.codigo = r.actividad_codigo
    UNION ALL${
      nivelFaseTipo
        ? `
    -- Rows for a group the activities were aimed at stand for records without a group, under a group filter only.
    -- Added up over months, and over phases and types unless the facts must keep them, before anything else.
    SELECT NULL, NULL, b.fase_codigo, b.tipo_codigo, NULL, NULL, NULL,
           CASE b.modalidad WHEN 'presencial' THEN 'asistentes_presenciales' ELSE 'asistentes_remotos' END,
           b.asistencias, 'exacto', b.territorio_codigo, b.grupo_de_valor_codigo, b.modalidad, NULL,
           b.grupo_por_actividad, NULL, NULL, NULL
      FROM (SELECT ${conFaseYTipo ? 'b.fase_codigo, b.tipo_codigo' : 'NULL::varchar AS fase_codigo, NULL::varchar AS tipo_codigo'},
                   b.territorio_codigo, b.grupo_de_valor_codigo, b.grupo_por_actividad, b.modalidad,
                   sum(b.asistencias)::bigint AS asistencias
              FROM (${filasDeBloques('b.mes IS NULL AND (b.fase_codigo, b.tipo_codigo) IN (SELECT fase_codigo, tipo_codigo FROM bloques WHERE mes IS NULL)')}
                    UNION ALL
                    ${filasDeBloques('(b.fase_codigo, b.tipo_codigo, b.mes) IN (SELECT fase_codigo, tipo_codigo, mes FROM bloques)')}${
                      porMeses
                        ? `
                    UNION ALL
                    SELECT NULL, NULL, m.municipio_codigo, NULL, NULL, m.modalidad, m.asistencias
                      FROM resumen_mes m
                     WHERE m.mes IN (SELECT mes FROM meses) ${enElTerritorio('m.municipio_codigo')}`
                        : ''
                    }) b
             ${f.grupo ? '' : 'WHERE b.grupo_por_actividad IS NULL'}
             GROUP BY 1, 2, 3, 4, 5, 6) b
    UNION ALL`
        : ''
    }
    SELECT d.actividad_codigo, d.ciclo_codigo, d.fase, d.tipo, d.canal, d.fecha, d.fecha_fin, d.metrica, d.valor, d.calificador,
           d.territorio, d.grupo, d.modalidad, d.subregion, d.objetivo, d.ambito, d.conocido_desde, NULL
      FROM declarados_como_hechos d WHERE d.sin_registros
  )`;
}

type AlcanceSql =
  /** A condition on the activities in scope (alias a): the filter chooses activities. */
  | { readonly actividad: (valor: string, q: Consulta, a: string) => string }
  /** A condition on each fact (alias h): territory, group, modality. */
  | { readonly hecho: (valor: string, q: Consulta, h: string) => string };

/** The municipalities of a subregion's kind, and the subregions of it. */
const deTipoDeSubregion = (columna: string, tipo: string) =>
  `${columna} IN (SELECT codigo FROM subregion WHERE tipo = ${tipo})`;

/**
 * How each filter scopes the facts: one entry per filter of the table in
 * filtros.ts. A fact h has the columns of `hechos`; `objetivo` is the group a
 * summary row without activity stands for (NULL elsewhere). A fact held in a
 * subregion without a municipality is in the subregion's departments.
 */
const ALCANCE_SQL: Readonly<Record<CampoFiltro, AlcanceSql>> = {
  fase: { actividad: (v, q, a) => `${a}.fase_codigo = ${q.p(v)}` },
  desde: { actividad: (v, q, a) => `${a}.fecha_fin >= ${q.p(v)}::date` },
  hasta: { actividad: (v, q, a) => `${a}.fecha_inicio <= ${q.p(v)}::date` },
  fechaCorte: { actividad: (v, q, a) => `${a}.fecha_inicio <= ${q.p(v)}::date` },
  tipo: { actividad: (v, q, a) => `${a}.tipo_codigo = ${q.p(v)}` },
  aliado: {
    actividad: (v, q, a) =>
      `EXISTS (SELECT 1 FROM actividad_aliado x WHERE x.actividad_codigo = ${a}.codigo AND x.aliado_codigo = ${q.p(v)})`,
  },
  departamento: {
    hecho: (v, q, h) =>
      `(left(${h}.territorio, 2) = ${q.p(v)}
        OR (${h}.territorio IS NULL AND ${h}.subregion IN (
              SELECT subregion_codigo FROM subregion_territorio WHERE left(territorio_codigo, 2) = ${q.p(v)})))`,
  },
  municipio: { hecho: (v, q, h) => `${h}.territorio = ${q.p(v)}` },
  subregion: {
    hecho: (v, q, h) =>
      `(${h}.subregion = ${q.p(v)}
        OR ${h}.territorio IN (SELECT territorio_codigo FROM subregion_territorio WHERE subregion_codigo = ${q.p(v)}))`,
  },
  tipoSubregion: {
    hecho: (v, q, h) => {
      const tipo = q.p(v);
      return `(${deTipoDeSubregion(`${h}.subregion`, tipo)}
        OR ${h}.territorio IN (SELECT territorio_codigo FROM subregion_territorio
                                WHERE ${deTipoDeSubregion('subregion_codigo', tipo)}))`;
    },
  },
  grupo: {
    hecho: (v, q, h) =>
      `(${h}.grupo = ${q.p(v)}
        OR (${h}.grupo IS NULL AND (${h}.objetivo = ${q.p(v)} OR ${h}.actividad_codigo IN (
              SELECT g.actividad_codigo FROM actividad_grupo_de_valor g WHERE g.grupo_de_valor_codigo = ${q.p(v)}))))`,
  },
  modalidad: { hecho: (v, q, h) => `${h}.modalidad = ${q.p(v)}` },
};

/** The conditions of the filters that choose activities, or of those on each fact, over the alias given. */
function condicionesDe(
  f: Filtros,
  q: Consulta,
  sobre: 'actividad' | 'hecho',
  alias: string,
): string[] {
  return CAMPOS_FILTRO.flatMap((campo) => {
    const valor = f[campo];
    const alcance = ALCANCE_SQL[campo];
    if (valor === undefined) return [];
    if (sobre === 'actividad')
      return 'actividad' in alcance ? [alcance.actividad(valor, q, alias)] : [];
    return 'hecho' in alcance ? [alcance.hecho(valor, q, alias)] : [];
  });
}

/**
 * The conditions on each fact: territory, subregion, group and modality, and
 * a department-limited user's departments.
 */
export function filtroDeHechos(f: Filtros, q: Consulta, h = 'h'): string {
  const condiciones = condicionesDe(f, q, 'hecho', h);
  if (f.departamentos) {
    condiciones.unshift(
      `(left(${h}.territorio, 2) = ANY (${q.p(f.departamentos)})
        OR (${h}.territorio IS NULL AND ${h}.subregion IN (
              SELECT subregion_codigo FROM subregion_territorio WHERE left(territorio_codigo, 2) = ANY (${q.p(f.departamentos)}))))`,
    );
  }
  return condiciones.length ? condiciones.join(' AND ') : 'TRUE';
}
