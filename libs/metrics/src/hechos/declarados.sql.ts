/**
 * The facts of the declared figures: each figure in force at the cut-off, at the finest level
 * declared, as a fact of its activity or cycle, and whether records replace it.
 */
import { PedidoDeHechos } from './pedido';
import { tieneRegistros } from './registros.sql';

/** The CTEs declarados_vigentes and declarados: the figures in force, at their finest level. */
export function ctesDeDeclarados({ corte }: PedidoDeHechos): string {
  return `declarados_vigentes AS (
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
  )`;
}

/** The CTEs ciclos_act and declarados_como_hechos. */
export function ctesDeDeclaradosComoHechos(p: PedidoDeHechos): string {
  return `ciclos_act AS (
    -- What a cycle's figure can say of its activities: a channel, modality or subregion only when they all share it.
    SELECT ciclo_codigo, min(periodo_desde) AS periodo_desde, max(periodo_hasta) AS periodo_hasta,
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
           coalesce(a.canal, ca.canal) AS canal, coalesce(a.periodo_desde, ca.periodo_desde) AS fecha,
           coalesce(a.periodo_hasta, ca.periodo_hasta) AS fecha_fin,
           d.metrica, d.valor, d.calificador,
           -- Those who joined from afar are not where the event was held: no place but the one declared for them.
           CASE WHEN d.metrica = 'asistentes_remotos' THEN d.territorio_codigo
                ELSE coalesce(d.territorio_codigo, a.territorio_codigo) END AS territorio,
           d.grupo_de_valor_codigo AS grupo,
           CASE d.metrica WHEN 'asistentes_presenciales' THEN 'presencial' WHEN 'asistentes_remotos' THEN 'virtual'
                          WHEN 'vistas' THEN 'virtual' ELSE coalesce(a.modalidad, ca.modalidad) END AS modalidad,
           CASE WHEN d.metrica <> 'asistentes_remotos' OR d.territorio_codigo IS NOT NULL
                THEN coalesce(a.subregion_codigo, ca.subregion_codigo) END AS subregion, NULL::varchar AS objetivo,
           -- Without one place: the whole country, or the several places of a cycle's activities together.
           CASE WHEN d.metrica = 'asistentes_remotos' AND d.territorio_codigo IS NULL THEN NULL
                WHEN coalesce(d.territorio_codigo, a.territorio_codigo, a.subregion_codigo, ca.subregion_codigo) IS NULL
                THEN CASE WHEN coalesce(a.nacional, ca.nacional) THEN 'nacional'
                          WHEN d.actividad_codigo IS NULL AND ca.lugares > 0 THEN 'conjunto' END
           END AS ambito,
           d.fecha_corte, d.conocido_desde,
           NOT EXISTS (SELECT 1 FROM act WHERE act.codigo = d.actividad_codigo AND ${tieneRegistros(p, 'act.codigo', 'd.metrica')})
             AND NOT EXISTS (SELECT 1 FROM act WHERE act.ciclo_codigo = d.ciclo_codigo AND ${tieneRegistros(p, 'act.codigo', 'd.metrica')})
             AS sin_registros
      FROM declarados d
      LEFT JOIN act a ON a.codigo = d.actividad_codigo
      LEFT JOIN ciclo c ON c.codigo = d.ciclo_codigo
      LEFT JOIN ciclos_act ca ON ca.ciclo_codigo = d.ciclo_codigo
  )`;
}
