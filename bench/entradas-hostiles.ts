/**
 * Part of `npm run bench:faults`: the server in its own process imports files
 * of the shapes that froze it or blew its memory (issue 23), while a client
 * asks /api/health every 20 ms. For each: the import's answer and time, the
 * health latency (max and p99) beside the same client with no import and beside
 * an unknown route's (the event loop alone), and the server's peak RSS (VmHWM).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { createThrowawayDatabase, RunningDatabase } from '@tablero/database';
import { escribirAsistencias } from '../test/support/asistencias-sinteticas';
import { xlsxQueMiente } from '../test/support/fixtures';
import { freePort } from '../test/support/free-port';
import { startServerProcess } from '../test/support/server-process';
import { percentil } from './medicion';
import { formatoEsCo as n } from './servidor';

const MAX_SALUD_MS = 100;
const ejecutar = promisify(execFile);
const MAX_RSS_MB = 500;

/** A file of `megas` MB made of one line repeated after a header. */
async function repetido(ruta: string, encabezado: string, linea: string, megas: number) {
  const salida = createWriteStream(ruta);
  salida.write(`${encabezado}\n`);
  const bloque = linea.repeat(Math.ceil((1024 * 1024) / linea.length));
  for (let i = 0; i < megas; i++) if (!salida.write(bloque)) await once(salida, 'drain');
  salida.end();
  await once(salida, 'close');
  return ruta;
}

interface Caso {
  readonly nombre: string;
  readonly tipo: string;
  crear(carpeta: string, megas: number): Promise<string>;
}

const ENCABEZADO = 'codigo_actividad,tipo_documento,numero_documento,codigo_municipio';

