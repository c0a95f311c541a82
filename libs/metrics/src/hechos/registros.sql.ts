/**
 * The facts of the records: attendance (from the source asked for), certificates, and each
 * webinar's latest view snapshot; and which activities have records of which kind.
 */
import { asistenciasDeLaFuente } from './asistencias.sql';
import { PedidoDeHechos } from './pedido';

/** Whether an activity has records of a declared metric: then the records are its figure. */
export function tieneRegistros(
  { fuente, corte }: PedidoDeHechos,
  actividad: string,
  metrica: string,
) {
  const modalidadesRegistradas = fuente === 'asistencias' ? 'asistencia' : 'resumen_actividad';
  return `CASE ${metrica}
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
}

/** The latest snapshot on or before the cut-off of each activity in `actividades` (rows named act). */
function ultimoAlCorte(corte: string | undefined, actividades: string) {
  return `SELECT act.codigo AS actividad_codigo, ultimo.vistas, ultimo.fecha_corte
       FROM ${actividades} CROSS JOIN LATERAL (
         SELECT v.vistas, v.fecha_corte FROM corte_vistas v
          WHERE v.actividad_codigo = act.codigo ${corte ? `AND v.fecha_corte <= ${corte}::date` : ''}
          ORDER BY v.fecha_corte DESC LIMIT 1
       ) ultimo`;
}

/**
 * From the summary of latest snapshots, and the snapshots themselves only for the webinars seen again
 * after the cut-off; from the snapshots alone for the naive baseline.
 */
function vistasAlCorte({ fuente, corte }: PedidoDeHechos) {
  const ultimosEnResumen = `SELECT r.actividad_codigo, r.vistas, r.fecha_corte
                              FROM resumen_vistas r JOIN act ON act.codigo = r.actividad_codigo`;
  if (fuente === 'asistencias') return ultimoAlCorte(corte, 'act');
  return corte
    ? `${ultimosEnResumen} WHERE r.fecha_corte <= ${corte}::date
           UNION ALL
           ${ultimoAlCorte(corte, `act JOIN resumen_vistas r ON r.actividad_codigo = act.codigo AND r.fecha_corte > ${corte}::date`)}`
    : ultimosEnResumen;
}

/** The CTEs vistas_al_corte and registros (the records as facts of their activity). */
export function ctesDeRegistros(p: PedidoDeHechos): string {
  const { fuente, corte } = p;
  return `vistas_al_corte AS (
    -- Each webinar's latest snapshot on or before the cut-off: its views, its date, and the proof that it has records.
    ${vistasAlCorte(p)}
  ),
  registros AS (
    SELECT s.actividad_codigo,
           CASE s.modalidad WHEN 'presencial' THEN 'asistentes_presenciales' ELSE 'asistentes_remotos' END AS metrica,
           s.valor::bigint AS valor, s.territorio, s.grupo, s.modalidad::varchar AS modalidad,
           ${fuente === 'subregion' || fuente === 'subregion_grupo' ? 's.subregion' : 'NULL::varchar'} AS subregion,
           NULL::date AS conocido_desde
      FROM (${asistenciasDeLaFuente(p)}) s
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
  )`;
}

/** The CTEs registrado_por_actividad and con_registros. */
export function ctesDeMedidos(p: PedidoDeHechos): string {
  return `registrado_por_actividad AS (
    -- The kinds of figure the activities in scope have records of: there, no matching record is a measured zero.
    SELECT act.codigo AS actividad_codigo,
           array_remove(ARRAY[CASE WHEN ${tieneRegistros(p, 'act.codigo', "'participantes'")} THEN 'asistencias' END,
                              CASE WHEN ${tieneRegistros(p, 'act.codigo', "'certificados'")} THEN 'certificados' END,
                              CASE WHEN ${tieneRegistros(p, 'act.codigo', "'vistas'")} THEN 'vistas' END], NULL)::text[] AS registrado
      FROM act
  ),
  con_registros AS (
    -- The activities in scope with records of any kind.
    SELECT actividad_codigo FROM registrado_por_actividad WHERE cardinality(registrado) > 0
  )`;
}
