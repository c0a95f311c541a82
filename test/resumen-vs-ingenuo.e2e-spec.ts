/**
 * The summaries the API reads and the naive GROUP BY over the raw attendance
 * records give the same answer, for every breakdown and filters combined, on
 * a generated dataset of a hundred thousand attendances; and the summary
 * without activities stays the sum of the raw records whatever changes them.
 */
import { cargarReferencia, sumarAResumenes } from '@tablero/domain';
import { DIMENSIONES, Filtros, MetricasService } from '@tablero/metrics';
import { DataSource, QueryRunner } from 'typeorm';
import { generarDatos } from '../bench/datos-sinteticos';
import { FILTROS_COMBINADOS } from './support/filtros-combinados';
import { abrirBaseDePrueba, BaseDePrueba } from './support/test-app';

jest.setTimeout(180_000);

let base: BaseDePrueba;
let ds: DataSource;
let metricas: MetricasService;
/** The same service computing from the raw records: the baseline every answer is checked against. */
let ingenua: MetricasService;

beforeAll(async () => {
  base = await abrirBaseDePrueba('ingenuo');
  ds = base.ds;
  await cargarReferencia(ds);
  const generados = await generarDatos(ds, 100_000);
  expect(generados.asistencias).toBeGreaterThan(95_000);
  // A municipality in two subregions (Caucasia, of Bajo Cauca, also in Oriente): its records are in both.
  await ds.query(
    `INSERT INTO subregion_territorio (subregion_codigo, territorio_codigo) VALUES ('oriente_antioqueno', '05154')`,
  );
  metricas = new MetricasService(ds);
  ingenua = new MetricasService(ds, { ingenua: true });
});

afterAll(() => base?.cerrar());

/** Rows as "clave metrica calificador valor", sorted, so that a failure shows the differing lines. */
async function respuesta(
  f: Filtros,
  por: (typeof DIMENSIONES)[number] | undefined,
  fuente: 'resumen' | 'asistencias',
) {
  return (await (fuente === 'asistencias' ? ingenua : metricas).sumas(f, por))
    .map((r) => `${r.clave} ${r.metrica} ${r.calificador} ${r.valor}`)
    .sort();
}

it.each(
  FILTROS_COMBINADOS.flatMap((f) =>
    [undefined, ...DIMENSIONES].map(
      (por) => [JSON.stringify(f), por ?? '(total)', f, por] as const,
    ),
  ),
)('filters %s by %s: the summary agrees with the raw records', async (_nombre, _por, f, por) => {
  const resumen = await respuesta(f, por, 'resumen');
  expect(resumen.length).toBeGreaterThan(0);
  expect(resumen).toEqual(await respuesta(f, por, 'asistencias'));
});

it.each(DIMENSIONES)(
  'gives a breakdown by %s the total of the facts it breaks down',
  async (por) => {
    for (const f of FILTROS_COMBINADOS) {
      expect((await metricas.desglose(por, f)).total).toEqual(await metricas.totales(f));
    }
  },
);

it.each(FILTROS_COMBINADOS.map((f) => [JSON.stringify(f), f] as const))(
  'filters %s: the monthly series and the listing of activities agree with the raw records',
  async (_nombre, f) => {
    const serie = await metricas.serie('interacciones', 'mes', f);
    expect(serie.puntos.length).toBeGreaterThan(0);
    expect(serie).toEqual(await ingenua.serie('interacciones', 'mes', f));
    const pagina = { pagina: 1, tamano: 40, orden: 'fecha_inicio', direccion: 'desc' } as const;
    const listado = await metricas.actividades(f, pagina);
    expect(listado.filas.length).toBeGreaterThan(0);
    expect(listado).toEqual(await ingenua.actividades(f, pagina));
  },
);

