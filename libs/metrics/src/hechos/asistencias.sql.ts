/**
 * The attendance records of the activities in scope as read from each source: one row per
 * activity, modality, place and group the source keeps (its columns: actividad_codigo, modalidad,
 * valor, territorio, grupo, and subregion for a subregion's summary).
 */
import { fueraDeBloques } from './bloques.sql';
import { FuenteAsistencias } from './fuente';
import { PedidoDeHechos } from './pedido';

/** The municipalities of the subregion whose code (a parameter) is given. */
const municipiosDe = (codigo: string) =>
  `SELECT territorio_codigo FROM subregion_territorio WHERE subregion_codigo = ${codigo}`;

/**
 * A subregion's records are those placed in its municipalities, and those of its own activities placed
 * elsewhere or nowhere (the facts' filter then applies as always); the latter looked up by activity.
 */
function deSusActividadesFuera(codigo: string, columnas = '') {
  return `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
            r.grupo_de_valor_codigo AS grupo${columnas}
       FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo
      WHERE act.subregion_codigo = ${codigo}
        AND (r.municipio_codigo IS NULL OR r.municipio_codigo NOT IN (${municipiosDe(codigo)}))`;
}

/** By municipality, for questions about a municipality: through the summary's index by municipality. */
function resumenEnSubregion({ q }: PedidoDeHechos, subregion: string) {
  const codigo = q.p(subregion);
  return `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
                   r.grupo_de_valor_codigo AS grupo
              FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo
             WHERE r.municipio_codigo IN (${municipiosDe(codigo)})
            UNION ALL
            ${deSusActividadesFuera(codigo)}`;
}

/**
 * From the summary by subregion: placed in the subregion itself (column subregion) and in a department
 * of it, with groups (one row each) or with the groups added up.
 */
function porSubregion({ f, q }: PedidoDeHechos, porGrupo: boolean) {
  const codigo = q.p(f.subregion!);
  return `SELECT r.actividad_codigo, r.modalidad, ${porGrupo ? 'r.asistencias' : 'sum(r.asistencias)'} AS valor,
                   r.departamento_codigo AS territorio, ${porGrupo ? 'r.grupo_de_valor_codigo' : 'NULL::varchar'} AS grupo,
                   ${codigo}::varchar AS subregion
              FROM resumen_subregion r
             WHERE r.subregion_codigo = ${codigo}
             ${porGrupo ? '' : 'GROUP BY r.actividad_codigo, r.modalidad, r.departamento_codigo'}
            UNION ALL
            ${deSusActividadesFuera(codigo, ', NULL::varchar')}`;
}

/**
 * A summary by department (and group): every row of the activities in scope, or with a department filter
 * sought by index, the department's rows (for the group or without one) and the rows without a department of
 * activities held in a subregion (placed by it); the facts' filter still applies.
 */
function porDepartamento(
  { f, q }: PedidoDeHechos,
  resumen: 'resumen_departamento' | 'resumen_departamento_grupo',
) {
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
}

const fueraDeBloquesPorMunicipio = (p: PedidoDeHechos) =>
  fueraDeBloques(p, 'resumen_asistencia', 'municipio_codigo', 'grupo_de_valor_codigo');

/**
 * The small summaries (by activity, by group, a subregion's) are read whole: the facts' join with act keeps
 * the activities in scope, once; the large ones are joined with act here, so that a narrow scope is sought by
 * index. Outside the blocks of resumen_fase_tipo, from the summary by activity and department where groups
 * are added up at that level.
 */
const SQL_DE_FUENTE: Readonly<Record<FuenteAsistencias, (p: PedidoDeHechos) => string>> = {
  actividad:
    () => `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, NULL::varchar AS territorio,
                             NULL::varchar AS grupo
                        FROM resumen_actividad r`,
  departamento: (p) => porDepartamento(p, 'resumen_departamento'),
  departamento_grupo: (p) => porDepartamento(p, 'resumen_departamento_grupo'),
  subregion: (p) => porSubregion(p, false),
  subregion_grupo: (p) => porSubregion(p, true),
  grupo:
    () => `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, NULL::varchar AS territorio,
                         r.grupo_de_valor_codigo AS grupo
                    FROM resumen_grupo r`,
  resumen: (p) =>
    p.f.subregion
      ? resumenEnSubregion(p, p.f.subregion)
      : `SELECT r.actividad_codigo, r.modalidad, r.asistencias AS valor, r.municipio_codigo AS territorio,
                  r.grupo_de_valor_codigo AS grupo
             FROM resumen_asistencia r JOIN act ON act.codigo = r.actividad_codigo`,
  fase_tipo_departamento: (p) =>
    fueraDeBloques(p, 'resumen_departamento_grupo', 'departamento_codigo', 'grupo_de_valor_codigo'),
  fase_tipo_departamento_total: (p) =>
    fueraDeBloques(p, 'resumen_departamento', 'departamento_codigo', 'NULL::varchar'),
  fase_tipo_municipio: fueraDeBloquesPorMunicipio,
  fase_tipo_municipio_total: fueraDeBloquesPorMunicipio,
  asistencias:
    () => `SELECT x.actividad_codigo, x.modalidad, count(*) AS valor, x.municipio_codigo AS territorio,
                               x.grupo_de_valor_codigo AS grupo
                          FROM asistencia x JOIN act ON act.codigo = x.actividad_codigo
                         GROUP BY x.actividad_codigo, x.modalidad, x.municipio_codigo, x.grupo_de_valor_codigo`,
};

/** The attendance records as the source asked for holds them; only its filters' parameters are bound. */
export function asistenciasDeLaFuente(p: PedidoDeHechos): string {
  return SQL_DE_FUENTE[p.fuente](p);
}
