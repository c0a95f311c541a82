/**
 * npm run bench:export [-- --solo imagenes] (after npm run bench:data, which fills tablero_bench)
 * Rows/s of the detail export from PostgreSQL to .xlsx beside exceljs'
 * streaming writer writing the same rows from memory, measured in the same
 * run, with the peak RSS of each at 100.000 and 1.000.000 rows. First, one chart to PNG at each
 * size preset (`--solo imagenes` measures only that, without the database).
 */
import 'reflect-metadata';
import { Resvg } from '@resvg/resvg-js';
import {
  escalaDelTexto,
  GRAFICO,
  opcionesDeResvg,
  PRESETS,
  renderizarPng,
  renderizarSvg,
} from '@tablero/charts';
import { loadConfig } from '@tablero/config';
import { connectDatabase } from '@tablero/database';
import { FUENTE } from '@tablero/domain';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { urlDeBench } from './data.bench';
import { formatoEsCo as n } from './servidor';
import { carpetaDeBench } from './medicion';

interface Medida {
  filas: number;
  segundos: number;
  rssPicoMb: number;
}

function exportar(url: string, modo: 'db' | 'memoria', filas: number, carpeta: string): Medida {
  const archivo = join(carpeta, `${modo}-${filas}.xlsx`);
  const salida = execFileSync(
    process.execPath,
    [join(__dirname, 'exportar-una-vez.js'), url, modo, String(filas), archivo],
    {
      encoding: 'utf8',
    },
  );
  rmSync(archivo, { force: true });
  return JSON.parse(salida.trim().split('\n').pop()!) as Medida;
}

/** The longest the event loop waited on a 1 ms ticker while `trabajo` ran. */
async function esperaMaximaDelBucle(trabajo: () => Promise<unknown>): Promise<number> {
  let maxima = 0;
  let anterior = performance.now();
  const ticker = setInterval(() => {
    const ahora = performance.now();
    maxima = Math.max(maxima, ahora - anterior);
    anterior = ahora;
  }, 1);
  try {
    await trabajo();
    // One more tick, so that a wait still under way when the work ends is counted.
    await new Promise((listo) => setTimeout(listo, 2));
  } finally {
    clearInterval(ticker);
  }
  return maxima;
}

/**
 * One chart to PNG at the API's presets, and what a print-size PNG costs the server's other
 * requests: the longest wait of the event loop while it is rasterised as the API does it
 * (libuv's thread pool) beside the same rasterisation on the event loop, in the same run.
 */
async function imagenes(): Promise<void> {
  const grafico = GRAFICO.get('asistencias-por-departamento')!;
  const filasGrafico = Array.from({ length: 15 }, (_, i) => ({
    etiqueta: `Departamento ${i + 1}`,
    valor: 1000 * (15 - i),
    texto: n.format(1000 * (15 - i)),
  }));
  const contexto = {
    filtrosEnPalabras: 'Toda la estrategia',
    fechaCorte: '31/12/2023',
    fuente: FUENTE,
    unidad: 'asistencias',
    vacio: 'sin datos para estos filtros',
  };
  console.log('Un gráfico a PNG (ECharts SVG + resvg), mediana de 12');
  for (const [preset, lienzo] of Object.entries(PRESETS)) {
    const { ancho, alto, escala } = lienzo;
    const svg = renderizarSvg(
      grafico.opcion(filasGrafico, { ...contexto, ancho, escala: escalaDelTexto(lienzo) }),
      ancho,
      alto,
    );
    const tiempos: number[] = [];
    const esperas: number[] = [];
    const esperasEnElBucle: number[] = [];
    for (let i = 0; i < 12; i++) {
      const inicio = performance.now();
      esperas.push(await esperaMaximaDelBucle(() => renderizarPng(svg, ancho, escala)));
      tiempos.push(performance.now() - inicio);
      esperasEnElBucle.push(
        await esperaMaximaDelBucle(async () =>
          new Resvg(svg, opcionesDeResvg(ancho, escala)).render().asPng(),
        ),
      );
    }
    const mediana = (ms: number[]) => [...ms].sort((a, b) => a - b)[6];
    console.log(
      `  ${preset.padEnd(16)} ${ancho * escala} × ${alto * escala}: ${n.format(Math.round(mediana(tiempos)))} ms; ` +
        `espera máxima del bucle de eventos ${n.format(Math.round(mediana(esperas)))} ms en el grupo de hilos, ` +
        `${n.format(Math.round(mediana(esperasEnElBucle)))} ms en el bucle ` +
        `(${n.format(mediana(esperasEnElBucle) / Math.max(1, mediana(esperas)))} ×)`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { solo: { type: 'string' } } });
  if (values.solo !== undefined && values.solo !== 'imagenes')
    throw new Error(`--solo ${values.solo}: la única parte que se mide sola es «imagenes»`);
  await imagenes();
  if (values.solo === 'imagenes') return;
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const url = urlDeBench(servidor.url);
  const carpeta = carpetaDeBench('exportacion');
  try {
    console.log('Exportación de detalle a .xlsx (tablero_bench)');
    for (const filas of [100_000, 1_000_000]) {
      const db = exportar(url, 'db', filas, carpeta);
      const memoria = exportar(url, 'memoria', filas, carpeta);
      if (db.filas !== filas) throw new Error(`Se exportaron ${db.filas} filas en vez de ${filas}`);
      console.log(
        `  ${n.format(filas)} filas: desde PostgreSQL ${n.format(Math.round(filas / db.segundos))} filas/s ` +
          `(${n.format(db.segundos)} s, RSS pico ${n.format(Math.round(db.rssPicoMb))} MB); escritor de exceljs solo ` +
          `${n.format(Math.round(filas / memoria.segundos))} filas/s (${n.format(memoria.segundos)} s, RSS pico ` +
          `${n.format(Math.round(memoria.rssPicoMb))} MB); relación ${n.format(memoria.segundos / db.segundos)} ×`,
      );
    }
  } finally {
    await servidor.stop();
  }
}

void main();