// Before any test below changes the records: each filter set then has persons to count.
it.each([{}, ...FILTROS_COMBINADOS].map((f) => [JSON.stringify(f), f] as const))(
  'filters %s: the distinct persons agree with the raw records',
  async (_nombre, f: Filtros) => {
    const personas = await metricas.personasUnicas(f);
    expect(personas).toBe(await ingenua.personasUnicas(f));
    expect(personas).toBeGreaterThan(0);
  },
);

it('has attendance figures to compare, not only activities', async () => {
  const totales = await metricas.totales({});
  expect(totales.asistencias.valor).toBe(
    Number((await ds.query('SELECT count(*) AS n FROM asistencia'))[0].n) + 10701,
  );
});

it.each([
  ['municipio_total', '05001', { municipio: '05001' }, null],
  ['municipio', '05001', { municipio: '05001', grupo: 'ciudadania' }, null],
  ['departamento', '05', { departamento: '05' }, null],
  // One type: the month is not whole, so it is read from resumen_fase_tipo, not resumen_mes.
  [
    'municipio_total',
    '05001',
    { municipio: '05001', tipo: 'webinar', desde: '2024-05-01', hasta: '2024-05-31' },
    '2024-05-01',
  ],
  ['departamento', '05', { departamento: '05', fechaCorte: '2024-06-30' }, '2024-03-01'],
])(
  'reads the summary without activities by %s (%s, %j, month %s)',
  async (nivel, territorio, f: Filtros, mes) => {
    const antes = await metricas.totales(f);
    const cambiar = (signo: '+' | '-') =>
      ds.query(
        `UPDATE resumen_fase_tipo SET asistencias = asistencias ${signo} 1000
          WHERE nivel = $1 AND territorio_codigo = $2 AND grupo_por_actividad IS NULL AND modalidad = 'virtual'
            AND ($3::varchar IS NULL OR grupo_de_valor_codigo = $3) AND mes IS NOT DISTINCT FROM $4::date
            AND ($5::varchar IS NULL OR tipo_codigo = $5)`,
        [nivel, territorio, f.grupo ?? null, mes, f.tipo ?? null],
      );
    const [, filas] = await cambiar('+');
    try {
      expect(filas).toBeGreaterThan(0);
      expect((await metricas.totales(f)).asistencias.valor).toBe(
        antes.asistencias.valor! + 1000 * filas,
      );
    } finally {
      await cambiar('-');
    }
  },
);

it('reads the whole months of a municipal question over dates from resumen_mes', async () => {
  // A month with records in Medellín, no activity held in a subregion, and no phase × type whose activities
  // all run in it (that would be read whole): asked for that month, it is read from resumen_mes.
  const [{ mes, fin }] = await ds.query(`
    SELECT x.mes::text AS mes, x.fin::text AS fin FROM (
      SELECT m.mes, (m.mes + interval '1 month' - interval '1 day')::date AS fin
        FROM resumen_mes m WHERE m.municipio_codigo = '05001' AND m.modalidad = 'virtual') x
     WHERE NOT EXISTS (SELECT 1 FROM actividad a
                        WHERE date_trunc('month', a.fecha_inicio) = x.mes
                          AND (a.subregion_codigo IS NOT NULL
                               OR NOT EXISTS (SELECT 1 FROM actividad b
                                               WHERE b.fase_codigo = a.fase_codigo AND b.tipo_codigo = a.tipo_codigo
                                                 AND (b.fecha_fin < x.mes OR b.fecha_inicio > x.fin))))
     ORDER BY x.mes LIMIT 1`);
  const f: Filtros = { municipio: '05001', desde: mes, hasta: fin };
  const antes = await metricas.totales(f);
  const cambiar = (signo: '+' | '-') =>
    ds.query(
      `UPDATE resumen_mes SET asistencias = asistencias ${signo} 1000
        WHERE municipio_codigo = '05001' AND modalidad = 'virtual' AND mes = $1`,
      [mes],
    );
  await cambiar('+');
  try {
    expect((await metricas.totales(f)).asistencias.valor).toBe(antes.asistencias.valor! + 1000);
  } finally {
    await cambiar('-');
  }
});

