/**
 * npm run bench:dashboard [-- --solo red] (after npm run bench:data)
 * Time from navigation to every chart of a view drawn, measured in Debian's
 * chromium by the page's own `vista-dibujada` mark: Resumen on tablero_bench beside the
 * same page on the reference data alone, in the same run, and once more with
 * every API answer computed afresh (Cache-Control: no-cache, none of the
 * answers kept under the data version); Territorio, with its department and municipal maps,
 * beside Resumen; the national municipal map as an image beside the departmental one; and the
 * gzipped size of the JavaScript shipped beside the complete ECharts build (which the page no
 * longer needs: the server draws the charts). On a slow link
 * (chromium's network and CPU emulation), Resumen and Territorio with an empty cache and a
 * warm one, and the bytes a first visit to Resumen brings, beside the same pages served
 * without compression (`--solo red` runs this part alone).
 */
import 'reflect-metadata';
import { CARPETA_TABLERO, loadConfig, rutaDelProyecto } from '@tablero/config';
import { connectDatabase } from '@tablero/database';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Browser, Page } from 'playwright-core';
import { abrirNavegador } from '../test/support/navegador';
import { urlDeBench } from './data.bench';
import { percentil } from './medicion';
import { baseDeBench, formatoEsCo as n, ServidorDeBench, servidorDeBench } from './servidor';

const CARGAS = 15;
const OBJETIVO_MS = 1500;
const OBJETIVO_KB = 400;
const OBJETIVO_MAPA_MS = 300;

/** A slow 4G link: 1,6 Mbps down, 750 kbps up, 150 ms latency (bytes per second for CDP). */
const RED_LENTA = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
/** The phone's CPU beside this machine's. */
const CPU_LENTA = 4;
const CARGAS_LENTAS = 10;
const OBJETIVO_FRIA_MS = 3000;
const OBJETIVO_TIBIA_MS = 1000;
const OBJETIVO_PRIMERA_KB = 350;

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
    tiempos.push(await abrirVista(await contexto.newPage(), base, vista));
    await contexto.close();
  }
  return tiempos.slice(2);
}

/** Opens the view and answers the page's own mark: milliseconds from navigation to every chart drawn. */
async function abrirVista(page: Page, base: string, vista: string): Promise<number> {
  await page.goto(`${base}/${vista}`);
  await page.waitForSelector('main[aria-busy="false"]', { timeout: 120_000 });
  const marca = await page.evaluate<number | null>(
    "performance.getEntriesByName('vista-dibujada')[0]?.startTime ?? null",
  );
  if (marca === null)
    throw new Error(`La vista ${vista} no terminó de dibujarse (vea la consola del navegador).`);
  return marca;
}

interface CargasLentas {
  /**
   * The first load after the server started, not counted in the others: the server computes the
   * view's figures and draws its charts at that width, which it then keeps under the data version.
   */
  readonly primera: number;
  /** A new context each: empty cache. */
  readonly frias: number[];
  /** The same view opened again in that context. */
  readonly tibias: number[];
  /** Bytes received (encodedDataLength) by each first visit. */
  readonly bytes: number[];
}

/**
 * The view on the slow link and CPU, opened twice in each of CARGAS_LENTAS new contexts, after a
 * first load that the server answers computing (and keeping) its figures and drawings.
 */
async function cargasLentas(
  navegador: Browser,
  { base, headers }: ServidorDeBench,
  vista: string,
  cpu = CPU_LENTA,
): Promise<CargasLentas> {
  const cargas = {
    primera: 0,
    frias: [] as number[],
    tibias: [] as number[],
    bytes: [] as number[],
  };
  for (let i = -1; i < CARGAS_LENTAS; i++) {
    const contexto = await navegador.newContext({
      viewport: { width: 390, height: 844 },
      extraHTTPHeaders: headers,
    });
    const page = await contexto.newPage();
    const cdp = await contexto.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', RED_LENTA);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const fria = await abrirVista(page, base, vista);
    if (i < 0) cargas.primera = fria;
    else {
      cargas.frias.push(fria);
      cargas.bytes.push(bytes);
      cargas.tibias.push(await abrirVista(page, base, vista));
    }
    await contexto.close();
  }
  return cargas;
}

