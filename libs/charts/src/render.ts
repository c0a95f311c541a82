/**
 * Charts to images on the server: ECharts' own server-side rendering to SVG,
 * then resvg to PNG with the DejaVu fonts shipped by the dejavu-fonts-ttf
 * package (resvg reads no system fonts: without them every label would vanish).
 */
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ARCHIVO_MAPA_COLOMBIA, MAPA_COLOMBIA } from './mapa';
import { FUENTE_TIPOGRAFICA } from './paleta';

const FUENTES = (() => {
  const carpeta = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(carpeta, 'DejaVuSans.ttf'), join(carpeta, 'DejaVuSans-Bold.ttf')];
})();

let mapaRegistrado = false;

/** The map's geometry, as the build converted it, registered once per process. */
function registrarMapa(): void {
  if (mapaRegistrado) return;
  const archivo = rutaDelProyecto(...CARPETA_TABLERO, ARCHIVO_MAPA_COLOMBIA);
  echarts.registerMap(MAPA_COLOMBIA, JSON.parse(readFileSync(archivo, 'utf8')));
  mapaRegistrado = true;
}

export function renderizarSvg(opcion: EChartsOption, ancho: number, alto: number): string {
  if ([opcion.series].flat().some((s) => s?.type === 'map')) registrarMapa();
  const grafico = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: ancho,
    height: alto,
  });
  try {
    grafico.setOption(opcion);
    return grafico.renderToSVGString();
  } finally {
    grafico.dispose();
  }
}

export function renderizarPng(svg: string, ancho: number, escala: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(ancho * escala) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FUENTES, defaultFontFamily: FUENTE_TIPOGRAFICA },
  });
  return resvg.render().asPng();
}