/** Rows of a summary (CTE `guardado`) missing from or beyond what is expected of it (CTE `esperado`), either way. */
async function diferencias(
  ctes: string,
  runner: { query: DataSource['query'] } = ds,
): Promise<string[]> {
  const filas = await runner.query<{ fila: string }[]>(`
    WITH ${ctes}
    SELECT fila::text FROM (
      SELECT 'falta' AS que, * FROM (TABLE esperado EXCEPT ALL TABLE guardado) e
      UNION ALL
      SELECT 'sobra', * FROM (TABLE guardado EXCEPT ALL TABLE esperado) g
    ) fila LIMIT 10`);
  return filas.map((f) => f.fila);
}

/** Rows of resumen_fase_tipo that differ from a sum of the raw records made here, either way. */
function diferenciasDeResumenFaseTipo(): Promise<string[]> {
  return diferencias(`
    esperado AS (
      SELECT n.nivel, x.fase_codigo, x.tipo_codigo, p.mes,
             CASE n.nivel WHEN 'departamento' THEN left(x.municipio_codigo, 2) ELSE x.municipio_codigo END AS territorio,
             CASE n.nivel WHEN 'municipio_total' THEN NULL ELSE x.grupo END AS grupo,
             x.grupo_por_actividad, x.modalidad, count(*) AS asistencias
        FROM (SELECT a.fase_codigo, a.tipo_codigo, a.fecha_inicio, s.municipio_codigo, s.grupo_de_valor_codigo AS grupo,
                     NULL AS grupo_por_actividad, s.modalidad
                FROM asistencia s JOIN actividad a ON a.codigo = s.actividad_codigo
              UNION ALL
              SELECT a.fase_codigo, a.tipo_codigo, a.fecha_inicio, s.municipio_codigo, NULL, g.grupo_de_valor_codigo,
                     s.modalidad
                FROM asistencia s JOIN actividad a ON a.codigo = s.actividad_codigo
                JOIN actividad_grupo_de_valor g ON g.actividad_codigo = s.actividad_codigo
               WHERE s.grupo_de_valor_codigo IS NULL) x
       CROSS JOIN (VALUES ('municipio'), ('departamento'), ('municipio_total')) n (nivel)
       -- Every row for its whole phase × type, and again for its activity's start month.
       CROSS JOIN (VALUES (false), (true)) m (por_mes)
       CROSS JOIN LATERAL (SELECT CASE WHEN m.por_mes THEN date_trunc('month', x.fecha_inicio)::date END AS mes) p
       WHERE n.nivel <> 'municipio_total' OR x.grupo_por_actividad IS NULL
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ),
    guardado AS (
      SELECT nivel, fase_codigo, tipo_codigo, mes, territorio_codigo, grupo_de_valor_codigo, grupo_por_actividad,
             modalidad, asistencias
        FROM resumen_fase_tipo
    )
  `);
}

/** Rows of resumen_mes that differ from the raw records by start month, municipality and modality, either way. */
function diferenciasDeResumenMes(): Promise<string[]> {
  return diferencias(`
    esperado AS (
      SELECT date_trunc('month', a.fecha_inicio)::date AS mes, s.municipio_codigo, s.modalidad, count(*) AS asistencias
        FROM asistencia s JOIN actividad a ON a.codigo = s.actividad_codigo
       GROUP BY 1, 2, 3
    ),
    guardado AS (SELECT mes, municipio_codigo, modalidad, asistencias FROM resumen_mes)
  `);
}

