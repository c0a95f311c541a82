/**
 * npm run bench:metrics (after npm run bench:data)
 * p50 and p95 over HTTP of the dashboard's endpoints on the tablero_bench
 * database, computed afresh (Cache-Control: no-cache), beside the naive SQL
 * (a GROUP BY over the raw attendance records) for the same answer (see
 * respuestaIngenua), measured in the same run, and the p50 of the same request repeated (the answer kept
 * under the data version); then an import of 10.000 attendances and whether
 * the next request, without no-cache, shows them. `-- <texto>` measures only
 * the cases whose name contains it (the import is measured always).
 */
import 'reflect-metadata';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import { Dimension, Filtros, MetricasService } from '@tablero/metrics';
import { join } from 'node:path';
import { SCHEMA } from '../migrations/schema';
import { escribirAsistencias } from '../test/support/asistencias-sinteticas';
import { BASE_BENCH, urlDeBench } from './data.bench';
import { carpetaDeBench, cronometrar, medir, percentil } from './medicion';
import { formatoEsCo as n, servidorDeBench } from './servidor';

const REPETICIONES = 40;

interface Caso {
  readonly nombre: string;
  readonly ruta: string;
  readonly filtros: Filtros;
  readonly por?: Dimension;
}

const CASOS: Caso[] = [
  { nombre: 'kpis', ruta: '/api/v1/kpis', filtros: {} },
  { nombre: 'kpis fase III', ruta: '/api/v1/kpis?fase=III', filtros: { fase: 'III' } },
  {
    nombre: 'kpis Bogotá + grupo + modalidad',
    ruta: '/api/v1/kpis?departamento=11&grupo=equipos_entrantes&modalidad=presencial',
    filtros: { departamento: '11', grupo: 'equipos_entrantes', modalidad: 'presencial' },
  },
  {
    nombre: 'kpis municipio + fechas',
    ruta: '/api/v1/kpis?municipio=05001&desde=2024-03-01&hasta=2024-12-31',
    filtros: { municipio: '05001', desde: '2024-03-01', hasta: '2024-12-31' },
  },
  ...(
    [
      'fase',
      'tipo',
      'departamento',
      'municipio',
      'grupo',
      'aliado',
      'modalidad',
      'actividad',
    ] as Dimension[]
  ).map((por) => ({
    nombre: `desglose por ${por}`,
    ruta: `/api/v1/desglose?por=${por}`,
    filtros: {},
    por,
  })),
  {
    nombre: 'desglose municipio, Antioquia, fase III',
    ruta: '/api/v1/desglose?por=municipio&departamento=05&fase=III',
    filtros: { departamento: '05', fase: 'III' },
    por: 'municipio',
  },
  {
    nombre: 'desglose grupo, fase III',
    ruta: '/api/v1/desglose?por=grupo&fase=III',
    filtros: { fase: 'III' },
    por: 'grupo',
  },
  {
    nombre: 'desglose departamento, grupo',
    ruta: '/api/v1/desglose?por=departamento&grupo=ciudadania',
    filtros: { grupo: 'ciudadania' },
    por: 'departamento',
  },
  {
    nombre: 'kpis subregión',
    ruta: '/api/v1/kpis?subregion=oriente_antioqueno',
    filtros: { subregion: 'oriente_antioqueno' },
  },
  {
    nombre: 'desglose subregión',
    ruta: '/api/v1/desglose?por=subregion',
    filtros: {},
    por: 'subregion',
  },
  {
    nombre: 'desglose actividad, subregión',
    ruta: '/api/v1/desglose?por=actividad&subregion=bajo_cauca',
    filtros: { subregion: 'bajo_cauca' },
    por: 'actividad',
  },
  {
    nombre: 'desglose aliado, subregión',
    ruta: '/api/v1/desglose?por=aliado&subregion=oriente_antioqueno',
    filtros: { subregion: 'oriente_antioqueno' },
    por: 'aliado',
  },
  {
    nombre: 'desglose departamento, fechas',
    ruta: '/api/v1/desglose?por=departamento&desde=2024-01-01&hasta=2024-06-30',
    filtros: { desde: '2024-01-01', hasta: '2024-06-30' },
    por: 'departamento',
  },
  {
    nombre: 'desglose municipio, fechas',
    ruta: '/api/v1/desglose?por=municipio&desde=2024-01-01&hasta=2024-06-30',
    filtros: { desde: '2024-01-01', hasta: '2024-06-30' },
    por: 'municipio',
  },
  {
    nombre: 'kpis departamento + grupo + corte',
    ruta: '/api/v1/kpis?departamento=05&grupo=candidatos&fecha_corte=2024-06-30',
    filtros: { departamento: '05', grupo: 'candidatos', fechaCorte: '2024-06-30' },
  },
  {
    nombre: 'desglose municipio, dep. + grupo + fechas',
    ruta: '/api/v1/desglose?por=municipio&departamento=05&grupo=ciudadania&desde=2024-03-01&hasta=2024-12-31',
    filtros: { departamento: '05', grupo: 'ciudadania', desde: '2024-03-01', hasta: '2024-12-31' },
    por: 'municipio',
  },
  {
    nombre: 'kpis municipio + grupo + fechas',
    ruta: '/api/v1/kpis?municipio=05001&grupo=ciudadania&desde=2024-03-01&hasta=2024-12-31',
    filtros: { municipio: '05001', grupo: 'ciudadania', desde: '2024-03-01', hasta: '2024-12-31' },
  },
  { nombre: 'cobertura', ruta: '/api/v1/cobertura', filtros: {} },
  { nombre: 'personas únicas', ruta: '/api/v1/personas-unicas', filtros: {} },
  {
    nombre: 'personas únicas, fase III',
    ruta: '/api/v1/personas-unicas?fase=III',
    filtros: { fase: 'III' },
  },
  {
    nombre: 'personas únicas, departamento + grupo',
    ruta: '/api/v1/personas-unicas?departamento=05&grupo=ciudadania',
    filtros: { departamento: '05', grupo: 'ciudadania' },
  },
  { nombre: 'series por mes', ruta: '/api/v1/series?metrica=asistencias&periodo=mes', filtros: {} },
  { nombre: 'actividades', ruta: '/api/v1/actividades?tamano=50', filtros: {} },
];

