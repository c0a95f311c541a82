/**
 * A large file is read and validated in a thread of its own (issue 23), in the
 * built server only: the TypeScript sources the other tests run validate in
 * the server's thread. The same file imported both ways gives the same report
 * and the same rows; a file that fails to read fails the same way, with
 * nothing kept.
 */
import { createDataSource, createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { rutaDelProyecto } from '@tablero/config';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { freePort } from './support/free-port';
import { ServerProcess, startServerProcess } from './support/server-process';
import { startTestApp, TEST_PSEUDONYM_KEY, TestApp, testServerUrl } from './support/test-app';
import { SCHEMA } from '../migrations/schema';
import { construirCatalogos, leerCatalogos } from '../libs/ingestion/src/catalogos';
import { abrirArchivo } from '../libs/ingestion/src/lectura/archivo';
import { reconocer } from '../libs/ingestion/src/lectura/formatos';
import { seudonimizador } from '../libs/ingestion/src/seudonimo';
import { TIPOS } from '../libs/ingestion/src/tipos';
import { validarAqui, TablaValidada } from '../libs/ingestion/src/validacion/tabla-validada';
import type * as EnHilo from '../libs/ingestion/src/validacion/en-hilo';

/** The thread as built: the sources have none. */
const { validarEnHilo } = jest.requireActual<typeof EnHilo>(
  rutaDelProyecto('dist/libs/ingestion/src/validacion/en-hilo.js'),
);

jest.setTimeout(180_000);

/** Over the size from which the server validates in a thread of its own (4 MiB). */
const FILAS = 40_000;
const MUNICIPIOS = ['05001', '76001', '54001', '44001', '73001', '11001'];

interface Informe {
  id: string | null;
  formato: string;
  filas: Record<string, number>;
  rechazos: { fila: number; columna: string | null; valor: string | null; motivo: string }[];
  avisos: unknown[];
  totalAvisos: number;
}

/** Where a file is imported, and with which credential. */
interface Destino {
  readonly base: string;
  readonly autorizacion: Record<string, string>;
}

const carpeta = mkdtempSync(join(tmpdir(), 'tablero-validacion-en-hilo-'));
let construido: { proceso: ServerProcess; base: ThrowawayDatabase; destino: Destino };
let enProceso: TestApp;

/** Attendances of distinct people, with unknown municipalities, bad dates and repeated people here and there. */
function asistencias(
  nombre: string,
  alterar: (lineas: string[]) => void = () => {},
  filas = FILAS,
): string {
  const lineas = [
    'codigo_actividad,tipo_documento,numero_documento,nombre,codigo_municipio,modalidad,fecha,entidad',
  ];
  for (let i = 0; i < filas; i++) {
    const actividad = `F2-TAL-${String((i % 38) + 1).padStart(2, '0')}`;
    const municipio = i % 997 === 0 ? '99999' : MUNICIPIOS[i % MUNICIPIOS.length];
    const fecha = i % 1_499 === 0 ? '31/02/2023' : '15/08/2023';
    lineas.push(
      i % 2_003 === 1
        ? lineas[lineas.length - 1]
        : `${actividad},CC,${20_000_000 + i},Persona Número ${i},${municipio},presencial,${fecha},` +
            // Text that does not compress: a workbook reaches the size with fewer rows.
            createHash('sha256').update(String(i)).digest('hex'),
    );
  }
  alterar(lineas);
  const ruta = join(carpeta, nombre);
  writeFileSync(ruta, lineas.join('\n') + '\n');
  return ruta;
}

/** The CSV's rows on the «Datos» sheet of a workbook that opens with instructions, as the template does. */
async function enLibro(csv: string): Promise<string> {
  const ruta = csv.replace(/\.csv$/, '.xlsx');
  const libro = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ruta, useSharedStrings: false });
  libro.addWorksheet('Instrucciones').addRow(['Llene la hoja «Datos».']).commit();
  const hoja = libro.addWorksheet('Datos');
  for (const linea of readFileSync(csv, 'utf8').trimEnd().split('\n'))
    hoja.addRow(linea.split(',')).commit();
  await libro.commit();
  return ruta;
}

async function importar(
  destino: Destino,
  ruta: string,
  consulta = '',
): Promise<{ status: number; body: Informe & { codigo?: string } }> {
  const form = new FormData();
  form.append('archivo', new Blob([readFileSync(ruta)]), basename(ruta));
  const response = await fetch(`${destino.base}/api/v1/importaciones/asistencias${consulta}`, {
    method: 'POST',
    body: form,
    headers: destino.autorizacion,
  });
  return {
    status: response.status,
    body: (await response.json()) as Informe & { codigo?: string },
  };
}

/** What a report says, without what differs between two databases (its id). */
const comparable = ({ id: _, ...informe }: Informe) => informe;

async function consultar<T>(url: string, sql: string): Promise<T[]> {
  const cliente = new Client({ connectionString: url });
  await cliente.connect();
  try {
    return (await cliente.query(sql)).rows as T[];
  } finally {
    await cliente.end();
  }
}