const CASOS: Caso[] = [
  {
    nombre: 'asistencias válidas (referencia)',
    tipo: 'asistencias',
    crear: async (c, megas) => {
      const ruta = join(c, 'validas.csv');
      await escribirAsistencias(ruta, Math.round((megas * 1024 * 1024) / 62));
      return ruta;
    },
  },
  {
    nombre: 'líneas en blanco',
    tipo: 'asistencias',
    crear: (c, m) => repetido(join(c, 'blancas.csv'), ENCABEZADO, '\n', m),
  },
  {
    nombre: 'líneas de una coma',
    tipo: 'asistencias',
    crear: (c, m) => repetido(join(c, 'comas.csv'), ENCABEZADO, ',\n', m),
  },
  {
    nombre: 'una comilla sin cerrar',
    tipo: 'asistencias',
    crear: (c, m) =>
      repetido(join(c, 'comilla.csv'), `${ENCABEZADO}\n"`, 'x'.repeat(1023) + '\n', m),
  },
  {
    nombre: '.xlsx de casi 64 MB de textos',
    tipo: 'asistencias',
    crear: async (c) => {
      // Just under what the reader keeps of a workbook's texts: the heaviest one accepted.
      const ruta = join(c, 'textos.xlsx');
      const libro = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: ruta,
        useSharedStrings: true,
      });
      const hoja = libro.addWorksheet('Datos');
      hoja.addRow([...ENCABEZADO.split(','), 'entidad', 'cargo']).commit();
      for (let i = 0; i < 160_000; i++) {
        const texto = String(i).padStart(8, '0') + 'é'.repeat(190);
        hoja
          .addRow(['F2-TAL-01', 'CC', String(30_000_000 + i), '05001', `a${texto}`, `b${texto}`])
          .commit();
      }
      await libro.commit();
      return ruta;
    },
  },
  {
    nombre: '.xlsx cuyos textos dicen 5 KB',
    tipo: 'asistencias',
    crear: (c, m) =>
      // Expanding to at most 500 MB: a longer text is beyond what JavaScript holds in one string.
      xlsxQueMiente(join(c, 'miente.xlsx').replace(/^.*\//, ''), Math.min(m * 20, 500)),
  },
];

/** Runs the cases whose name includes `filtro` (all of them without it). */
export async function entradasHostiles(
  pg: RunningDatabase,
  megas: number,
  carpeta: string,
  filtro = '',
) {
  const base = await createThrowawayDatabase(pg.url, 'fallas-hostiles');
  const secreto = `tjpt_${randomBytes(32).toString('base64url')}`;
  let cumple = true;
  console.log(
    `3. Entradas hostiles de ${n.format(megas)} MB (el .xlsx, ×20 descomprimido, hasta 500 MB)`,
  );
  try {
    for (const caso of CASOS.filter((c) => c.nombre.includes(filtro))) {
      const archivo = await caso.crear(carpeta, megas);
      const puerto = await freePort();
      const servidor = startServerProcess({
        DATABASE_URL: base.url,
        PSEUDONYM_KEY: 'clave-de-las-fallas-de-tablero-jpt-0123456789',
        PORT: String(puerto),
        LOG_LEVEL: 'error',
        DATA_DIR: carpeta,
        EXPENSIVE_MAX_PER_MINUTE: '1000',
      });
      try {
        await servidor.waitFor(/Tablero JPT listo/, 60_000);
        const cliente = new Client({ connectionString: base.url });
        await cliente.connect();
        await cliente.query(
          `INSERT INTO token_api (nombre, hash, rol, creado_por) VALUES ('bench', $1, 'admin', 'bench')
           ON CONFLICT DO NOTHING`,
          [createHash('sha256').update(secreto).digest('hex')],
        );
        await cliente.end();
        const url = `http://127.0.0.1:${puerto}`;
        const tardanza = async (ruta: string) => {
          const inicio = performance.now();
          await (await fetch(`${url}${ruta}`)).arrayBuffer();
          return performance.now() - inicio;
        };
        // Health asks the database; an unknown route only the server's event loop (a 404 with
        // neither database nor disk): apart, they tell a busy database from a busy server.
        const sondear = async (mientras: () => boolean) => {
          const salud: number[] = [];
          const solo: number[] = [];
          while (mientras()) {
            salud.push(await tardanza('/api/health'));
            solo.push(await tardanza('/api/v1/ruta-inexistente'));
            await new Promise((r) => setTimeout(r, 20));
          }
          return { salud, solo };
        };
        const sola = Date.now() + 2000;
        const reposo = (await sondear(() => Date.now() < sola)).salud;
        let terminada = false;
        const durante = sondear(() => !terminada);
        const inicio = Date.now();
        // Sent by curl, in a process of its own: encoding a 20 MB form here would stall this
        // process's own event loop, and with it the health probes' clock. The answer goes to a
        // file: a dry run's rejected rows can run to megabytes.
        const respuesta = `${archivo}.respuesta.json`;
        const { stdout } = await ejecutar('curl', [
          '--silent',
          '--show-error',
          '--header',
          `authorization: Bearer ${secreto}`,
          '--form',
          `archivo=@${archivo}`,
          '--output',
          respuesta,
          '--write-out',
          '%{http_code}',
          `${url}/api/v1/importaciones/${caso.tipo}?dry_run=true`,
        ]);
        const estado = Number(stdout);
        const cuerpo = JSON.parse(readFileSync(respuesta, 'utf8')) as {
          codigo?: string;
          filas?: { leidas: number };
        };
        rmSync(respuesta);
        const duracion = Date.now() - inicio;
        terminada = true;
        const { salud, solo } = await durante;
        const rss =
          Number(
            /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${servidor.child.pid}/status`, 'utf8'))?.[1],
          ) / 1024;
        const maximo = Math.max(...salud);
        const bien = estado < 500 && maximo < MAX_SALUD_MS && rss < MAX_RSS_MB;
        cumple &&= bien;
        console.log(
          `   ${caso.nombre.padEnd(34)} ${n.format(statSync(archivo).size / 1048576)} MB → ${estado} ` +
            `${cuerpo.codigo ?? `${n.format(cuerpo.filas?.leidas ?? 0)} filas`} en ${n.format(duracion)} ms; ` +
            `/api/health máx ${n.format(maximo)} ms, p99 ${n.format(percentil(salud, 99))} ms ` +
            `(${n.format(salud.length)} sondeos; sin importación máx ${n.format(Math.max(...reposo))} ms; ` +
            `una ruta sin base ni disco máx ${n.format(Math.max(...solo))} ms); ` +
            `RSS pico ${n.format(rss)} MB`,
        );
      } finally {
        servidor.child.kill('SIGTERM');
        await servidor.exited();
      }
    }
  } finally {
    await base.drop();
  }
  console.log(
    `   Veredicto: ${cumple ? 'CUMPLE' : 'NO CUMPLE'}: cada archivo recibe su respuesta (nunca un 500), /api/health responde en menos de ${MAX_SALUD_MS} ms durante cada importación y el servidor no pasa de ${MAX_RSS_MB} MB.`,
  );
  return cumple;
}
