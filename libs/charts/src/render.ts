/**
 * Charts to images on the server: ECharts' own server-side rendering to SVG
 * (maps made from the territorial topology the reference data ships),
 * then resvg to PNG with the DejaVu fonts shipped by the dejavu-fonts-ttf
 * package (resvg reads no system fonts: without them every label would vanish).
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { fuenteDeMapa, geometriaDe, mapasDe, NombreMapa } from './mapa';
import { topologiaDelPais } from './topologia-del-pais';
import { FUENTE_TIPOGRAFICA } from './paleta';
import { lecturaDe } from './opciones';

/** The TTF files every server-side output draws its text with (images, PDF reports). */
export const ARCHIVOS_DE_FUENTE = (() => {
  const carpeta = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    normal: join(carpeta, 'DejaVuSans.ttf'),
    negrita: join(carpeta, 'DejaVuSans-Bold.ttf'),
  };
})();

const FUENTES = [ARCHIVOS_DE_FUENTE.normal, ARCHIVOS_DE_FUENTE.negrita];

let topologia: Topology | undefined;
const registrados = new Set<string>();

/** The maps a chart draws, made from the territorial topology once each per process. */
function registrarMapas(nombres: readonly NombreMapa[]): void {
  for (const nombre of nombres) {
    if (registrados.has(nombre)) continue;
    topologia ??= JSON.parse(readFileSync(RUTA_TOPOLOGIA_MUNICIPAL, 'utf8')) as Topology;
    const fuente = fuenteDeMapa(nombre) === 'pais' ? topologiaDelPais(topologia) : topologia;
    echarts.registerMap(nombre, geometriaDe(fuente, nombre) as never);
    registrados.add(nombre);
  }
}

export function renderizarSvg(opcion: EChartsOption, ancho: number, alto: number): string {
  return dibujar(opcion, ancho, alto, (_, svg) => svg);
}

/**
 * ECharts' server-side marks of a drawn item: its series, its index, chart or legend, and whether
 * it is silent (a silent series' items stand for nothing: `lecturaDe` says so).
 */
const MARCAS_SSR =
  / ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="(\w+)"( ecmeta_silent="true")?/g;

/**
 * A chart as a dashboard panel draws it: each bar, point, slice or region carries what it stands
 * for (`data-clave`, by which a click filters the page; `data-lectura`, told under the cursor),
 * an item that stands for nothing lets the pointer through, and its hover styles and clip paths
 * are named after the drawing itself, apart from those of the other panels on the same page.
 */
export function renderizarSvgDePanel(opcion: EChartsOption, ancho: number, alto: number): string {
  return dibujar(opcion, ancho, alto, (grafico, svg) => {
    const fusionada = grafico.getOption() as EChartsOption;
    const marcado = svg
      .replace(/ pointer-events="visible"([^>]* ecmeta_silent="true")/g, ' pointer-events="none"$1')
      .replace(MARCAS_SSR, (_, serie: string, dato: string, tipo: string) => {
        const lectura =
          tipo === 'chart' ? lecturaDe(fusionada, Number(serie), Number(dato)) : undefined;
        if (!lectura) return '';
        const clave = lectura.clave ? ` data-clave="${atributo(lectura.clave)}"` : '';
        return `${clave} data-lectura="${atributo(lectura.texto)}"`;
      });
    // Its ids and classes carry the renderer's number in this process (zr0-, zr1-…) and ECharts
    // numbers its classes on from earlier drawings: numbered again here, by first use, and all
    // named after the drawing.
    const clases = new Map<string, number>();
    const numerado = marcado
      .replace(/\bzr\d+-cls-\d+\b/g, (clase) => {
        if (!clases.has(clase)) clases.set(clase, clases.size);
        return `zr-cls-${clases.get(clase)!}`;
      })
      .replace(/\bzr\d*-/g, '\u{E000}');
    const propio = `g${createHash('sha256').update(numerado).digest('hex').slice(0, 10)}-`;
    return numerado.replace(/\u{E000}/gu, propio);
  });
}

function atributo(texto: string): string {
  return texto.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function dibujar(
  opcion: EChartsOption,
  ancho: number,
  alto: number,
  terminar: (grafico: echarts.ECharts, svg: string) => string,
): string {
  registrarMapas(mapasDe(opcion));
  const grafico = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: ancho,
    height: alto,
  });
  try {
    grafico.setOption(opcion);
    return terminar(grafico, grafico.renderToSVGString());
  } finally {
    grafico.dispose();
  }
}

/** How resvg draws an image `ancho` wide at `escala`, with the fonts every output uses. */
export function opcionesDeResvg(ancho: number, escala: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: Math.round(ancho * escala) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FUENTES, defaultFontFamily: FUENTE_TIPOGRAFICA },
  };
}

let anterior: Promise<unknown> = Promise.resolve();

/**
 * resvg draws on libuv's thread pool, where a print-size image's third of a second does not
 * stop the server's event loop; only encoding the drawn pixels as PNG runs on it. One image at a
 * time, as when it drew on the loop: a large image's pixels take up to a gigabyte, and the pool's
 * other threads stay free for sign-ins, compression and files.
 */
export function renderizarPng(svg: string, ancho: number, escala: number): Promise<Buffer> {
  const turno = anterior.then(() => renderAsync(svg, opcionesDeResvg(ancho, escala)));
  anterior = turno.catch(() => undefined);
  return turno.then((imagen) => imagen.asPng());
}