/** The attendances stored, by activity, municipality and date, and the imports recorded. */
const estado = (url: string) =>
  consultar(
    url,
    `SELECT (SELECT count(*)::int FROM importacion) AS importaciones,
            (SELECT json_agg(a ORDER BY a) FROM (
               SELECT actividad_codigo || ' ' || municipio_codigo || ' ' || fecha || ' ' || count(*) AS a
                 FROM asistencia GROUP BY actividad_codigo, municipio_codigo, fecha) x) AS asistencias`,
  );

beforeAll(async () => {
  const base = await createThrowawayDatabase(testServerUrl(), 'validacion-en-hilo');
  const puerto = await freePort();
  const proceso = startServerProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(puerto),
    DATA_DIR: carpeta,
    DATABASE_URL: base.url,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    EXPENSIVE_MAX_PER_MINUTE: '1000',
  });
  construido = {
    proceso,
    base,
    destino: { base: `http://127.0.0.1:${puerto}`, autorizacion: {} },
  };
  await proceso.waitFor(/Tablero JPT listo/, 60_000);
  const secreto = `tjpt_${randomBytes(24).toString('base64url')}`;
  const cliente = new Client({ connectionString: base.url });
  await cliente.connect();
  await cliente.query(
    `INSERT INTO token_api (nombre, hash, rol, creado_por) VALUES ('hilo', $1, 'admin', 'pruebas')`,
    [createHash('sha256').update(secreto).digest('hex')],
  );
  await cliente.end();
  construido.destino = {
    ...construido.destino,
    autorizacion: { authorization: `Bearer ${secreto}` },
  };
  enProceso = await startTestApp('validacion-en-proceso');
});

afterAll(async () => {
  const { proceso, base } = construido ?? {};
  if (proceso && proceso.child.exitCode === null) {
    proceso.child.kill('SIGTERM');
    await proceso.exited();
  }
  await base?.drop();
  await enProceso?.close();
  rmSync(carpeta, { recursive: true, force: true });
});

it('imports a large file in its own thread exactly as the server thread does', async () => {
  const ruta = asistencias('grande.csv');
  expect(statSync(ruta).size).toBeGreaterThan(4 * 1024 * 1024);
  expect(existsSync(rutaDelProyecto('dist/libs/ingestion/src/validacion/hilo.js'))).toBe(true);
  const aqui: Destino = { base: enProceso.baseUrl, autorizacion: {} };

  const [enHilo, enElServidor] = [
    await importar(construido.destino, ruta),
    await importar(aqui, ruta),
  ];
  expect(enHilo.status).toBe(200);
  expect(enElServidor.status).toBe(200);
  expect(comparable(enHilo.body)).toEqual(comparable(enElServidor.body));
  expect(enHilo.body.filas).toMatchObject({ leidas: FILAS, omitidas: 0 });
  expect(enHilo.body.filas.rechazadas).toBeGreaterThan(60);
  expect(enHilo.body.filas.duplicadas).toBeGreaterThan(15);
  expect(JSON.stringify(enHilo.body.rechazos)).toMatch(/99999/);
  expect(await estado(construido.base.url)).toEqual(await estado(enProceso.database.url));

  const otraVez = await importar(construido.destino, ruta);
  expect(otraVez.body.filas).toMatchObject({
    leidas: FILAS,
    aceptadas: 0,
    actualizadas: 0,
    duplicadas: enHilo.body.filas.aceptadas + enHilo.body.filas.duplicadas,
  });
});

it('reads the «Datos» sheet of a large workbook in its own thread as the server thread does', async () => {
  // An .xlsx is compressed: it takes more rows than the CSV to reach the size.
  const filas = 60_000;
  const ruta = await enLibro(asistencias('libro.csv', undefined, filas));
  expect(statSync(ruta).size).toBeGreaterThan(4 * 1024 * 1024);
  const aqui: Destino = { base: enProceso.baseUrl, autorizacion: {} };
  const antes = await estado(construido.base.url);
  const enHilo = await importar(construido.destino, ruta, '?dry_run=true');
  const enElServidor = await importar(aqui, ruta, '?dry_run=true');
  expect(enHilo.body.id).toBeNull();
  expect(await estado(construido.base.url)).toEqual(antes);
  expect(enHilo.status).toBe(200);
  expect(enHilo.body).toMatchObject({ formato: 'xlsx', hoja: 'Datos', filas: { leidas: filas } });
  expect(comparable(enHilo.body)).toEqual(comparable(enElServidor.body));
});

it('refuses a large file that cannot be read, keeping nothing, and goes on serving', async () => {
  const antes = await estado(construido.base.url);
  const sinComillaDeCierre = asistencias('comilla.csv', (lineas) => {
    lineas[30_000] = lineas[30_000].replace('Persona', '"Persona');
  });
  const comilla = await importar(construido.destino, sinComillaDeCierre);
  expect(comilla.status).toBe(400);
  expect(comilla.body.codigo).toBe('CSV_MAL_FORMADO');

  const encabezados = asistencias('encabezados.csv', (lineas) => {
    lineas[0] = 'actividad_x,documento_y,lugar_z';
  });
  const sinEncabezados = await importar(construido.destino, encabezados);
  expect(sinEncabezados.status).toBe(400);
  expect(sinEncabezados.body.codigo).toBe('ENCABEZADOS_NO_RECONOCIDOS');

  expect(await estado(construido.base.url)).toEqual(antes);
  const salud = await fetch(`${construido.destino.base}/api/health`);
  expect(salud.status).toBe(200);
});

