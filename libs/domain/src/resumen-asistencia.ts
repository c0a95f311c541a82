import { EntityManager } from 'typeorm';

/**
 * The attendance summaries: the same counts at five grains, each answering
 * the questions that need no finer one. `fuente` is a relation with the
 * attendances to add (the rows an import just inserted, or all of them).
 */
export const RESUMENES: readonly {
  tabla: string;
  restriccion: string;
  columnas: string;
  expresiones: string;
}[] = [
  {
    tabla: 'resumen_actividad',
    restriccion: 'pk_resumen_actividad',
    columnas: 'actividad_codigo, modalidad',
    expresiones: 'actividad_codigo, modalidad',
  },
  {
    tabla: 'resumen_departamento',
    restriccion: 'uq_resumen_departamento',
    columnas: 'actividad_codigo, departamento_codigo, modalidad',
    expresiones: 'actividad_codigo, left(municipio_codigo, 2), modalidad',
  },
  {
    tabla: 'resumen_departamento_grupo',
    restriccion: 'uq_resumen_departamento_grupo',
    columnas: 'actividad_codigo, departamento_codigo, grupo_de_valor_codigo, modalidad',
    expresiones: 'actividad_codigo, left(municipio_codigo, 2), grupo_de_valor_codigo, modalidad',
  },
  {
    tabla: 'resumen_grupo',
    restriccion: 'uq_resumen_grupo',
    columnas: 'actividad_codigo, grupo_de_valor_codigo, modalidad',
    expresiones: 'actividad_codigo, grupo_de_valor_codigo, modalidad',
  },
  {
    tabla: 'resumen_asistencia',
    restriccion: 'uq_resumen_asistencia',
    columnas: 'actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad',
    expresiones: 'actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad',
  },
];

/** One INSERT … ON CONFLICT per summary that adds the attendances of `fuente` (kept in key order, against deadlocks). */
export function sumarAResumenes(fuente: string): string[] {
  return RESUMENES.map(
    (r) => `INSERT INTO ${r.tabla} (${r.columnas}, asistencias)
            SELECT ${r.expresiones}, count(*) FROM ${fuente} GROUP BY ${r.expresiones} ORDER BY ${r.expresiones}
            ON CONFLICT ON CONSTRAINT ${r.restriccion}
            DO UPDATE SET asistencias = ${r.tabla}.asistencias + EXCLUDED.asistencias`,
  );
}

/**
 * The summaries rebuilt from the attendances themselves, for data loaded by
 * other means than an import; resumen_fase_tipo, emptied with them, is added
 * up again by its trigger as resumen_asistencia fills.
 */
export async function reconstruirResumenAsistencia(manager: EntityManager): Promise<void> {
  // The summaries' turn before the tables' locks: a trigger waiting for it behind TRUNCATE's lock would deadlock.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('resumen_fase_tipo'))`);
  await manager.query(`TRUNCATE ${RESUMENES.map((r) => r.tabla).join(', ')}, resumen_fase_tipo`);
  for (const insert of sumarAResumenes('asistencia')) await manager.query(insert);
}
