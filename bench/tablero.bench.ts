/**
 * npm run bench:dashboard (after npm run bench:data)
 * Time from navigation to every chart of a view drawn, measured in Debian's
 * chromium by the page's own `vista-dibujada` mark: Resumen on tablero_bench beside the
 * same page on the reference data alone, in the same run, and once more with
 * every API answer computed afresh (Cache-Control: no-cache, none of the
 * answers kept under the data version); Territorio, with its department and municipal maps,
 * beside Resumen; the national municipal map as an image beside the departmental one; and the
 * gzipped size of the JavaScript shipped beside the complete ECharts build.
 */
import 'reflect-metadata';
import { CARPETA_TABLERO, loadConfig, rutaDelProyecto } from '@tablero/config';
import { connectDatabase } from '@tablero/database';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser } from 'playwright-core';
import { abrirNavegador } from '../test/support/navegador';
import { urlDeBench } from './data.bench';
import { percentil } from './medicion';
import { baseDeBench, formatoEsCo as n, ServidorDeBench, servidorDeBench } from './servidor';

const CARGAS = 15;
const OBJETIVO_MS = 1500;
const OBJETIVO_KB = 400;
const OBJETIVO_MAPA_MS = 300;

/** Milliseconds from navigation start to the mark, one fresh browser context (empty cache) each time. */
async function tiemposDeVista(
  navegador: Browser,
  { base, headers }: ServidorDeBench,
  calculadas = false,
  vista = 'resumen',
): Promise<number[]> {
  const tiempos: number[] = [];
  for (let i = 0; i < CARGAS + 2; i++) {
    const contexto = await navegador.newContext({
      viewport: { width: 1366, height: 768 },
      extraHTTPHeaders: calculadas ? { ...headers, 'cache-control': 'no-cache' } : headers,
    });
    const page = await contexto.newPage();
    await page.goto(`${base}/${vista}`);
    await page.waitForSelector('main[aria-busy="false"]', { timeout: 60_000 });
    const marca = await page.evaluate<number | null>(
      "performance.getEntriesByName('vista-dibujada')[0]?.startTime ?? null",
    );
    if (marca === null)
      throw new Error(`La vista ${vista} no terminó de dibujarse (vea la consola del navegador).`);
    tiempos.push(marca);
    await contexto.close();
  }
  return tiempos.slice(2);
}

/** Milliseconds for each image, computed afresh. */
async function tiemposDeImagen({ base, headers }: ServidorDeBench, id: string): Promise<number[]> {
  const tiempos: number[] = [];
  for (let i = 0; i < CARGAS + 2; i++) {
    const inicio = performance.now();
    const respuesta = await fetch(`${base}/api/v1/graficos/${id}.png`, {
      headers: { ...headers, 'cache-control': 'no-cache' },
    });
    await respuesta.arrayBuffer();
    if (!respuesta.ok) throw new Error(`${id}.png respondió ${respuesta.status}`);
    tiempos.push(performance.now() - inicio);
  }
  return tiempos.slice(2);
}

function imprimir(titulo: string, filas: [string, number[]][]): void {
  console.log(titulo);
  for (const [nombre, tiempos] of filas) {
    console.log(
      `  ${nombre.padEnd(44)} p50 ${n.format(Math.round(percentil(tiempos, 50)))} ms` +
        `   p95 ${n.format(Math.round(percentil(tiempos, 95)))} ms`,
    );
  }
}

function kbGzip(ruta: string): number {
  return gzipSync(readFileSync(ruta), { level: 9 }).length / 1024;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const referencia = await baseDeBench('tablero');
  const grande = await servidorDeBench(config, urlDeBench(servidor.url));
  const pequeno = await servidorDeBench(config, referencia.url);
  const navegador = await abrirNavegador();
  try {
    const filas: [string, number[]][] = [
      ['datos de referencia (78 actividades)', await tiemposDeVista(navegador, pequeno)],
      ['tablero_bench', await tiemposDeVista(navegador, grande)],
      ['tablero_bench, calculando cada respuesta', await tiemposDeVista(navegador, grande, true)],
    ];
    imprimir(
      `Resumen: navegación → todos los gráficos dibujados, ${CARGAS} cargas sin caché`,
      filas,
    );
    const p95 = percentil(filas[1][1], 95);
    console.log(
      `  tablero_bench / referencia (p50): ${n.format(percentil(filas[1][1], 50) / percentil(filas[0][1], 50))} ×; ` +
        `objetivo p95 < ${n.format(OBJETIVO_MS)} ms: ${p95 < OBJETIVO_MS ? 'cumplido' : 'NO cumplido'}`,
    );

    const territorio: [string, number[]][] = [
      ['Resumen, tablero_bench (base)', filas[1][1]],
      [
        'Territorio con los dos mapas, tablero_bench',
        await tiemposDeVista(navegador, grande, false, 'territorio'),
      ],
    ];
    imprimir(`Territorio: navegación → mapas dibujados, ${CARGAS} cargas sin caché`, territorio);
    const p95Territorio = percentil(territorio[1][1], 95);
    console.log(
      `  Territorio / Resumen (p95): ${n.format(p95Territorio / p95)} ×; ` +
        `objetivo p95 < ${n.format(OBJETIVO_MS)} ms: ${p95Territorio < OBJETIVO_MS ? 'cumplido' : 'NO cumplido'}`,
    );

    const imagenes: [string, number[]][] = [
      ['mapa-por-departamento.png (base)', await tiemposDeImagen(grande, 'mapa-por-departamento')],
      ['mapa-por-municipio.png (nacional)', await tiemposDeImagen(grande, 'mapa-por-municipio')],
    ];
    imprimir(`Mapas como imagen (1200 × 675), calculados de nuevo, ${CARGAS} pedidos`, imagenes);
    const p95Mapa = percentil(imagenes[1][1], 95);
    console.log(
      `  municipal / departamental (p95): ${n.format(p95Mapa / percentil(imagenes[0][1], 95))} ×; ` +
        `objetivo < ${n.format(OBJETIVO_MAPA_MS)} ms: ${p95Mapa < OBJETIVO_MAPA_MS ? 'cumplido' : 'NO cumplido'}`,
    );

    const activos = rutaDelProyecto(...CARPETA_TABLERO, 'assets');
    const guion = readdirSync(activos).find((a) => /^main-\w+\.js$/.test(a))!;
    const propio = kbGzip(join(activos, guion));
    const completo = kbGzip(require.resolve('echarts/dist/echarts.min.js'));
    console.log('JavaScript enviado (gzip -9)');
    console.log(`  ${guion} (ECharts por tipo + la aplicación): ${n.format(propio)} KB`);
    console.log(
      `  echarts.min.js completo, sin la aplicación:              ${n.format(completo)} KB`,
    );
    console.log(
      `  La aplicación / ECharts completo: ${n.format(propio / completo)} ×; ` +
        `objetivo < ${OBJETIVO_KB} KB: ${propio < OBJETIVO_KB ? 'cumplido' : 'NO cumplido'}`,
    );
  } finally {
    await navegador.close();
    await pequeno.cerrar();
    await grande.cerrar();
    await referencia.cerrar();
    await servidor.stop();
  }
}

void main();
