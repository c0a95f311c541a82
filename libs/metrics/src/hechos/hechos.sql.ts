/**
 * The facts every metric is computed from, as SQL common table expressions:
 * one row per activity (metric "actividades"), per group of attendance records
 * (from the summary table), per course's certificates, per webinar's latest
 * view snapshot and per declared figure in force. Where an activity or a cycle
 * has records for a metric, the records are the figure and its declared total
 * is left to the reconciliation. Filters on activities apply to all; filters
 * on territory, group and modality apply to each fact.
 *
 * Each part is built in its file: the activities in scope (alcance.sql.ts), the attendance records
 * of each source (asistencias.sql.ts), the blocks of resumen_fase_tipo (bloques.sql.ts), the
 * records (registros.sql.ts) and the declared figures (declarados.sql.ts); here, their union. The
 * SQL of each source is kept for review in __snapshots__/hechos.sql.spec.ts.snap.
 */
import { Consulta, Filtros } from '../filtros';
import { cteDeActividades } from './alcance.sql';
import { bloquesDe, ctesDeBloques, hechosDeBloques } from './bloques.sql';
import { ctesDeDeclarados, ctesDeDeclaradosComoHechos } from './declarados.sql';
import { FuenteAsistencias } from './fuente';
import { PedidoDeHechos } from './pedido';
import { ctesDeMedidos, ctesDeRegistros } from './registros.sql';

/**
 * The CTEs of the facts, ending with `hechos`, for the source asked for only: the filters'
 * parameters are numbered as they are used. `conFaseYTipo`: see PedidoDeHechos.
 */
export function ctesDeHechos(
  f: Filtros,
  q: Consulta,
  fuente: FuenteAsistencias,
  conFaseYTipo = false,
): string {
  const corte = f.fechaCorte ? q.p(f.fechaCorte) : undefined;
  const p: PedidoDeHechos = { f, q, fuente, conFaseYTipo, corte };
  const actividades = cteDeActividades(f, q);
  const bloques = bloquesDe(p);
  return `
  ${actividades},${bloques ? ctesDeBloques(p) : ''}
  ${ctesDeRegistros(p)},
  ${ctesDeDeclarados(p)},
  ${ctesDeMedidos(p)},
  ${ctesDeDeclaradosComoHechos(p)},
  hechos AS (
    SELECT act.codigo AS actividad_codigo, act.ciclo_codigo, act.fase_codigo AS fase, act.tipo_codigo AS tipo,
           act.canal, act.periodo_desde AS fecha, act.periodo_hasta AS fecha_fin, 'actividades'::varchar AS metrica, 1::bigint AS valor,
           'exacto'::varchar AS calificador, act.territorio_codigo AS territorio, NULL::varchar AS grupo,
           act.modalidad::varchar AS modalidad, act.subregion_codigo AS subregion, NULL::varchar AS objetivo,
           CASE WHEN act.nacional THEN 'nacional' END AS ambito, NULL::date AS conocido_desde, rp.registrado
      FROM act JOIN registrado_por_actividad rp ON rp.actividad_codigo = act.codigo
    UNION ALL
    SELECT r.actividad_codigo, act.ciclo_codigo, act.fase_codigo, act.tipo_codigo, act.canal, act.periodo_desde,
           act.periodo_hasta, r.metrica, r.valor, 'exacto', r.territorio, r.grupo, r.modalidad,
           coalesce(r.subregion, act.subregion_codigo), NULL, NULL, r.conocido_desde, NULL
      FROM registros r JOIN act ON act.codigo = r.actividad_codigo
    UNION ALL${bloques ? hechosDeBloques(p, bloques) : ''}
    SELECT d.actividad_codigo, d.ciclo_codigo, d.fase, d.tipo, d.canal, d.fecha, d.fecha_fin, d.metrica, d.valor, d.calificador,
           d.territorio, d.grupo, d.modalidad, d.subregion, d.objetivo, d.ambito, d.conocido_desde, NULL
      FROM declarados_como_hechos d WHERE d.sin_registros
  )`;
}
