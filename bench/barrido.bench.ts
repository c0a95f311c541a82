/**
 * npm run bench:barrido (after npm run bench:data)
 * Every filter set of test/support/filtros-combinados.ts × every breakdown
 * (and the KPI cards without one), asked over HTTP of the real application on
 * the tablero_bench database, computed afresh (Cache-Control: no-cache; a set
 * limited to departments with a reader's token limited to them): how many
 * combinations have a p95 and a p50 under 50 ms, and the slowest ten by p95
 * beside the naive SQL for the same answer, measured in the same run. Finds
 * the combinations the fixed cases of bench:metrics miss.
 */
import 'reflect-metadata';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import {
  Dimension,
  DIMENSIONES,
  Filtros,
  MetricasService,
  parametrosDeFiltros,
} from '@tablero/metrics';
import { SCHEMA } from '../migrations/schema';
import { FILTROS_COMBINADOS } from '../test/support/filtros-combinados';
import { urlDeBench } from './data.bench';
import { medir, percentil } from './medicion';
import { formatoEsCo as n, servidorDeBench } from './servidor';

const REPETICIONES = 40;
const LENTAS = 10;

interface Combinacion {
  readonly filtros: Filtros;
  readonly por?: Dimension;
}

function ruta(c: Combinacion): string {
  const consulta = parametrosDeFiltros(c.filtros);
  if (c.por) consulta.set('por', c.por);
  return `/api/v1/${c.por ? 'desglose' : 'kpis'}?${consulta}`;
}

function nombre(c: Combinacion): string {
  const filtros = Object.entries(c.filtros).map(([k, v]) => `${k}=${String(v)}`);
  return `${c.por ? `desglose ${c.por}` : 'kpis'} ${filtros.join('&') || '(sin filtros)'}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const url = urlDeBench(servidor.url);
  const ds = createDataSource(url, SCHEMA);
  await ds.initialize();
  await ds.runMigrations();
  const app = await servidorDeBench(config, url);
  const ingenua = new MetricasService(ds, { ingenua: true });
  try {
    const medidas: { c: Combinacion; p50: number; p95: number }[] = [];
    for (const filtros of FILTROS_COMBINADOS) {
      const headers = {
        ...(filtros.departamentos ? await app.headersDe(filtros.departamentos) : app.headers),
        'cache-control': 'no-cache',
      };
      for (const por of [undefined, ...DIMENSIONES]) {
        const c = { filtros, por };
        const direccion = app.base + ruta(c);
        const solicitar = async () => {
          const respuesta = await fetch(direccion, { headers });
          if (respuesta.status !== 200) throw new Error(`${direccion}: ${respuesta.status}`);
          await respuesta.arrayBuffer();
        };
        await solicitar();
        const ms = await medir(REPETICIONES, solicitar);
        medidas.push({ c, p50: percentil(ms, 50), p95: percentil(ms, 95) });
      }
    }
    medidas.sort((a, b) => b.p95 - a.p95);
    const bajo50 = (p: 'p50' | 'p95') => n.format(medidas.filter((m) => m[p] < 50).length);
    const mediana = percentil(
      medidas.map((m) => m.p50),
      50,
    );
    console.log(
      `${n.format(medidas.length)} combinaciones de filtros y desglose, ${REPETICIONES} solicitudes HTTP cada una: ` +
        `${bajo50('p95')} con p95 bajo 50 ms, ${bajo50('p50')} con p50 bajo 50 ms ` +
        `(mediana de los p50 ${n.format(Math.round(mediana))} ms). Las ${LENTAS} más lentas por p95:`,
    );
    console.log(
      'combinación'.padEnd(100) +
        'p50'.padStart(8) +
        'p95'.padStart(8) +
        'SQL ingenuo'.padStart(13) +
        'veces más rápido'.padStart(18),
    );
    for (const { c, p50, p95 } of medidas.slice(0, LENTAS)) {
      const [ingenuo] = await medir(1, () =>
        c.por ? ingenua.desglose(c.por, c.filtros) : ingenua.kpis(c.filtros),
      );
      console.log(
        nombre(c).padEnd(100) +
          `${n.format(Math.round(p50))} ms`.padStart(8) +
          `${n.format(Math.round(p95))} ms`.padStart(8) +
          `${n.format(Math.round(ingenuo))} ms`.padStart(13) +
          `${n.format(ingenuo / p50)} ×`.padStart(18),
      );
    }
  } finally {
    await app.cerrar();
    await ds.destroy();
    await servidor.stop();
  }
}

void main();
