/**
 * The dashboard's build: the page's TypeScript bundled by esbuild (ECharts
 * imported per chart type, so only what the charts use is shipped) and the
 * territorial topologies of the maps (complete, and simplified for the national
 * maps) published under names that carry their hash, which the page names in
 * meta tags; beside each text asset, its brotli
 * (.br) and gzip (.gz) forms, so the server compresses nothing at request time.
 * Runs after swc, from dist/.
 */
import { CARPETA_MAPAS, FuenteDeMapa, topologiaDelPais } from '@tablero/charts';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Topology } from 'topojson-specification';
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

/**
 * Each topology under a name that carries its hash, like esbuild's outputs (eight capitals and
 * digits), which the server serves as immutable. Answers the links of index.html to replace.
 */
function publicarMapas(
  carpeta: string,
  topologias: Record<FuenteDeMapa, string>,
): [string, string][] {
  mkdirSync(carpeta, { recursive: true });
  return Object.entries(topologias).map(([fuente, contenido]) => {
    const hash = createHash('sha256').update(contenido).digest('hex').slice(0, 8).toUpperCase();
    const publicado = `territorio-${fuente}-${hash}.topo.json`;
    writeFileSync(join(carpeta, publicado), contenido);
    return [`/${CARPETA_MAPAS}/territorio-${fuente}.topo.json`, `/${CARPETA_MAPAS}/${publicado}`];
  });
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
    // ECharts in a file of its own, imported when a chart is drawn.
    splitting: true,
    chunkNames: '[name]-[hash]',
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
    salidaEsbuild.entryPoint && !/echarts\.ts$/.test(salidaEsbuild.entryPoint)
      ? [[basename(salidaEsbuild.entryPoint), basename(archivo)]]
      : [],
  );
  // Every script the page runs is asked for with the page, not after the one that imports it.
  const precargas = Object.keys(metafile.outputs)
    .filter((archivo) => archivo.endsWith('.js') && !/\/main-\w+\.js$/.test(archivo))
    // The small files main imports first; ECharts, the largest, shares the link after them.
    .sort((a, b) => Number(/\/echarts-/.test(a)) - Number(/\/echarts-/.test(b)))
    .map((archivo) => `<link rel="modulepreload" href="/assets/${basename(archivo)}" />`);
  const completa = readFileSync(RUTA_TOPOLOGIA_MUNICIPAL, 'utf8');
  const mapas = publicarMapas(join(salida, CARPETA_MAPAS), {
    completa,
    pais: JSON.stringify(topologiaDelPais(JSON.parse(completa) as Topology)),
  });
  const enlaces: [string, string][] = [
    ...publicados.map(([entrada, publicado]): [string, string] => [
      `/assets/${entrada.replace(/\.ts$/, '.js')}`,
      `/assets/${publicado}`,
    ]),
    ...mapas,
  ];
  const pagina = enlaces.reduce(
    (html, [enlace, publicado]) => {
      if (!html.includes(enlace)) throw new Error(`index.html no enlaza ${enlace}`);
      return html.replace(enlace, publicado);
    },
    readFileSync(join(fuente, 'index.html'), 'utf8'),
  );
  writeFileSync(
    join(salida, 'index.html'),
    pagina.replace('</head>', `  ${precargas.join('\n    ')}\n  </head>`),
  );
  copyFileSync(join(fuente, 'favicon.svg'), join(salida, 'assets', 'favicon.svg'));
  comprimirActivos(join(salida, 'assets'));
}

construir().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
