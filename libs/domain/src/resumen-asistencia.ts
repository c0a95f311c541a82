import { EntityManager } from 'typeorm';

/**
 * The attendance summaries rebuilt from the attendances themselves: for data
 * loaded by other means than an import (a benchmark, a repair by hand). An
 * import keeps it current on its own.
 */
export async function reconstruirResumenAsistencia(manager: EntityManager): Promise<void> {
  await manager.query('DELETE FROM resumen_actividad');
  await manager.query(
    `INSERT INTO resumen_actividad (actividad_codigo, modalidad, asistencias)
     SELECT actividad_codigo, modalidad, count(*) FROM asistencia GROUP BY 1, 2`,
  );
  await manager.query('DELETE FROM resumen_asistencia');
  await manager.query(
    `INSERT INTO resumen_asistencia (actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, asistencias)
     SELECT actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, count(*)
       FROM asistencia GROUP BY 1, 2, 3, 4`,
  );
}
