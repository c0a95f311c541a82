/**
 * How the filters scope the facts: the activities in scope (the CTE act),
 * chosen by the filters on activities, and the condition on each fact of the
 * filters on territory, group and modality.
 */
import { CAMPOS_FILTRO, CampoFiltro, Consulta, Filtros } from '../filtros';

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
 * The period the source gives an activity (alias a; its cycle, alias ci, where it says it of the
 * cycle): the catalogue's dates, the year where the source gives only the year (`en_la_fuente`),
 * NULL where it gives no date. One definition, read by the series and by the phase as declared.
 */
export function periodoEnLaFuente(a = 'a', ci = 'ci'): { desde: string; hasta: string } {
  const fecha = `coalesce(${a}.en_la_fuente -> 'fecha', ${ci}.en_la_fuente -> 'fecha')`;
  const delAño = (mes: number, dia: number) =>
    `make_date((${fecha} #>> '{}')::int, ${mes}, ${dia})`;
  return {
    desde: `CASE WHEN ${fecha} IS NULL THEN ${a}.fecha_inicio ELSE ${delAño(1, 1)} END`,
    hasta: `CASE WHEN ${fecha} IS NULL THEN ${a}.fecha_fin ELSE ${delAño(12, 31)} END`,
  };
}

/**
 * The activities in scope, written out at each use: the planner then knows their codes are unique and joins
 * them by hash; kept once where the ally's condition would be run again at every use.
 * Filters choose activities by their dates in the catalogue, which places each within its phase; a series
 * places them in the period the source gives (`periodo_desde`, `periodo_hasta`): the year where it gives only
 * the year, none where it gives no date.
 */
export function cteDeActividades(f: Filtros, q: Consulta): string {
  const condiciones = condicionesDe(f, q, 'actividad', 'a');
  const periodo = periodoEnLaFuente();
  return `act AS ${f.aliado ? '' : 'NOT MATERIALIZED '}(
    SELECT a.codigo, a.fase_codigo, a.tipo_codigo, a.ciclo_codigo, a.canal, a.modalidad, a.fecha_inicio,
           a.fecha_fin, date_trunc('month', a.fecha_inicio)::date AS mes_inicio, a.territorio_codigo, a.subregion_codigo,
           a.nacional,
           ${periodo.desde} AS periodo_desde,
           ${periodo.hasta} AS periodo_hasta
      FROM actividad a LEFT JOIN ciclo ci ON ci.codigo = a.ciclo_codigo
     WHERE ${condiciones.length ? condiciones.join(' AND ') : 'TRUE'}
  )`;
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
