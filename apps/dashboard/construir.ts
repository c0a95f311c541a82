/**
 * The dashboard's build: the page's TypeScript bundled by esbuild (ECharts
 * imported per chart type, so only what the charts use is shipped) and the
 * territorial topology of the maps published under a name that carries its
 * hash, which the page names in a meta tag. Runs after swc, from dist/.
 */
import { CARPETA_MAPAS } from '@tablero/charts';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

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
  const topologia = readFileSync(RUTA_TOPOLOGIA_MUNICIPAL);
  const hash = createHash('sha256').update(topologia).digest('hex').slice(0, 10);
  const mapa = `/${CARPETA_MAPAS}/municipios-${hash}.topo.json`;
  mkdirSync(join(salida, CARPETA_MAPAS), { recursive: true });
  writeFileSync(join(salida, mapa), topologia);
  const enlaces: [string, string][] = [
    ...publicados.map(([entrada, publicado]): [string, string] => [
      `/assets/${entrada.replace(/\.ts$/, '.js')}`,
      `/assets/${publicado}`,
    ]),
    [`/${CARPETA_MAPAS}/municipios.topo.json`, mapa],
  ];
  const pagina = enlaces.reduce((html, [enlace, publicado]) => {
    if (!html.includes(enlace)) throw new Error(`index.html no enlaza ${enlace}`);
    return html.replace(enlace, publicado);
  }, readFileSync(join(fuente, 'index.html'), 'utf8'));
  writeFileSync(join(salida, 'index.html'), pagina);
  copyFileSync(join(fuente, 'favicon.svg'), join(salida, 'assets', 'favicon.svg'));
}

construir().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
