/**
 * The dashboard's build: the page's TypeScript and styles bundled by esbuild
 * under names that carry their hash (the server draws the charts: no chart
 * library goes to the browser); beside each text asset, its brotli (.br) and
 * gzip (.gz) forms, so the server compresses nothing at request time.
 * Runs after swc, from dist/.
 */
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { build } from 'esbuild';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  comprimirActivos(join(salida, 'assets'));
}

construir().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