/** A webinar of the generated data with records without a group, and a group it is not aimed at. */
async function webinarConRegistrosSinGrupo(): Promise<{ codigo: string; otroGrupo: string }> {
  const [fila] = await ds.query<{ codigo: string; otro_grupo: string }[]>(`
    SELECT a.codigo,
           (SELECT min(gv.codigo) FROM grupo_de_valor gv
             WHERE NOT EXISTS (SELECT 1 FROM actividad_grupo_de_valor g
                                WHERE g.actividad_codigo = a.codigo AND g.grupo_de_valor_codigo = gv.codigo)) AS otro_grupo
      FROM actividad a
     WHERE a.codigo LIKE 'SIN-%' AND a.tipo_codigo = 'webinar'
       AND EXISTS (SELECT 1 FROM resumen_asistencia r WHERE r.actividad_codigo = a.codigo AND r.grupo_de_valor_codigo IS NULL)
       AND EXISTS (SELECT 1 FROM actividad_grupo_de_valor g WHERE g.actividad_codigo = a.codigo)
     ORDER BY a.codigo LIMIT 1`);
  return { codigo: fila.codigo, otroGrupo: fila.otro_grupo };
}

/**
 * New attendances to an activity (half of them placed in `municipio`) and the
 * summaries grown by them in the same statement, as an import does.
 */
function anadirAsistencias(
  runner: { query: DataSource['query'] },
  actividad: string,
  desde: number,
  municipio = '05001',
) {
  return runner.query(
    `WITH nuevas AS (
       INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, municipio_codigo, grupo_de_valor_codigo)
       SELECT $1, sha256(convert_to('prueba-' || k, 'UTF8')), 'virtual', CASE WHEN k % 2 = 0 THEN $3 END,
              CASE WHEN k % 3 = 0 THEN 'ciudadania' END
         FROM generate_series($2::int, $2::int + 99) k
       RETURNING actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad),
     ${sumarAResumenes('nuevas')
       .map((insert, i) => `resumen_${i} AS (${insert})`)
       .join(',\n')}
     SELECT count(*) FROM nuevas`,
    [actividad, desde, municipio],
  );
}

type Escritura = (runner: QueryRunner) => Promise<unknown>;

/**
 * Two writers in transactions of their own: the first writes and holds its
 * turn; the second, started next, is seen waiting on a lock before the first
 * commits, then writes under what it committed.
 */
