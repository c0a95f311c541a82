/**
 * The dashboard's build: the page's TypeScript bundled by esbuild (ECharts
 * imported per chart type, so only what the charts use is shipped) and the
 * territorial topology of the maps published under a name that carries its
 * hash, which the page names in a meta tag; beside each text asset, its brotli
 * (.br) and gzip (.gz) forms, so the server compresses nothing at request time.
 * Runs after swc, from dist/.
 */
import { CARPETA_MAPAS } from '@tablero/charts';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The assets worth compressing: text. Fonts and images are compressed formats already. */
const COMPRIMIBLES = /\.(js|css|json|svg|txt)$/;

function comprimirActivos(carpeta: string): void {
  for (const entrada of readdirSync(carpeta, { withFileTypes: true, recursive: true })) {
    if (!entrada.isFile() || !COMPRIMIBLES.test(entrada.name)) continue;
    const ruta = join(entrada.parentPath, entrada.name);
    const contenido = readFileSync(ruta);
    writeFileSync(
      `${ruta}.br`,
      brotliCompressSync(contenido, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: contenido.length,
        },
      }),
    );
    writeFileSync(`${ruta}.gz`, gzipSync(contenido, { level: 9 }));
  }
}

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
  // Named like esbuild's outputs (eight capitals and digits), which the server serves as immutable.
  const hash = createHash('sha256').update(topologia).digest('hex').slice(0, 8).toUpperCase();
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
  const pagina = enlaces.reduce(
    (html, [enlace, publicado]) => {
      if (!html.includes(enlace)) throw new Error(`index.html no enlaza ${enlace}`);
      return html.replace(enlace, publicado);
    },
    readFileSync(join(fuente, 'index.html'), 'utf8'),
  );
  writeFileSync(join(salida, 'index.html'), pagina);
  copyFileSync(join(fuente, 'favicon.svg'), join(salida, 'assets', 'favicon.svg'));
  comprimirActivos(join(salida, 'assets'));
}

construir().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
