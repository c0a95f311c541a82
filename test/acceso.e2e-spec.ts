/**
 * Access control against the real server: the first administrator, the
 * authorisation matrix built from the application's own route table, users
 * limited to departments (JSON, chart and workbook), sessions that expire,
 * tokens that are revoked, login throttling and the audit log.
 */
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  ACCESO,
  Decision,
  PERMISOS_POR_ROL,
  PrimerAdministrador,
  Rol,
  ROLES,
} from '@tablero/access';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { escribirAsistencias } from './support/asistencias-sinteticas';
import { carpeta } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

let server: TestApp;
let db: Client;

const CLAVE = 'una-clave-larga-de-prueba';

interface Opciones {
  cookie?: string;
  token?: string;
  cuerpo?: unknown;
}

async function pedir(metodo: string, ruta: string, o: Opciones = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.cuerpo !== undefined) headers['content-type'] = 'application/json';
  return fetch(server.baseUrl + ruta, {
    method: metodo,
    headers,
    body: o.cuerpo === undefined ? undefined : JSON.stringify(o.cuerpo),
    redirect: 'manual',
  });
}

async function json<T>(metodo: string, ruta: string, o: Opciones = {}): Promise<T> {
  const response = await pedir(metodo, ruta, o);
  const cuerpo = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${metodo} ${ruta} → ${response.status} ${JSON.stringify(cuerpo)}`);
  return cuerpo;
}

/** Signs in and returns the session cookie. */
async function ingresar(usuario: string, clave = CLAVE): Promise<string> {
  const response = await pedir('POST', '/api/v1/sesion', { cuerpo: { usuario, clave } });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^tablero_sesion=[^;]+;.*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  return cookie.split(';')[0];
}

let admin: string;
const sesiones = {} as Record<Rol, string>;

beforeAll(async () => {
  server = await startTestApp('acceso', {}, { credencial: 'ninguna' });
  db = new Client({ connectionString: server.database.url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await server?.close();
});

describe('a fresh install', () => {
  it('has no default password: the one-time code creates the first admin, once', async () => {
    expect(await json('GET', '/api/v1/sesion')).toMatchObject({
      usuario: null,
      permisos: [],
      tableroPublico: false,
      primerAdministradorPendiente: true,
    });
    const codigo = server.app.get(PrimerAdministrador).codigo!;
    expect(codigo).toMatch(/^[\w-]{16}$/);
    const malo = await pedir('POST', '/api/v1/sesion/primer-administrador', {
      cuerpo: { codigo: 'x'.repeat(16), usuario: 'ana', clave: CLAVE },
    });
    expect(malo.status).toBe(403);
    const bueno = await pedir('POST', '/api/v1/sesion/primer-administrador', {
      cuerpo: { codigo, usuario: 'Ana', clave: CLAVE },
    });
    expect(bueno.status).toBe(201);
    expect(await bueno.json()).toMatchObject({ nombre: 'ana', rol: 'admin', departamentos: null });
    const otraVez = await pedir('POST', '/api/v1/sesion/primer-administrador', {
      cuerpo: { codigo, usuario: 'beto', clave: CLAVE },
    });
    expect(otraVez.status).toBe(403);
    admin = await ingresar('ana');
    sesiones.admin = admin;
  });

  it('creates a user for each role; a short password is refused', async () => {
    const corta = await pedir('POST', '/api/v1/usuarios', {
      cookie: admin,
      cuerpo: { usuario: 'corto', clave: 'corta', rol: 'lectura' },
    });
    expect(corta.status).toBe(400);
    for (const rol of ROLES.filter((r) => r !== 'admin')) {
      await json('POST', '/api/v1/usuarios', {
        cookie: admin,
        cuerpo: { usuario: `u-${rol}`, clave: CLAVE, rol },
      });
      sesiones[rol] = await ingresar(`u-${rol}`);
    }
    const usuarios = await json<{ nombre: string }[]>('GET', '/api/v1/usuarios', { cookie: admin });
    expect(usuarios.map((u) => u.nombre)).toEqual([
      'ana',
      'u-analista',
      'u-comunicaciones',
      'u-editor',
      'u-lectura',
    ]);
    expect(JSON.stringify(usuarios)).not.toMatch(/argon2|clave/i);
  });
});

interface Ruta {
  readonly metodo: string;
  readonly ruta: string;
  readonly decision: Decision | undefined;
  readonly donde: string;
}

/** Every route the application serves, read from its controllers as Nest registers them. */
function tablaDeRutas(app: INestApplication): Ruta[] {
  const rutas: Ruta[] = [];
  for (const modulo of app.get(ModulesContainer).values()) {
    for (const { metatype } of modulo.controllers.values()) {
      const clase = metatype as new () => object;
      const base = [Reflect.getMetadata(PATH_METADATA, clase) as string | string[]].flat();
      for (const nombre of Object.getOwnPropertyNames(clase.prototype)) {
        const handler = (clase.prototype as Record<string, unknown>)[nombre];
        if (nombre === 'constructor' || typeof handler !== 'function') continue;
        const caminos = Reflect.getMetadata(PATH_METADATA, handler) as
          string | string[] | undefined;
        if (caminos === undefined) continue;
        const metodo = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const decision = (Reflect.getMetadata(ACCESO, handler) ??
          Reflect.getMetadata(ACCESO, clase)) as Decision | undefined;
        for (const prefijo of base) {
          for (const camino of [caminos].flat()) {
            const ruta = `/${[prefijo, camino].filter((p) => p && p !== '/').join('/')}`.replace(
              /\/+/g,
              '/',
            );
            const publicaDelTablero = clase.name === 'TableroController';
            rutas.push({
              metodo,
              ruta: publicaDelTablero ? ruta : `/api${ruta === '/' ? '' : ruta}`,
              decision,
              donde: `${clase.name}.${nombre}`,
            });
          }
        }
      }
    }
  }
  return rutas;
}

/** A concrete path for a route pattern: ids that do not exist, codes that do. */
function concreta(ruta: string): string {
  return ruta
    .replace(':fase', 'I')
    .replace(':archivo', 'interacciones-por-fase.json')
    .replace(':tipo', 'actividades')
    .replace(':id', '999999');
}

describe('the authorisation matrix', () => {
  let rutas: Ruta[];
  beforeAll(() => {
    rutas = tablaDeRutas(server.app);
  });

  it('finds the routes, and every one declares its access decision', () => {
    expect(rutas.length).toBeGreaterThan(25);
    expect(rutas.filter((r) => r.decision === undefined).map((r) => r.donde)).toEqual([]);
  });

  it('pins the decision of the sensitive routes', () => {
    const decision = (metodo: string, ruta: string) =>
      rutas.find((r) => r.metodo === metodo && r.ruta === ruta)?.decision;
    expect({
      kpis: decision('GET', '/api/v1/kpis'),
      importar: decision('POST', '/api/v1/importaciones/:tipo'),
      importaciones: decision('GET', '/api/v1/importaciones'),
      metas: decision('PUT', '/api/v1/metas/:fase/:metrica'),
      balance: decision('GET', '/api/v1/reportes/balance'),
      informe: decision('GET', '/api/v1/reportes/informe'),
      detalle: decision('GET', '/api/v1/reportes/detalle'),
      usuarios: decision('POST', '/api/v1/usuarios'),
      tokens: decision('POST', '/api/v1/tokens'),
      auditoria: decision('GET', '/api/v1/auditoria'),
      salud: decision('GET', '/api/health'),
      login: decision('POST', '/api/v1/sesion'),
      pagina: decision('GET', '/'),
    }).toEqual({
      kpis: 'tablero',
      importar: 'importar',
      importaciones: 'importar',
      metas: 'importar',
      balance: 'exportar',
      informe: 'exportar',
      detalle: 'exportar',
      usuarios: 'administrar',
      tokens: 'administrar',
      auditoria: 'administrar',
      salud: 'publico',
      login: 'publico',
      pagina: 'publico',
    });
  });

  it('answers every route × every role and no session as its decision says', async () => {
    const diferencias: string[] = [];
    for (const r of rutas) {
      // Signing out would end the sessions the matrix uses: it is tested on its own.
      if (r.metodo === 'DELETE' && r.ruta === '/api/v1/sesion') continue;
      for (const quien of [undefined, ...ROLES]) {
        const response = await pedir(r.metodo, concreta(r.ruta), {
          cookie: quien && sesiones[quien],
          cuerpo: ['POST', 'PATCH'].includes(r.metodo) ? {} : undefined,
        });
        await response.body?.cancel();
        const permitido =
          r.decision === 'publico' ||
          (quien !== undefined && PERMISOS_POR_ROL[quien].includes(r.decision as never));
        const esperado = permitido ? 'permitido' : quien ? '403' : '401';
        const obtenido = [401, 403].includes(response.status)
          ? String(response.status)
          : 'permitido';
        if (esperado !== obtenido)
          diferencias.push(
            `${r.metodo} ${r.ruta} como ${quien ?? 'anónimo'}: se esperaba ${esperado}, respondió ${response.status}`,
          );
      }
    }
    expect(diferencias).toEqual([]);
  });

  it('chart images need "imagenes" and chart workbooks "exportar", beyond the chart JSON', async () => {
    const estado = async (archivo: string, quien?: Rol) =>
      (await pedir('GET', `/api/v1/graficos/${archivo}`, { cookie: quien && sesiones[quien] }))
        .status;
    const png = 'interacciones-por-fase.png';
    expect({
      lecturaPng: await estado(png, 'lectura'),
      comunicacionesPng: await estado(png, 'comunicaciones'),
      comunicacionesXlsx: await estado('interacciones-por-fase.xlsx', 'comunicaciones'),
      analistaXlsx: await estado('interacciones-por-fase.xlsx', 'analista'),
      anonimoSvg: await estado('interacciones-por-fase.svg'),
    }).toEqual({
      lecturaPng: 403,
      comunicacionesPng: 200,
      comunicacionesXlsx: 403,
      analistaXlsx: 200,
      anonimoSvg: 401,
    });
  });
});

interface Desglose {
  filas: { clave: string; cifras: Record<string, { valor: number }> }[];
  total: Record<string, { valor: number }>;
}

describe('a user limited to departments', () => {
  let limitado: string;
  let dos: string;
  let departamentos: string[];

  beforeAll(async () => {
    // Attendance in five departments, on top of the reference data (which has one).
    const ruta = join(carpeta, 'asistencias-acceso.csv');
    await escribirAsistencias(ruta, 500);
    const form = new FormData();
    form.append('archivo', new Blob([readFileSync(ruta)]), basename(ruta));
    const importacion = await fetch(`${server.baseUrl}/api/v1/importaciones/asistencias`, {
      method: 'POST',
      body: form,
      headers: { cookie: admin },
    });
    expect(importacion.status).toBe(200);
    const { filas } = await json<Desglose>('GET', '/api/v1/desglose?por=departamento', {
      cookie: admin,
    });
    departamentos = filas
      .filter((f) => /^\d{2}$/.test(f.clave) && f.cifras.interacciones.valor > 0)
      .map((f) => f.clave)
      .slice(0, 2);
    expect(departamentos).toHaveLength(2);
    await json('POST', '/api/v1/usuarios', {
      cookie: admin,
      cuerpo: {
        usuario: 'limitado',
        clave: CLAVE,
        rol: 'analista',
        departamentos: [departamentos[0]],
      },
    });
    await json('POST', '/api/v1/usuarios', {
      cookie: admin,
      cuerpo: { usuario: 'dos-deptos', clave: CLAVE, rol: 'analista', departamentos },
    });
    limitado = await ingresar('limitado');
    dos = await ingresar('dos-deptos');
  });

  it('gets in JSON exactly the figures of their department, not the country', async () => {
    const suyo = await json<Desglose>('GET', '/api/v1/desglose?por=tipo', { cookie: limitado });
    const filtrado = await json<Desglose>(
      'GET',
      `/api/v1/desglose?por=tipo&departamento=${departamentos[0]}`,
      { cookie: admin },
    );
    const pais = await json<Desglose>('GET', '/api/v1/desglose?por=tipo', { cookie: admin });
    expect(suyo.filas).toEqual(filtrado.filas);
    expect(suyo.total).toEqual(filtrado.total);
    expect(suyo.total.interacciones.valor).toBeLessThan(pais.total.interacciones.valor);
    const kpis = async (cookie: string, consulta = '') =>
      (
        await json<{ kpis: { metrica: string; cifra: { valor: number } }[] }>(
          'GET',
          `/api/v1/kpis${consulta}`,
          { cookie },
        )
      ).kpis.map((k) => [k.metrica, k.cifra.valor]);
    expect(await kpis(limitado)).toEqual(await kpis(admin, `?departamento=${departamentos[0]}`));
  });

  it('sees only their departments in a breakdown by department, with the country’s figures for them', async () => {
    const suyo = await json<Desglose>('GET', '/api/v1/desglose?por=departamento', { cookie: dos });
    const pais = await json<Desglose>('GET', '/api/v1/desglose?por=departamento', {
      cookie: admin,
    });
    expect(suyo.filas.map((f) => f.clave).sort()).toEqual([...departamentos].sort());
    for (const fila of suyo.filas) {
      expect([fila.clave, fila.cifras.interacciones.valor]).toEqual([
        fila.clave,
        pais.filas.find((f) => f.clave === fila.clave)!.cifras.interacciones.valor,
      ]);
    }
    const cobertura = await json<{ porDepartamento: { codigo: string }[] }>(
      'GET',
      '/api/v1/cobertura',
      { cookie: dos },
    );
    expect(cobertura.porDepartamento.map((d) => d.codigo).sort()).toEqual(
      [...departamentos].sort(),
    );
    const opciones = await json<{ departamentos: { codigo: string }[] }>('GET', '/api/v1/filtros', {
      cookie: dos,
    });
    expect(opciones.departamentos.map((d) => d.codigo).sort()).toEqual([...departamentos].sort());
  });

  it('gets a chart and a workbook of their department only', async () => {
    const grafico = await json<{ filas: { clave: string }[] }>(
      'GET',
      '/api/v1/graficos/interacciones-por-departamento.json',
      { cookie: limitado },
    );
    expect(grafico.filas.map((f) => f.clave)).toEqual([departamentos[0]]);
    const svg = await pedir('GET', '/api/v1/graficos/interacciones-por-departamento.svg', {
      cookie: limitado,
    });
    expect(svg.status).toBe(200);
    const nombres = await json<{ departamentos: { codigo: string; nombre: string }[] }>(
      'GET',
      '/api/v1/filtros',
      { cookie: admin },
    );
    const nombre = (codigo: string) =>
      nombres.departamentos.find((d) => d.codigo === codigo)!.nombre;
    const dibujo = await svg.text();
    expect(dibujo).toContain(nombre(departamentos[0]));
    expect(dibujo).not.toContain(`>${nombre(departamentos[1])}<`);

    const response = await pedir('GET', '/api/v1/graficos/interacciones-por-departamento.xlsx', {
      cookie: limitado,
    });
    expect(response.status).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const textos = libro.worksheets
      .flatMap((h) => h.getSheetValues())
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(textos).toContain(nombre(departamentos[0]));
    expect(textos).not.toContain(nombre(departamentos[1]));
  });

  it('exports records and the balance of their department only', async () => {
    const detalle = async (cookie: string, consulta = '') => {
      const response = await pedir('GET', `/api/v1/reportes/detalle?formato=csv${consulta}`, {
        cookie,
      });
      expect(response.status).toBe(200);
      const [, ...filas] = (await response.text()).trim().split(/\r?\n/);
      return filas.map((f) => f.split(';')[5]);
    };
    const suyos = await detalle(limitado);
    expect(suyos.length).toBeGreaterThan(0);
    expect(suyos.filter((m) => !m.startsWith(departamentos[0]))).toEqual([]);
    expect(suyos.length).toBe((await detalle(admin, `&departamento=${departamentos[0]}`)).length);

    const hojaResumen = async (cookie: string, consulta = '') => {
      const response = await pedir('GET', `/api/v1/reportes/balance${consulta}`, { cookie });
      expect(response.status).toBe(200);
      const libro = new ExcelJS.Workbook();
      await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      return libro
        .getWorksheet('Resumen')!
        .getSheetValues()
        .filter((fila) => Array.isArray(fila) && typeof fila[2] === 'number')
        .map((fila) => [(fila as unknown[])[1], (fila as unknown[])[2]]);
    };
    const balance = await hojaResumen(limitado);
    expect(balance.length).toBeGreaterThan(0);
    expect(balance).toEqual(await hojaResumen(admin, `?departamento=${departamentos[0]}`));
    expect(balance).not.toEqual(await hojaResumen(admin));
  });

  it('gets the phase III development plans of their department only', async () => {
    type Estados = { entidades: { codigo: string; departamento: string }[] };
    const suyo = await json<Estados>('GET', '/api/v1/pdt/estados', { cookie: limitado });
    const pais = await json<Estados>('GET', '/api/v1/pdt/estados', { cookie: admin });
    expect(suyo.entidades.length).toBeGreaterThan(0);
    expect(new Set(suyo.entidades.map((e) => e.departamento))).toEqual(new Set([departamentos[0]]));
    expect(suyo.entidades.map((e) => e.codigo)).toEqual(
      pais.entidades.filter((e) => e.departamento === departamentos[0]).map((e) => e.codigo),
    );
    const otro = await pedir('GET', `/api/v1/pdt/estados?departamento=${departamentos[1]}`, {
      cookie: limitado,
    });
    expect(otro.status).toBe(403);
  });

  it('is refused another department, and the national phase summary', async () => {
    const otro = await pedir('GET', `/api/v1/kpis?departamento=${departamentos[1]}`, {
      cookie: limitado,
    });
    expect(otro.status).toBe(403);
    expect(await otro.json()).toMatchObject({ codigo: 'FUERA_DE_SUS_DEPARTAMENTOS' });
    const municipio = await pedir('GET', `/api/v1/kpis?municipio=${departamentos[1]}001`, {
      cookie: limitado,
    });
    expect(municipio.status).toBe(403);
    expect((await pedir('GET', '/api/v1/fases/I/resumen', { cookie: limitado })).status).toBe(403);
  });
});

/** One row inside department 05 and one in 76 (Valle), for each kind a department can hold. */
const FILAS_POR_TIPO: Record<string, string[][]> = {
  asistencias: [
    ['codigo_actividad', 'tipo_documento', 'numero_documento', 'codigo_municipio'],
    ['F2-TAL-01', 'CC', '61000001', '05001'],
    ['F2-TAL-01', 'CC', '61000002', '76001'],
  ],
  certificados: [
    [
      'codigo_actividad',
      'tipo_documento',
      'numero_documento',
      'codigo_municipio',
      'fecha_certificacion',
    ],
    ['F1-CURSO-YES', 'CC', '62000001', '05001', '15/07/2023'],
    ['F1-CURSO-YES', 'CC', '62000002', '76001', '15/07/2023'],
  ],
  totales: [
    ['codigo_actividad', 'metrica', 'valor', 'fecha_corte', 'codigo_territorio'],
    ['F2-TALLERES', 'asistentes_presenciales', '10', '31/12/2023', '05'],
    ['F2-TALLERES', 'asistentes_presenciales', '20', '31/12/2023', '76'],
  ],
  hitos_pdt: [
    ['codigo_entidad', 'hito', 'fecha'],
    ['05001', 'anteproyecto', '20/01/2024'],
    ['76001', 'anteproyecto', '20/01/2024'],
  ],
  asistencias_tecnicas: [
    ['fecha', 'codigo_entidad', 'tema', 'modalidad', 'oferente', 'horas', 'funcionarios'],
    ['14/03/2024', '05001', 'parte_estrategica', 'virtual', 'DNP', '2', '3'],
    ['14/03/2024', '76001', 'parte_estrategica', 'virtual', 'DNP', '2', '3'],
  ],
};
const NACIONALES = ['actividades', 'vistas', 'territorios'];

describe('the write scope of department-limited principals', () => {
  const principales: Record<string, Opciones> = {};
  let deAdmin: string;

  beforeAll(async () => {
    await json('POST', '/api/v1/usuarios', {
      cookie: admin,
      cuerpo: { usuario: 'edi05', clave: CLAVE, rol: 'editor', departamentos: ['05'] },
    });
    principales['un editor limitado a 05 (sesión)'] = { cookie: await ingresar('edi05') };
    const token = await json<{ secreto: string }>('POST', '/api/v1/tokens', {
      cookie: admin,
      cuerpo: { nombre: 'etl', rol: 'editor', departamentos: ['05'] },
    });
    principales['un token de editor limitado a 05'] = { token: token.secreto };
    const rechazada = await importarComo({ cookie: admin }, 'asistencias', [
      ['codigo_actividad', 'tipo_documento', 'numero_documento'],
      ['NO-EXISTE', 'CC', '60000001'],
    ]);
    deAdmin = rechazada.body.id as string;
  });

  async function importarComo(o: Opciones, tipo: string, filas: string[][], consulta = '') {
    const form = new FormData();
    form.append('archivo', new Blob([filas.map((f) => f.join(',')).join('\n')]), `${tipo}.csv`);
    const headers: Record<string, string> = {};
    if (o.cookie) headers.cookie = o.cookie;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/${tipo}${consulta}`, {
      method: 'POST',
      body: form,
      headers,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        filas?: { aceptadas: number; rechazadas: number };
        rechazos?: { fila: number; columna: string; valor: string; motivo: string }[];
      },
    };
  }

  it('accepts each kind’s row in 05 and rejects the one in 76, for a session and a token alike', async () => {
    const obtenidos: unknown[] = [];
    const esperados: unknown[] = [];
    for (const [quien, o] of Object.entries(principales)) {
      for (const [tipo, filas] of Object.entries(FILAS_POR_TIPO)) {
        const { status, body } = await importarComo(o, tipo, filas, '?dry_run=true');
        obtenidos.push({
          quien,
          tipo,
          status,
          aceptadas: body.filas?.aceptadas,
          rechazos: body.rechazos?.map((r) => [r.fila, r.valor, r.motivo]),
        });
        const territorio =
          filas[2][filas[0].findIndex((c) => /municipio|entidad|territorio/.test(c))];
        esperados.push({
          quien,
          tipo,
          status: 200,
          aceptadas: 1,
          rechazos: [
            [3, territorio, `el territorio ${territorio} está fuera de sus departamentos (05)`],
          ],
        });
      }
    }
    expect(obtenidos).toEqual(esperados);
  });

  it('refuses the national kinds with 403 and records nothing', async () => {
    const antes = Number((await db.query('SELECT count(*) AS n FROM importacion')).rows[0].n);
    for (const o of Object.values(principales)) {
      for (const tipo of NACIONALES) {
        const { status, body } = await importarComo(o, tipo, [['codigo'], ['X']]);
        expect([tipo, status, body.codigo]).toEqual([tipo, 403, 'FUERA_DE_SUS_DEPARTAMENTOS']);
      }
    }
    expect(Number((await db.query('SELECT count(*) AS n FROM importacion')).rows[0].n)).toBe(antes);
  });

  it('lists and opens only the imports made within their departments', async () => {
    const o = principales['un editor limitado a 05 (sesión)'];
    const propia = await importarComo(o, 'asistencias', FILAS_POR_TIPO.asistencias);
    expect(propia.body.filas).toMatchObject({ aceptadas: 1, rechazadas: 1 });
    const lista = await json<{ id: string; departamentos: string[] | null }[]>(
      'GET',
      '/api/v1/importaciones',
      o,
    );
    expect(lista.map((i) => [i.id, i.departamentos])).toEqual([[propia.body.id, ['05']]]);
    expect((await pedir('GET', `/api/v1/importaciones/${propia.body.id}/rechazos`, o)).status).toBe(
      200,
    );
    for (const ruta of [
      `/api/v1/importaciones/${deAdmin}`,
      `/api/v1/importaciones/${deAdmin}/rechazos`,
    ])
      expect([ruta, (await pedir('GET', ruta, o)).status]).toEqual([ruta, 404]);
    expect(
      (await pedir('GET', `/api/v1/importaciones/${deAdmin}/rechazos`, { cookie: admin })).status,
    ).toBe(200);
  });
});