async function dosEscritores(primera: Escritura, segunda: Escritura): Promise<void> {
  const primero = ds.createQueryRunner();
  const segundo = ds.createQueryRunner();
  await Promise.all([primero.connect(), segundo.connect()]);
  try {
    await Promise.all([primero.startTransaction(), segundo.startTransaction()]);
    const [{ pid }] = await segundo.query(`SELECT pg_backend_pid() AS pid`);
    await primera(primero);
    const despues = segunda(segundo);
    await esperaUnBloqueo(pid);
    await primero.commitTransaction();
    await despues;
    await segundo.commitTransaction();
  } finally {
    for (const runner of [primero, segundo]) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

async function esperaUnBloqueo(pid: number): Promise<void> {
  for (let intento = 0; intento < 250; intento++) {
    const [fila] = await ds.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [
      pid,
    ]);
    if (fila?.wait_event_type === 'Lock') return;
    await new Promise((listo) => setTimeout(listo, 20));
  }
  throw new Error(`the second writer (backend ${pid}) never waited for the first`);
}

it('is the sum of the raw records after imports, activities moved and aimed groups changed', async () => {
  expect(await diferenciasDeResumenFaseTipo()).toEqual([]);
  expect(await diferenciasDeResumenMes()).toEqual([]);
  const { codigo, otroGrupo } = await webinarConRegistrosSinGrupo();
  await anadirAsistencias(ds, codigo, 0);
  await ds.query(
    `UPDATE actividad SET tipo_codigo = 'conversatorio', fase_codigo = 'II' WHERE codigo = $1`,
    [codigo],
  );
  // Forty days earlier: another start month.
  await ds.query(
    `UPDATE actividad SET fecha_inicio = fecha_inicio - 40, fecha_fin = fecha_fin - 40 WHERE codigo = $1`,
    [codigo],
  );
  await ds.query(
    `INSERT INTO actividad_grupo_de_valor (actividad_codigo, grupo_de_valor_codigo) VALUES ($1, $2)`,
    [codigo, otroGrupo],
  );
  await ds.query(
    `DELETE FROM actividad_grupo_de_valor
      WHERE actividad_codigo = $1 AND grupo_de_valor_codigo = (SELECT min(grupo_de_valor_codigo)
                                                                FROM actividad_grupo_de_valor
                                                               WHERE actividad_codigo = $1 AND grupo_de_valor_codigo <> $2)`,
    [codigo, otroGrupo],
  );
  expect(await diferenciasDeResumenFaseTipo()).toEqual([]);
  expect(await diferenciasDeResumenMes()).toEqual([]);
  for (const [f, por] of [
    [{}, 'municipio'],
    [{ grupo: otroGrupo }, 'departamento'],
    [{ tipo: 'conversatorio' }, 'grupo'],
    [{ tipo: 'conversatorio', desde: '2024-04-01', hasta: '2024-09-30' }, 'municipio'],
    [{ desde: '2024-04-01', hasta: '2024-09-30' }, 'municipio'],
    [{ departamento: '05', grupo: 'ciudadania' }, 'actividad'],
  ] as const) {
    expect(await respuesta(f, por, 'resumen')).toEqual(await respuesta(f, por, 'asistencias'));
  }
});

it.each([
  ['an activity moved before an import of its attendances commits', true],
  ['an import of its attendances before the activity is moved', false],
])('stays the sum of the raw records with %s', async (_caso, actividadPrimero) => {
  const { codigo } = await webinarConRegistrosSinGrupo();
  const moverActividad: Escritura = (runner) =>
    runner.query(
      `UPDATE actividad SET tipo_codigo = 'lanzamiento', fase_codigo = 'I',
                            fecha_inicio = fecha_inicio - 40, fecha_fin = fecha_fin - 40
        WHERE codigo = $1`,
      [codigo],
    );
  const importar: Escritura = (runner) =>
    anadirAsistencias(runner, codigo, actividadPrimero ? 1000 : 2000);
  await (actividadPrimero
    ? dosEscritores(moverActividad, importar)
    : dosEscritores(importar, moverActividad));
  expect(await diferenciasDeResumenFaseTipo()).toEqual([]);
  expect(await diferenciasDeResumenMes()).toEqual([]);
});

/** Rows of resumen_vistas that are not the latest snapshot of their activity, and latest snapshots it lacks. */
const diferenciasDeResumenVistas = () =>
  ds.query(
    `WITH ultimos AS (SELECT DISTINCT ON (actividad_codigo) actividad_codigo, fecha_corte, vistas FROM corte_vistas
                       ORDER BY actividad_codigo, fecha_corte DESC),
          guardados AS (SELECT actividad_codigo, fecha_corte, vistas FROM resumen_vistas)
     (SELECT * FROM guardados EXCEPT SELECT * FROM ultimos)
     UNION ALL
     (SELECT * FROM ultimos EXCEPT SELECT * FROM guardados)`,
  );

it('keeps resumen_vistas the latest snapshot of each activity whatever changes the snapshots', async () => {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM resumen_vistas`);
  expect(n).toBeGreaterThan(0);
  expect(await diferenciasDeResumenVistas()).toEqual([]);
  const [{ codigo, ultima }] = await ds.query(
    `SELECT actividad_codigo AS codigo, fecha_corte::text AS ultima FROM resumen_vistas ORDER BY actividad_codigo LIMIT 1`,
  );
  // A cut-off on the day of an activity's latest snapshot counts it.
  expect(await respuesta({ fechaCorte: ultima }, 'actividad', 'resumen')).toEqual(
    await respuesta({ fechaCorte: ultima }, 'actividad', 'asistencias'),
  );
  const cambios = [
    // A later snapshot, then its count corrected, as a views import does.
    `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas) VALUES ($1, $2::date + 3, 999999)`,
    `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas) VALUES ($1, $2::date + 3, 5)
     ON CONFLICT ON CONSTRAINT pk_corte_vistas DO UPDATE SET vistas = EXCLUDED.vistas`,
    // Moved before every other, then taken away: the one before it is the latest again.
    `UPDATE corte_vistas SET fecha_corte = '2000-01-01' WHERE actividad_codigo = $1 AND fecha_corte = $2::date + 3`,
    `DELETE FROM corte_vistas WHERE actividad_codigo = $1 AND fecha_corte = $2::date`,
    `DELETE FROM corte_vistas WHERE actividad_codigo = $1 AND fecha_corte BETWEEN '2000-01-02' AND $2`,
  ];
  for (const cambio of cambios) {
    await ds.query(cambio, [codigo, ultima]);
    expect(await diferenciasDeResumenVistas()).toEqual([]);
  }
  expect(
    await ds.query(
      `SELECT fecha_corte::text AS f FROM resumen_vistas WHERE actividad_codigo = $1`,
      [codigo],
    ),
  ).toEqual([{ f: '2000-01-01' }]);
  await ds.query(`DELETE FROM corte_vistas WHERE actividad_codigo = $1`, [codigo]);
  expect(await diferenciasDeResumenVistas()).toEqual([]);
  expect(
    await ds.query(`SELECT 1 FROM resumen_vistas WHERE actividad_codigo = $1`, [codigo]),
  ).toEqual([]);
  // Emptied at once, in a transaction given up afterwards.
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`TRUNCATE corte_vistas`);
    expect(await runner.query(`SELECT * FROM resumen_vistas`)).toEqual([]);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});

it('keeps resumen_vistas the latest snapshot with two imports of one webinar at once', async () => {
  const [{ codigo, ultima }] = await ds.query(
    `SELECT actividad_codigo AS codigo, fecha_corte::text AS ultima FROM resumen_vistas
      ORDER BY actividad_codigo DESC LIMIT 1`,
  );
  const anadir =
    (dias: number): Escritura =>
    (runner) =>
      runner.query(
        `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas) VALUES ($1, $2::date + $3::int, 1)`,
        [codigo, ultima, dias],
      );
  // The second reads the snapshots once the first has committed.
  await dosEscritores(anadir(1), anadir(2));
  expect(await diferenciasDeResumenVistas()).toEqual([]);
  expect(
    await ds.query(
      `SELECT fecha_corte = $2::date + 2 AS ultima FROM resumen_vistas WHERE actividad_codigo = $1`,
      [codigo, ultima],
    ),
  ).toEqual([{ ultima: true }]);
});

/** Rows of resumen_subregion that differ, either way, from resumen_asistencia's rows in each subregion's municipalities. */
const diferenciasDeResumenSubregion = (runner: { query: DataSource['query'] } = ds) =>
  diferencias(
    `
    esperado AS (
      SELECT st.subregion_codigo, left(r.municipio_codigo, 2), r.actividad_codigo, r.grupo_de_valor_codigo, r.modalidad,
             sum(r.asistencias) AS asistencias
        FROM resumen_asistencia r JOIN subregion_territorio st ON st.territorio_codigo = r.municipio_codigo
       GROUP BY 1, 2, 3, 4, 5
    ),
    guardado AS (
      SELECT subregion_codigo, departamento_codigo, actividad_codigo, grupo_de_valor_codigo, modalidad, asistencias::numeric
        FROM resumen_subregion
    )