async function redLenta(navegador: Browser, con: ServidorDeBench, sin: ServidorDeBench) {
  const p95 = (ms: number[]) => percentil(ms, 95);
  const ms = (t: number) => `${n.format(Math.round(t))} ms`;
  console.log(
    `Red lenta (4G lento: 1,6 Mbps de bajada, 750 kbps de subida, 150 ms de latencia; CPU × ${CPU_LENTA}), ` +
      `pantalla de 390 × 844, ${CARGAS_LENTAS} cargas; p95 con compresión / sin compresión`,
  );
  for (const vista of ['resumen', 'territorio']) {
    const [comprimida, plana] = [
      await cargasLentas(navegador, con, vista),
      await cargasLentas(navegador, sin, vista),
    ];
    const fila = (nombre: string, con: number[], sin: number[], objetivo: number) =>
      console.log(
        `  ${`${vista}, ${nombre}`.padEnd(28)} ${ms(p95(con)).padStart(9)} / ${ms(p95(sin)).padStart(9)}` +
          `   ${n.format(p95(con) / p95(sin))} ×   objetivo < ${ms(objetivo)}: ` +
          `${p95(con) < objetivo ? 'cumplido' : 'NO cumplido'}`,
      );
    console.log(
      `  ${`${vista}, al arrancar`.padEnd(28)} ${ms(comprimida.primera).padStart(9)} / ` +
        `${ms(plana.primera).padStart(9)}   (una carga con la caché vacía, sin contar: el servidor calcula y guarda)`,
    );
    fila('caché vacía', comprimida.frias, plana.frias, OBJETIVO_FRIA_MS);
    fila('caché tibia', comprimida.tibias, plana.tibias, OBJETIVO_TIBIA_MS);
    // What the link alone costs: the same loads with this machine's CPU unthrottled.
    const soloRed = await cargasLentas(navegador, con, vista, 1);
    console.log(
      `  ${`${vista}, CPU sin frenar`.padEnd(28)} ${ms(p95(soloRed.frias)).padStart(9)} vacía, ` +
        `${ms(p95(soloRed.tibias))} tibia (con compresión)`,
    );
    const kb = (b: number[]) => Math.max(...b) / 1024;
    console.log(
      `  ${`${vista}, primera visita`.padEnd(28)} ${`${n.format(kb(comprimida.bytes))} KB`.padStart(9)} / ` +
        `${`${n.format(kb(plana.bytes))} KB`.padStart(9)}   ${n.format(kb(comprimida.bytes) / kb(plana.bytes))} ×` +
        (vista === 'resumen'
          ? `   objetivo < ${OBJETIVO_PRIMERA_KB} KB: ${kb(comprimida.bytes) < OBJETIVO_PRIMERA_KB ? 'cumplido' : 'NO cumplido'}`
          : ''),
    );
  }
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
  const { values } = parseArgs({ options: { solo: { type: 'string' } } });
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const referencia = await baseDeBench('tablero');
  const grande = await servidorDeBench(config, urlDeBench(servidor.url));
  const sinComprimir = await servidorDeBench(config, urlDeBench(servidor.url), {
    comprimir: false,
  });
  const pequeno = await servidorDeBench(config, referencia.url);
  const navegador = await abrirNavegador();
  try {
    if (values.solo === 'red') return await redLenta(navegador, grande, sinComprimir);
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
    console.log(
      `  ${guion} (la aplicación; el servidor dibuja los gráficos): ${n.format(propio)} KB`,
    );
    console.log(
      `  echarts.min.js completo, sin la aplicación:              ${n.format(completo)} KB`,
    );
    console.log(
      `  La aplicación / ECharts completo: ${n.format(propio / completo)} ×; ` +
        `objetivo < ${OBJETIVO_KB} KB: ${propio < OBJETIVO_KB ? 'cumplido' : 'NO cumplido'}`,
    );
    await redLenta(navegador, grande, sinComprimir);
  } finally {
    await navegador.close();
    await pequeno.cerrar();
    await sinComprimir.cerrar();
    await grande.cerrar();
    await referencia.cerrar();
    await servidor.stop();
  }
}

void main();