describe('sessions and tokens', () => {
  it('a session ends when it expires, and on sign-out', async () => {
    const cookie = await ingresar('u-lectura');
    expect((await pedir('GET', '/api/v1/kpis', { cookie })).status).toBe(200);
    await db.query(
      `UPDATE sesion SET expira_en = now() - interval '1 second' WHERE usuario_id = (SELECT id FROM usuario WHERE nombre = 'u-lectura')`,
    );
    expect((await pedir('GET', '/api/v1/kpis', { cookie })).status).toBe(401);
    expect(await json('GET', '/api/v1/sesion', { cookie })).toMatchObject({ usuario: null });

    const otra = await ingresar('u-lectura');
    expect((await pedir('DELETE', '/api/v1/sesion', { cookie: otra })).status).toBe(204);
    expect((await pedir('GET', '/api/v1/kpis', { cookie: otra })).status).toBe(401);
  });

  it('a wrong password is refused like an unknown user', async () => {
    const mala = await pedir('POST', '/api/v1/sesion', {
      cuerpo: { usuario: 'ana', clave: 'no-es-la-clave' },
    });
    const nadie = await pedir('POST', '/api/v1/sesion', {
      cuerpo: { usuario: 'nadie', clave: 'no-es-la-clave' },
    });
    expect([mala.status, await mala.json()]).toEqual([nadie.status, await nadie.json()]);
    expect(mala.status).toBe(401);
  });

  it('a token is shown once, records its last use and stops working when revoked', async () => {
    const token = await json<{ id: string; secreto: string }>('POST', '/api/v1/tokens', {
      cookie: admin,
      cuerpo: { nombre: 'script de reportes', rol: 'analista' },
    });
    expect(token.secreto).toMatch(/^tjpt_[\w-]{43}$/);
    const listados = await json<Record<string, unknown>[]>('GET', '/api/v1/tokens', {
      cookie: admin,
    });
    expect(JSON.stringify(listados)).not.toContain(token.secreto);
    expect(listados.find((t) => t.id === token.id)).toMatchObject({ ultimoUso: null });

    expect((await pedir('GET', '/api/v1/kpis', { token: token.secreto })).status).toBe(200);
    expect((await pedir('GET', '/api/v1/usuarios', { token: token.secreto })).status).toBe(403);
    const usado = (
      await json<{ id: string; ultimoUso: string | null }[]>('GET', '/api/v1/tokens', {
        cookie: admin,
      })
    ).find((t) => t.id === token.id)!;
    expect(usado.ultimoUso).not.toBeNull();

    expect((await pedir('DELETE', `/api/v1/tokens/${token.id}`, { cookie: admin })).status).toBe(
      200,
    );
    const revocado = await pedir('GET', '/api/v1/kpis', { token: token.secreto });
    expect(revocado.status).toBe(401);
    expect(await revocado.json()).toMatchObject({ codigo: 'TOKEN_INVALIDO' });
  });

  it('a deactivated user loses their sessions', async () => {
    const cookie = await ingresar('u-editor');
    const { id } = (
      await json<{ id: string; nombre: string }[]>('GET', '/api/v1/usuarios', {
        cookie: admin,
      })
    ).find((u) => u.nombre === 'u-editor')!;
    await json('PATCH', `/api/v1/usuarios/${id}`, { cookie: admin, cuerpo: { activo: false } });
    expect((await pedir('GET', '/api/v1/kpis', { cookie })).status).toBe(401);
    const denuevo = await pedir('POST', '/api/v1/sesion', {
      cuerpo: { usuario: 'u-editor', clave: CLAVE },
    });
    expect(denuevo.status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records each audited action with who, when, from where and what', async () => {
    const form = new FormData();
    form.append('archivo', new Blob([Buffer.from('codigo\nX\n')]), 'actividades.csv');
    await (
      await fetch(`${server.baseUrl}/api/v1/importaciones/actividades?dry_run=true`, {
        method: 'POST',
        body: form,
        headers: { cookie: admin },
      })
    ).body?.cancel();
    await (
      await pedir('GET', '/api/v1/reportes/balance', { cookie: sesiones.analista })
    ).body?.cancel();

    type Entrada = {
      en: string;
      quien: string;
      origen: string;
      accion: string;
      detalle: Record<string, unknown>;
    };
    // An entry is written once its answer is sent: the last export's may still be on its way.
    let entradas: Entrada[] = [];
    for (let intento = 0; intento < 40; intento++) {
      entradas = await json<Entrada[]>('GET', '/api/v1/auditoria', { cookie: admin });
      if (entradas.find((e) => e.accion === 'exportacion')?.quien === 'u-analista') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const acciones = new Set(entradas.map((e) => e.accion));
    expect(
      [
        'usuario_creado',
        'inicio_sesion',
        'inicio_sesion_fallido',
        'cierre_sesion',
        'usuario_cambiado',
        'token_creado',
        'token_revocado',
        'importacion',
        'exportacion',
        'primer_admin_fallido',
      ].filter((a) => !acciones.has(a)),
    ).toEqual([]);
    expect(entradas.find((e) => e.accion === 'exportacion')).toMatchObject({
      quien: 'u-analista',
      origen: expect.stringMatching(/127\.0\.0\.1/),
      detalle: { ruta: 'GET /api/v1/reportes/balance', estado: 200 },
    });
    expect(entradas.find((e) => e.accion === 'importacion')).toMatchObject({
      quien: 'ana',
      detalle: { ruta: 'POST /api/v1/importaciones/actividades', archivo: 'actividades.csv' },
    });
    expect(
      entradas.filter((e) => e.accion === 'inicio_sesion_fallido').map((e) => e.quien),
    ).toContain('nadie');
    expect(JSON.stringify(entradas)).not.toContain(CLAVE);
  });

  it('is append-only in the database itself', async () => {
    await expect(db.query(`UPDATE auditoria SET quien = 'otro'`)).rejects.toThrow(
      /solo admite agregar/,
    );
    await expect(db.query(`DELETE FROM auditoria`)).rejects.toThrow(/solo admite agregar/);
  });

  it('exports as CSV and .xlsx with formula-safe cells', async () => {
    await pedir('POST', '/api/v1/sesion', { cuerpo: { usuario: '=HYPERLINK("x")', clave: 'x' } });
    const csv = await pedir('GET', '/api/v1/auditoria?formato=csv', { cookie: admin });
    expect(csv.status).toBe(200);
    const texto = await csv.text();
    expect(texto).toContain(`'=HYPERLINK`);
    expect(texto).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const xlsx = await pedir('GET', '/api/v1/auditoria?formato=xlsx&accion=inicio_sesion_fallido', {
      cookie: admin,
    });
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const quien = libro.worksheets[0].getColumn(3).values.filter((v) => typeof v === 'string');
    expect(quien).toContain(`'=HYPERLINK("x")`);
    expect(quien).toContain('nadie');
    const acciones = libro.worksheets[0].getColumn(5).values.filter((v) => typeof v === 'string');
    expect(new Set(acciones)).toEqual(new Set(['Acción', 'Inicio de sesión fallido']));
  });
});

describe('hardening', () => {
  it('sends security headers with a content security policy, and no CORS by default', async () => {
    const response = await pedir('GET', '/api/health');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
    const cors = await fetch(`${server.baseUrl}/api/v1/kpis`, {
      headers: { origin: 'https://otro.example', cookie: admin },
    });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the OpenAPI pages for signed-in users when the dashboard is not public', async () => {
    expect((await pedir('GET', '/api/docs-json')).status).toBe(401);
    expect((await pedir('GET', '/api/docs')).status).toBe(401);
    expect((await pedir('GET', '/api/docs-json', { cookie: sesiones.analista })).status).toBe(200);
  });

  it('answers an unknown route and a malformed body without a stack trace', async () => {
    const ruta = await pedir('GET', '/api/v1/no-existe', { cookie: admin });
    expect(ruta.status).toBe(404);
    const roto = await fetch(`${server.baseUrl}/api/v1/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"usuario": ',
    });
    expect(roto.status).toBe(400);
    const cuerpo = await roto.text();
    expect(JSON.parse(cuerpo)).toMatchObject({ codigo: 'SOLICITUD_INVALIDA' });
    expect(cuerpo).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  });

  it('limits exports and chart images per client, not the dashboard’s figures', async () => {
    const otro = await startTestApp('acceso-costoso', { EXPENSIVE_MAX_PER_MINUTE: '2' });
    try {
      const estado = async (ruta: string) => {
        const response = await fetch(otro.baseUrl + ruta);
        await response.body?.cancel();
        return response.status;
      };
      const estados = [];
      for (const ruta of [
        '/api/v1/graficos/interacciones-por-fase.svg',
        '/api/v1/graficos/interacciones-por-fase.xlsx',
        '/api/v1/reportes/balance',
        '/api/v1/graficos/interacciones-por-fase.json',
        '/api/v1/kpis',
        '/api/v1/kpis',
        '/api/v1/kpis',
      ])
        estados.push(await estado(ruta));
      expect(estados).toEqual([200, 200, 429, 200, 200, 200, 200]);
    } finally {
      await otro.close();
    }
  });

  it('throttles sign-in attempts per client', async () => {
    const otro = await startTestApp(
      'acceso-limite',
      { LOGIN_MAX_PER_MINUTE: '3' },
      {
        credencial: 'ninguna',
      },
    );
    try {
      const estados: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${otro.baseUrl}/api/v1/sesion`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ usuario: 'nadie', clave: 'no-es-la-clave' }),
        });
        estados.push(response.status);
        if (i === 4)
          expect(await response.json()).toMatchObject({ codigo: 'DEMASIADAS_SOLICITUDES' });
      }
      expect(estados).toEqual([401, 401, 401, 429, 429]);
      expect((await fetch(`${otro.baseUrl}/api/health`)).status).toBe(200);
      // Without TRUST_PROXY a forged X-Forwarded-For is not another client.
      const falsificado = await fetch(`${otro.baseUrl}/api/v1/sesion`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ usuario: 'nadie', clave: 'no-es-la-clave' }),
      });
      expect(falsificado.status).toBe(429);
    } finally {
      await otro.close();
    }
  });

  it('behind a trusted proxy, limits and audits the forwarded client address', async () => {
    const otro = await startTestApp(
      'acceso-proxy',
      { LOGIN_MAX_PER_MINUTE: '1', TRUST_PROXY: '1' },
      { credencial: 'ninguna' },
    );
    try {
      const intento = async (cliente: string) => {
        const response = await fetch(`${otro.baseUrl}/api/v1/sesion`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': cliente },
          body: JSON.stringify({ usuario: 'nadie', clave: 'no-es-la-clave' }),
        });
        await response.body?.cancel();
        return response.status;
      };
      expect([
        await intento('203.0.113.1'),
        await intento('203.0.113.1'),
        await intento('203.0.113.2'),
      ]).toEqual([401, 429, 401]);
      const db2 = new Client({ connectionString: otro.database.url });
      await db2.connect();
      const { rows } = await db2.query(`SELECT origen FROM auditoria ORDER BY id`);
      await db2.end();
      expect(rows.map((r: { origen: string }) => r.origen)).toEqual(['203.0.113.1', '203.0.113.2']);
    } finally {
      await otro.close();
    }
  });
});
