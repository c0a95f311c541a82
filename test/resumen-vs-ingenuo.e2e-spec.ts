/**
 * The summaries the API reads and the naive GROUP BY over the raw attendance
 * records give the same answer, for every breakdown and filters combined, on
 * a generated dataset of a few hundred thousand attendances: with the summary
 * without activities current, and with it left behind by a change.
 */
import { createDataSource, createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { cargarReferencia } from '@tablero/domain';
import { DIMENSIONES, Filtros, MetricasService, ResumenFaseTipoService } from '@tablero/metrics';
import { DataSource } from 'typeorm';
import { generarDatos } from '../bench/datos-sinteticos';
import { testServerUrl } from './support/test-app';

jest.setTimeout(180_000);

let database: ThrowawayDatabase;
let ds: DataSource;
let metricas: MetricasService;

beforeAll(async () => {
  database = await createThrowawayDatabase(testServerUrl(), 'ingenuo');
  ds = createDataSource(database.url);
  await ds.initialize();
  await ds.runMigrations();
  await cargarReferencia(ds);
  const generados = await generarDatos(ds, 300_000);
  expect(generados.asistencias).toBeGreaterThan(290_000);
  metricas = new MetricasService(ds);
  expect(await new ResumenFaseTipoService(ds).recalcular()).toBe(true);
});

afterAll(async () => {
  await ds?.destroy();
  await database?.drop();
});

/** Rows as "clave metrica calificador valor", sorted, so that a failure shows the differing lines. */
async function respuesta(
  f: Filtros,
  por: (typeof DIMENSIONES)[number] | undefined,
  fuente: 'resumen' | 'asistencias',
) {
  return (await metricas.sumas(f, por, fuente === 'asistencias'))
    .map((r) => `${r.clave} ${r.metrica} ${r.calificador} ${r.valor}`)
    .sort();
}

const FILTROS: Filtros[] = [
  {},
  { fase: 'III' },
  { departamento: '11' },
  { fase: 'II', modalidad: 'presencial', grupo: 'equipos_entrantes' },
  { tipo: 'taller_presencial', desde: '2024-03-01', hasta: '2024-12-31', fechaCorte: '2024-10-31' },
  { aliado: 'esap', departamento: '05' },
  { grupo: 'ciudadania' },
  { departamento: '54' },
  { departamento: '05', grupo: 'candidatos' },
  { fase: 'III', tipo: 'webinar', municipio: '05001' },
];

it.each(
  FILTROS.flatMap((f) =>
    [undefined, ...DIMENSIONES].map(
      (por) => [JSON.stringify(f), por ?? '(total)', f, por] as const,
    ),
  ),
)('filters %s by %s: the summary agrees with the raw records', async (_nombre, _por, f, por) => {
  const resumen = await respuesta(f, por, 'resumen');
  expect(resumen.length).toBeGreaterThan(0);
  expect(resumen).toEqual(await respuesta(f, por, 'asistencias'));
});

it('has attendance figures to compare, not only activities', async () => {
  const totales = await metricas.totales({});
  expect(totales.asistencias.valor).toBe(
    Number((await ds.query('SELECT count(*) AS n FROM asistencia'))[0].n) + 10701,
  );
});

it.each([
  ['municipio', '05001', { municipio: '05001' }],
  ['departamento', '05', { departamento: '05' }],
])(
  'reads the summary without activities by %s while it is current',
  async (nivel, territorio, f) => {
    const antes = await metricas.totales(f);
    const cambiar = (signo: '+' | '-') =>
      ds.query(
        `UPDATE resumen_fase_tipo SET asistencias = asistencias ${signo} 1000
        WHERE nivel = $1 AND territorio_codigo = $2 AND grupo_por_actividad IS NULL AND modalidad = 'virtual'`,
        [nivel, territorio],
      );
    const [, filas] = await cambiar('+');
    try {
      expect(filas).toBeGreaterThan(0);
      expect((await metricas.totales(f)).asistencias.valor).toBe(
        antes.asistencias.valor + 1000 * filas,
      );
    } finally {
      await cambiar('-');
    }
  },
);

it('gives the same answers from the detailed summary once a change leaves it behind', async () => {
  const resumenFaseTipo = new ResumenFaseTipoService(ds);
  await ds.query(`UPDATE actividad SET tipo_codigo = 'conversatorio'
                   WHERE codigo = (SELECT min(codigo) FROM actividad WHERE codigo LIKE 'SIN-%' AND tipo_codigo = 'webinar')`);
  for (const [f, por] of [
    [{}, 'municipio'],
    [{ grupo: 'ciudadania' }, 'departamento'],
    [{ tipo: 'conversatorio' }, 'grupo'],
  ] as const) {
    expect(await respuesta(f, por, 'resumen')).toEqual(await respuesta(f, por, 'asistencias'));
  }
  expect(await resumenFaseTipo.recalcular()).toBe(true);
  expect(await respuesta({ tipo: 'conversatorio' }, 'municipio', 'resumen')).toEqual(
    await respuesta({ tipo: 'conversatorio' }, 'municipio', 'asistencias'),
  );
});

it('keeps recomputing until it is current when the data moves on during a recomputation', async () => {
  const alDia = async () =>
    (
      await ds.query<{ al_dia: boolean }[]>(
        `SELECT (SELECT version FROM resumen_fase_tipo_version) = (SELECT count(*) FROM cambio_de_datos) AS al_dia`,
      )
    )[0].al_dia;
  // Holding the version row stops the recomputation just before it stamps its snapshot's version.
  const bloqueo = ds.createQueryRunner();
  await bloqueo.connect();
  await bloqueo.startTransaction();
  await bloqueo.query('SELECT version FROM resumen_fase_tipo_version FOR UPDATE');
  await ds.query(`UPDATE fase SET nombre = nombre`);
  const recalculo = new ResumenFaseTipoService(ds).recalcular();
  for (let i = 0; i < 600; i++) {
    const [{ espera }] = await ds.query<{ espera: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                        AND query LIKE 'UPDATE resumen_fase_tipo_version%' AND wait_event_type = 'Lock') AS espera`,
    );
    if (espera) break;
    await new Promise((listo) => setTimeout(listo, 100));
  }
  await ds.query(`UPDATE fase SET nombre = nombre`);
  await bloqueo.commitTransaction();
  await bloqueo.release();
  expect(await recalculo).toBe(true);
  expect(await alDia()).toBe(true);
});
