/**
 * npm run bench:barrido (after npm run bench:data)
 * Every filter set of test/support/filtros-combinados.ts × every breakdown
 * (and the KPI cards without one), computed by the metrics service on the
 * tablero_bench database: how many combinations take under 50 ms (p50 of 5),
 * and the slowest ten beside the naive SQL for the same answer, measured in
 * the same run. Finds the combinations the fixed cases of bench:metrics miss.
 */
import 'reflect-metadata';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import { Dimension, DIMENSIONES, Filtros, MetricasService } from '@tablero/metrics';
import { FILTROS_COMBINADOS } from '../test/support/filtros-combinados';
import { urlDeBench } from './data.bench';
import { medir, percentil } from './medicion';
import { formatoEsCo as n } from './servidor';

const REPETICIONES = 5;
const LENTAS = 10;

interface Combinacion {
  readonly filtros: Filtros;
  readonly por?: Dimension;
}

function responder(metricas: MetricasService, c: Combinacion, ingenua = false): Promise<unknown> {
  return c.por ? metricas.desglose(c.por, c.filtros, ingenua) : metricas.kpis(c.filtros, ingenua);
}

function nombre(c: Combinacion): string {
  const filtros = Object.entries(c.filtros).map(([k, v]) => `${k}=${String(v)}`);
  return `${c.por ? `desglose ${c.por}` : 'kpis'} ${filtros.join('&') || '(sin filtros)'}`;
}

async function main(): Promise<void> {
  const servidor = await connectDatabase(loadConfig(), 'shared');
  const ds = createDataSource(urlDeBench(servidor.url));
  await ds.initialize();
  await ds.runMigrations();
  const metricas = new MetricasService(ds);
  try {
    const combinaciones: Combinacion[] = FILTROS_COMBINADOS.flatMap((filtros) =>
      [undefined, ...DIMENSIONES].map((por) => ({ filtros, por })),
    );
    const medidas: { c: Combinacion; p50: number }[] = [];
    for (const c of combinaciones) {
      await responder(metricas, c);
      medidas.push({
        c,
        p50: percentil(await medir(REPETICIONES, () => responder(metricas, c)), 50),
      });
    }
    medidas.sort((a, b) => b.p50 - a.p50);
    const rapidas = medidas.filter((m) => m.p50 < 50).length;
    const mediana = percentil(
      medidas.map((m) => m.p50),
      50,
    );
    console.log(
      `${n.format(combinaciones.length)} combinaciones de filtros y desglose; ${n.format(rapidas)} con p50 bajo 50 ms ` +
        `(mediana ${n.format(Math.round(mediana))} ms). Las ${LENTAS} más lentas:`,
    );
    console.log(
      'combinación'.padEnd(100) +
        'p50'.padStart(10) +
        'SQL ingenuo'.padStart(13) +
        'veces más rápido'.padStart(18),
    );
    for (const { c, p50 } of medidas.slice(0, LENTAS)) {
      const [ingenuo] = await medir(1, () => responder(metricas, c, true));
      console.log(
        nombre(c).padEnd(100) +
          `${n.format(Math.round(p50))} ms`.padStart(10) +
          `${n.format(Math.round(ingenuo))} ms`.padStart(13) +
          `${n.format(ingenuo / p50)} ×`.padStart(18),
      );
    }
  } finally {
    await ds.destroy();
    await servidor.stop();
  }
}

void main();