async function main(): Promise<void> {
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const url = urlDeBench(servidor.url);
  const app = await servidorDeBench(config, url);
  const { base, headers } = app;
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  const ingenua = new MetricasService(ds, { ingenua: true });
  const [{ n: registros }] = await ds.query('SELECT count(*)::int AS n FROM asistencia');
  try {
    console.log(
      `Base ${BASE_BENCH} con ${n.format(registros)} asistencias; ${REPETICIONES} solicitudes por caso.`,
    );
    console.log(
      'caso'.padEnd(42) +
        'p50 HTTP'.padStart(10) +
        'p95 HTTP'.padStart(10) +
        'SQL ingenuo'.padStart(13) +
        'veces más rápido'.padStart(18) +
        'p50 repetida'.padStart(14),
    );
    const elegidos = CASOS.filter((caso) => caso.nombre.includes(process.argv[2] ?? ''));
    const solicitar = async (caso: Caso, afresco = true) => {
      const respuesta = await fetch(base + caso.ruta, {
        headers: afresco ? { ...headers, 'cache-control': 'no-cache' } : headers,
      });
      if (respuesta.status !== 200) throw new Error(`${caso.ruta}: ${respuesta.status}`);
      await respuesta.arrayBuffer();
    };
    // The server as it runs after its first minutes, not the first case measured just after its start.
    for (const caso of elegidos) await solicitar(caso);
    for (const caso of elegidos) {
      const [primera] = await medir(1, () => solicitar(caso));
      // A case that takes seconds is measured fewer times, to keep the run bounded.
      const http = [
        primera,
        ...(await medir((primera > 1000 ? 5 : REPETICIONES) + 2, () => solicitar(caso))),
      ];
      const repetida = await medir(REPETICIONES, () => solicitar(caso, false));
      const ingenuo = await medir(4, () => respuestaIngenua(ingenua, caso));
      const p50 = percentil(http.slice(3), 50);
      const p95 = percentil(http.slice(3), 95);
      const sql = percentil(ingenuo.slice(1), 50);
      console.log(
        caso.nombre.padEnd(42) +
          `${n.format(Math.round(p50))} ms`.padStart(10) +
          `${n.format(Math.round(p95))} ms`.padStart(10) +
          `${n.format(Math.round(sql))} ms`.padStart(13) +
          `${n.format(sql / p50)} ×`.padStart(18) +
          `${n.format(percentil(repetida, 50))} ms`.padStart(14),
      );
    }
    const antes = await asistenciasEnKpis(base, headers);
    const archivo = join(carpetaDeBench('metricas'), 'asistencias-10000.csv');
    // Into the synthetic activities, which already have records: no declared figure is replaced.
    await escribirAsistencias(archivo, 10_000, {
      actividad: (i) => `SIN-${String((i % 2000) + 1).padStart(6, '0')}`,
      fecha: null,
      // New persons on every run: the records already loaded are as many as the documents used before.
      primerDocumento: 90_000_000 + registros,
    });
    const form = new FormData();
    form.append(
      'archivo',
      new Blob([await import('node:fs').then((fs) => fs.readFileSync(archivo))]),
      'asistencias-10000.csv',
    );
    const [importacion, msImportacion] = await cronometrar(() =>
      fetch(`${base}/api/v1/importaciones/asistencias`, { method: 'POST', body: form, headers }),
    );
    const informe = (await importacion.json()) as { filas: { aceptadas: number } };
    const despues = await asistenciasEnKpis(base, headers);
    const veredicto =
      informe.filas.aceptadas === 0
        ? 'no dice nada: ninguna era nueva'
        : despues - antes === informe.filas.aceptadas
          ? 'ya las muestra'
          : `NO las muestra (diferencia ${despues - antes})`;
    console.log(
      `Importación de 10.000 asistencias en ${n.format(Math.round(msImportacion))} ms: ${n.format(informe.filas.aceptadas)} aceptadas; la siguiente solicitud de /kpis ${veredicto}.`,
    );
  } finally {
    await ds.destroy();
    await app.cerrar();
    await servidor.stop();
  }
}

/**
 * The route's answer from the raw records: for /kpis its cut-off date and both
 * periods, for /desglose its rows and total, for /personas-unicas the
 * distinct keys of the records in scope; for the other routes, the totals
 * under their filters.
 */
function respuestaIngenua(metricas: MetricasService, caso: Caso): Promise<unknown> {
  if (caso.ruta.startsWith('/api/v1/kpis')) return metricas.kpis(caso.filtros);
  if (caso.ruta.startsWith('/api/v1/desglose')) return metricas.desglose(caso.por!, caso.filtros);
  if (caso.ruta.startsWith('/api/v1/personas-unicas')) return metricas.personasUnicas(caso.filtros);
  return metricas.sumas(caso.filtros);
}

async function asistenciasEnKpis(base: string, headers: Record<string, string>): Promise<number> {
  const { kpis } = (await (await fetch(`${base}/api/v1/kpis`, { headers })).json()) as {
    kpis: { metrica: string; cifra: { valor: number } }[];
  };
  return kpis.find((k) => k.metrica === 'asistencias')!.cifra.valor;
}

void main();
