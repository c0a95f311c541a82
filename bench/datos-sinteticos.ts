/**
 * A realistic synthetic dataset, generated inside PostgreSQL: activities of
 * every kind across DANE's municipalities, attendance skewed towards the
 * departments' capitals (their codes end in 001) and towards a core of people who come back to many activities, and daily
 * cumulative view snapshots of the webinars. Used by bench:data and by the
 * test that the summary and the naive SQL agree.
 */
import { reconstruirResumenAsistencia } from '@tablero/domain';
import { DataSource } from 'typeorm';

export interface Generados {
  readonly actividades: number;
  readonly asistencias: number;
  readonly personas: number;
  readonly cortesVistas: number;
}

export async function generarDatos(
  ds: DataSource,
  asistencias: number,
  semilla = 0.42,
): Promise<Generados> {
  const actividades = Math.max(120, Math.round(asistencias / 2500));
  const personas = Math.round(asistencias / 2.5);
  await ds.transaction(async (m) => {
    await m.query('SELECT setseed($1)', [semilla]);
    await m.query(
      `CREATE TEMP TABLE municipio_ordenado ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY right(codigo, 3) = '001' DESC, md5(codigo)) - 1)::int AS i, codigo
         FROM territorio WHERE nivel = 'municipio'`,
    );
    const [{ n: municipios }] = await m.query(`SELECT count(*)::int AS n FROM municipio_ordenado`);
    await m.query(
      `INSERT INTO actividad (codigo, fase_codigo, tipo_codigo, titulo, fecha_inicio, fecha_fin, modalidad, canal,
                             territorio_codigo, youtube_video_id)
       SELECT 'SIN-' || lpad(k::text, 6, '0'), CASE WHEN k % 3 = 0 THEN 'II' ELSE 'III' END, t.tipo,
              'Actividad sintética ' || k, f.inicio, f.inicio + (k % 3), t.modalidad, t.canal,
              CASE WHEN t.modalidad = 'presencial' THEN mo.codigo END,
              CASE WHEN t.tipo = 'webinar' THEN substr(md5('video' || k), 1, 11) END
         FROM generate_series(1, $1::int) AS k
         CROSS JOIN LATERAL (SELECT (ARRAY['taller_presencial', 'asistencia_tecnica', 'capacitacion_virtual',
                                           'conversatorio', 'webinar'])[1 + k % 5] AS tipo) tt
         CROSS JOIN LATERAL (SELECT tt.tipo,
                                    CASE WHEN tt.tipo IN ('taller_presencial', 'asistencia_tecnica') THEN 'presencial' ELSE 'virtual' END AS modalidad,
                                    CASE tt.tipo WHEN 'webinar' THEN 'YouTube Live' WHEN 'capacitacion_virtual' THEN 'Microsoft Teams'
                                                 WHEN 'conversatorio' THEN 'Google Meet' ELSE 'Presencial' END AS canal) t
         CROSS JOIN LATERAL (SELECT DATE '2024-01-08' + floor(600 * ((k * 0.6180339887) % 1))::int AS inicio) f
         JOIN municipio_ordenado mo ON mo.i = floor($2::int * power(((k * 104729) % 1000) / 1000.0, 3))::int`,
      [actividades, municipios],
    );
    await m.query(
      `INSERT INTO actividad_aliado (actividad_codigo, aliado_codigo)
       SELECT a.codigo, al.codigo FROM actividad a
         JOIN LATERAL (SELECT codigo FROM aliado ORDER BY md5(a.codigo || codigo) LIMIT 1 + length(a.codigo) % 2) al ON TRUE
        WHERE a.codigo LIKE 'SIN-%'`,
    );
    await m.query(
      `INSERT INTO actividad_grupo_de_valor (actividad_codigo, grupo_de_valor_codigo)
       SELECT a.codigo, g.codigo FROM actividad a
         JOIN LATERAL (SELECT codigo FROM grupo_de_valor ORDER BY md5(a.codigo || codigo) LIMIT 1 + length(a.codigo) % 2) g ON TRUE
        WHERE a.codigo LIKE 'SIN-%'`,
    );
    await m.query(
      `CREATE TEMP TABLE actividad_ordenada ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY codigo) - 1)::int AS i, codigo, modalidad, territorio_codigo, fecha_inicio
         FROM actividad WHERE codigo LIKE 'SIN-%'`,
    );
    await m.query(
      `INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo, grupo_de_valor_codigo, sexo)
       SELECT a.codigo, decode(md5('p' || x.persona) || md5('q' || x.persona), 'hex'), a.modalidad, a.fecha_inicio,
              CASE WHEN a.territorio_codigo IS NOT NULL AND x.local < 0.7 THEN a.territorio_codigo ELSE mo.codigo END,
              (ARRAY['autoridades_salientes', 'equipos_entrantes', 'jefes_control_interno', 'consejos_territoriales_planeacion',
                     'corporaciones_publicas', 'organizaciones_sociales', 'ciudadania', 'candidatos'])[1 + x.grupo],
              (ARRAY['mujer', 'hombre', 'no_informa'])[1 + x.sexo]
         FROM generate_series(1, ($1::int * 1.03)::int) AS i
         CROSS JOIN LATERAL (
           SELECT floor($2::int * power(random(), 2))::int AS persona,
                  floor($3::int * power(random(), 1.3))::int AS actividad,
                  floor($4::int * power(random(), 3))::int AS municipio,
                  random() AS local,
                  -- 9 choices for 8 groups: the ninth (about 6 %) is a record without a group, as in Teams' lists.
                  floor(9 * power(random(), 2))::int AS grupo,
                  floor(3 * random())::int AS sexo
            WHERE i > 0
         ) x
         JOIN actividad_ordenada a ON a.i = x.actividad
         JOIN municipio_ordenado mo ON mo.i = x.municipio
       ON CONFLICT ON CONSTRAINT uq_asistencia_persona DO NOTHING`,
      [asistencias, personas, actividades, municipios],
    );
    // Subregional events, as phase I held them: their lists often lack the municipality, and some
    // attendees come from outside the subregion.
    await m.query(
      `INSERT INTO actividad (codigo, fase_codigo, tipo_codigo, titulo, fecha_inicio, fecha_fin, modalidad, canal,
                             subregion_codigo)
       SELECT 'SIN-SUB-' || s.codigo, 'I', 'evento_subregional', 'Evento subregional sintético en ' || s.nombre,
              DATE '2023-08-01' + 7 * row_number() OVER (ORDER BY s.codigo)::int,
              DATE '2023-08-01' + 7 * row_number() OVER (ORDER BY s.codigo)::int, 'presencial', 'Presencial', s.codigo
         FROM subregion s`,
    );
    await m.query(
      `INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo, grupo_de_valor_codigo, sexo)
       SELECT a.codigo, decode(md5('sub' || a.codigo || i) || md5('reg' || a.codigo || i), 'hex'), 'presencial',
              a.fecha_inicio,
              CASE WHEN i % 3 = 0 THEN (SELECT min(st.territorio_codigo) FROM subregion_territorio st
                                         WHERE st.subregion_codigo = a.subregion_codigo)
                   WHEN i % 10 = 1 THEN (SELECT min(t.codigo) FROM territorio t
                                          WHERE t.nivel = 'municipio'
                                            AND t.codigo NOT IN (SELECT territorio_codigo FROM subregion_territorio)) END,
              CASE WHEN i % 4 <> 0 THEN 'candidatos' END, 'no_informa'
         FROM actividad a, generate_series(1, 150) AS i
        WHERE a.codigo LIKE 'SIN-SUB-%'`,
    );
    await m.query(
      `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas)
       SELECT a.codigo, a.fecha_inicio + d, (d * (50 + length(a.codigo) * 3) + d * d)::bigint
         FROM actividad a, generate_series(0, 89) AS d
        WHERE a.codigo LIKE 'SIN-%' AND a.tipo_codigo = 'webinar'`,
    );
    await reconstruirResumenAsistencia(m);
  });
  const [conteo] = await ds.query(
    `SELECT (SELECT count(*) FROM actividad WHERE codigo LIKE 'SIN-%')::int AS actividades,
            (SELECT count(*) FROM asistencia)::int AS asistencias,
            (SELECT count(DISTINCT persona_clave) FROM asistencia)::int AS personas,
            (SELECT count(*) FROM corte_vistas)::int AS "cortesVistas"`,
  );
  await ds.query('ANALYZE');
  return conteo as Generados;
}