describe('the validation thread itself', () => {
  const hoy = '2026-12-06';
  const secreto = Buffer.from(TEST_PSEUDONYM_KEY);
  const tipo = TIPOS.asistencias;

  /** Rows whose staged text is wide and in two-byte characters: a chunk outgrows its first 8 MiB. */
  function anchas(nombre: string, filas: number): string {
    const largo = 'ñ'.repeat(200);
    const lineas = [
      'codigo_actividad,tipo_documento,numero_documento,codigo_municipio,entidad,cargo',
    ];
    for (let i = 0; i < filas; i++)
      lineas.push(
        `F2-TAL-01,CC,${30_000_000 + i},${i % 500 === 0 ? '99999' : '05001'},${largo},${largo}`,
      );
    const ruta = join(carpeta, nombre);
    writeFileSync(ruta, lineas.join('\n') + '\n');
    return ruta;
  }

  /** What an import asks of the thread for a file, with the built server's catalogues. */
  async function peticion(ruta: string) {
    const ds = createDataSource(construido.base.url, SCHEMA);
    await ds.initialize();
    try {
      const catalogos = await leerCatalogos(ds.manager);
      return {
        ruta,
        tipo: tipo.codigo,
        opciones: {},
        maxDescomprimido: 1024 ** 3,
        catalogos,
        secreto,
        hoy,
      };
    } finally {
      await ds.destroy();
    }
  }

  async function bytes(tabla: TablaValidada): Promise<{ lineas: Buffer; filas: number[] }> {
    const partes: Buffer[] = [];
    const filas: number[] = [];
    for await (const tramo of tabla.tramos) {
      partes.push(Buffer.from(tramo.lineas));
      filas.push(tramo.filas);
    }
    return { lineas: Buffer.concat(partes), filas };
  }

  it('sends, byte for byte, the chunks the server thread writes', async () => {
    const ruta = anchas('anchas.csv', 30_000);
    const alHilo = await peticion(ruta);
    const contexto = {
      catalogos: construirCatalogos(alHilo.catalogos),
      opciones: {},
      seudonimo: seudonimizador(secreto),
      hoy,
    };
    const leidos: number[] = [];
    const enHilo = await bytes(await validarEnHilo(alHilo, (b) => leidos.push(b)));
    const aqui = await bytes(
      validarAqui(
        await reconocer(await abrirArchivo(ruta, { maxDescomprimido: 1024 ** 3 }), tipo, {}),
        tipo,
        contexto,
      ),
    );
    expect(enHilo.filas).toEqual([25_000, 5_000]);
    expect(aqui.filas).toEqual(enHilo.filas);
    expect(enHilo.lineas.length).toBeGreaterThan(16 * 1024 * 1024);
    expect(enHilo.lineas.equals(aqui.lineas)).toBe(true);
    expect(leidos.at(-1)).toBe(statSync(ruta).size);
  });

  it('refuses a file that needs more memory than the thread may take, with its reason', async () => {
    const ruta = join(carpeta, 'fila-enorme.csv');
    writeFileSync(
      ruta,
      'codigo_actividad,tipo_documento,numero_documento,codigo_municipio,entidad\n' +
        `F2-TAL-01,CC,30000000,05001,${'€'.repeat(15 * 1024 * 1024)}\n`,
    );
    const alHilo = await peticion(ruta);
    const leer = async (memoriaMb?: number) => {
      let filas = 0;
      for await (const tramo of (await validarEnHilo(alHilo, undefined, memoriaMb)).tramos)
        filas += tramo.filas;
      return filas;
    };
    await expect(leer(32)).rejects.toMatchObject({
      codigo: 'ARCHIVO_EXCEDE_MEMORIA',
      message: expect.stringMatching(/^Validar este archivo pide más de 32 MB de memoria/),
    });
    // Within the server's own limit the same row is read, and rejected for its length.
    await expect(leer()).resolves.toBe(1);
  });

  it('stops when the import stops taking chunks, and says what is wrong with the file', async () => {
    const tabla = await validarEnHilo(
      await peticion(asistencias('a-medias.csv', undefined, 60_000)),
    );
    const tramos = tabla.tramos[Symbol.asyncIterator]();
    expect((await tramos.next()).value).toMatchObject({ filas: 25_000 });
    await tabla.cerrar();
    expect(await tramos.next()).toEqual({ done: true, value: undefined });

    const sinEncabezados = join(carpeta, 'sin-encabezados.csv');
    writeFileSync(sinEncabezados, 'uno,dos\n1,2\n');
    await expect(validarEnHilo(await peticion(sinEncabezados))).rejects.toMatchObject({
      codigo: 'ENCABEZADOS_NO_RECONOCIDOS',
    });
  });
});