`,
    runner,
  );

/** The activity with most records in a subregion (and with records outside it). */
async function actividadEnSubregion(subregion: string): Promise<string> {
  const [{ codigo }] = await ds.query(
    `SELECT actividad_codigo AS codigo FROM resumen_subregion WHERE subregion_codigo = $1
      GROUP BY 1 ORDER BY sum(asistencias) DESC, 1 LIMIT 1`,
    [subregion],
  );
  return codigo;
}

it("keeps resumen_subregion the records in each subregion's municipalities whatever changes either", async () => {
  // Every subregion with records in its municipalities, the strategy's and PDET's.
  const [{ n, esperadas }] = await ds.query(
    `SELECT (SELECT count(DISTINCT subregion_codigo) FROM resumen_subregion)::int AS n,
            (SELECT count(DISTINCT st.subregion_codigo) FROM asistencia a
               JOIN subregion_territorio st ON st.territorio_codigo = a.municipio_codigo)::int AS esperadas`,
  );
  expect(n).toBe(esperadas);
  expect(n).toBeGreaterThan(3);
  expect(await diferenciasDeResumenSubregion()).toEqual([]);
  const codigo = await actividadEnSubregion('oriente_antioqueno');
  const cambios = [
    // A municipality joins a subregion, one leaves another, one moves between two.
    `INSERT INTO subregion_territorio (subregion_codigo, territorio_codigo) VALUES ('bajo_cauca', '05001')`,
    `DELETE FROM subregion_territorio WHERE subregion_codigo = 'oriente_antioqueno' AND territorio_codigo = '05615'`,
    `UPDATE subregion_territorio SET subregion_codigo = 'catatumbo' WHERE subregion_codigo = 'bajo_cauca' AND territorio_codigo = '05120'`,
    // One leaves its subregion; a code in none changes nothing.
    `DELETE FROM subregion_territorio WHERE territorio_codigo IN ('05002', '99999')`,
  ];
  for (const cambio of cambios) {
    await ds.query(cambio);
    expect(await diferenciasDeResumenSubregion()).toEqual([]);
  }
  await anadirAsistencias(ds, codigo, 3000, '05615');
  await anadirAsistencias(ds, codigo, 3100, '05001');
  expect(await diferenciasDeResumenSubregion()).toEqual([]);
  // Catatumbo now spans two departments.
  for (const [f, por] of [
    [{ subregion: 'bajo_cauca' }, 'actividad'],
    [{ subregion: 'catatumbo', grupo: 'ciudadania' }, 'aliado'],
    [{ subregion: 'catatumbo' }, 'departamento'],
    [{ subregion: 'catatumbo', departamento: '05' }, 'actividad'],
  ] as const) {
    expect(await respuesta(f, por, 'resumen')).toEqual(await respuesta(f, por, 'asistencias'));
  }
  // Records taken away, then all of them at once, in a transaction given up afterwards.
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(
      `DELETE FROM resumen_asistencia WHERE actividad_codigo = $1 AND municipio_codigo = '05148'`,
      [codigo],
    );
    await runner.query(
      `UPDATE resumen_asistencia SET asistencias = asistencias + 7 WHERE municipio_codigo = '05001'`,
    );
    expect(await diferenciasDeResumenSubregion(runner)).toEqual([]);
    await runner.query(`TRUNCATE resumen_asistencia`);
    expect(await runner.query(`SELECT * FROM resumen_subregion`)).toEqual([]);
    await runner.query(`ROLLBACK`);
    await runner.query(`BEGIN`);
    await runner.query(`TRUNCATE subregion_territorio`);
    expect(await runner.query(`SELECT * FROM resumen_subregion`)).toEqual([]);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});

it.each([
  ['a municipality joins a subregion before an import of its attendances commits', true],
  ['an import of its attendances before the municipality joins a subregion', false],
])(
  'keeps resumen_subregion the records in its municipalities when %s',
  async (_caso, subregionPrimero) => {
    const codigo = await actividadEnSubregion('catatumbo');
    const municipio = subregionPrimero ? '05004' : '05030';
    const enElMunicipio = async () =>
      (
        await ds.query(
          `SELECT coalesce(sum(asistencias), 0)::int AS n FROM resumen_asistencia
            WHERE actividad_codigo = $1 AND municipio_codigo = $2`,
          [codigo, municipio],
        )
      )[0].n;
    const antes = await enElMunicipio();
    const unirMunicipio: Escritura = (runner) =>
      runner.query(
        `INSERT INTO subregion_territorio (subregion_codigo, territorio_codigo) VALUES ('catatumbo', $1)`,
        [municipio],
      );
    const importar: Escritura = (runner) =>
      anadirAsistencias(runner, codigo, subregionPrimero ? 4000 : 4100, municipio);
    await (subregionPrimero
      ? dosEscritores(unirMunicipio, importar)
      : dosEscritores(importar, unirMunicipio));
    expect(await diferenciasDeResumenSubregion()).toEqual([]);
    // The import's records in the municipality are among the subregion's rows that the check above compares.
    expect(await enElMunicipio()).toBe(antes + 50);
  },
);

/** Persons of resumen_persona that differ from the raw records, either way, and the count kept if it is not theirs. */
async function diferenciasDePersonas(
  runner: { query: DataSource['query'] } = ds,
): Promise<string[]> {
  const [{ total, contadas }] = await runner.query(
    `SELECT (SELECT personas FROM total_personas)::int AS total,
            (SELECT count(DISTINCT persona_clave) FROM asistencia)::int AS contadas`,
  );
  const cuenta = total === contadas ? [] : [`total_personas ${total}, registros ${contadas}`];
  return [
    ...cuenta,
    ...(await diferencias(
      `esperado AS (SELECT persona_clave, count(*)::int FROM asistencia GROUP BY 1),
       guardado AS (SELECT persona_clave, asistencias FROM resumen_persona)`,
      runner,
    )),
  ];
}

it('keeps the distinct persons those of the raw records whatever changes them', async () => {
  expect(await diferenciasDePersonas()).toEqual([]);
  const [{ a, b }] = await ds.query(
    `SELECT min(codigo) AS a, max(codigo) AS b FROM actividad WHERE codigo LIKE 'SIN-0%'`,
  );
  // The same hundred new persons in two activities, then fifty of them again in a third at once with another fifty.
  await anadirAsistencias(ds, a, 5000);
  await anadirAsistencias(ds, b, 5000);
  const antes = await metricas.personasUnicas({});
  await dosEscritores(
    (runner) => anadirAsistencias(runner, 'F2-TAL-01', 5050),
    (runner) => anadirAsistencias(runner, 'F2-TAL-02', 5050),
  );
  expect(await metricas.personasUnicas({})).toBe(antes! + 50);
  expect(await diferenciasDePersonas()).toEqual([]);
  const clave = (k: number) => `sha256(convert_to('prueba-' || ${k}, 'UTF8'))`;
  const cambios = [
    // One of a person's two attendances goes, then her other one; another person's key changes.
    `DELETE FROM asistencia WHERE actividad_codigo = '${a}' AND persona_clave = ${clave(5001)}`,
    `DELETE FROM asistencia WHERE persona_clave = ${clave(5001)}`,
    `UPDATE asistencia SET persona_clave = ${clave(9999)} WHERE persona_clave = ${clave(5002)} AND actividad_codigo = '${b}'`,
    // An activity deleted with its attendances.
    `DELETE FROM actividad WHERE codigo = '${b}'`,
  ];
  for (const cambio of cambios) {
    await ds.query(cambio);
    expect(await diferenciasDePersonas()).toEqual([]);
  }
  // All of them at once, in a transaction given up afterwards.
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`TRUNCATE asistencia`);
    expect(await diferenciasDePersonas(runner)).toEqual([]);
    expect(await runner.query(`SELECT personas::int FROM total_personas`)).toEqual([
      { personas: 0 },
    ]);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
