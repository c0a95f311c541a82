/**
 * A background export belongs to the id of the user or token that asked for
 * it, never to its name, and is reached only while its owner may still see
 * every department it holds (issue 23, item 7).
 */
import { CredencialesService, UsuariosService } from '@tablero/access';
import { startTestApp, TestApp } from './support/test-app';

let server: TestApp;
let credenciales: CredencialesService;
let usuarios: UsuariosService;

const CLAVE = 'una-clave-bastante-larga';

beforeAll(async () => {
  server = await startTestApp('exportaciones-propietario', {}, { credencial: 'ninguna' });
  credenciales = server.app.get(CredencialesService);
  usuarios = server.app.get(UsuariosService);
});

afterAll(() => server?.close());

type Credencial = { token: string } | { cookie: string };

function pedir(metodo: string, ruta: string, quien: Credencial): Promise<Response> {
  const headers: Record<string, string> =
    'token' in quien ? { authorization: `Bearer ${quien.token}` } : { cookie: quien.cookie };
  return fetch(`${server.baseUrl}/api/v1/reportes/detalle/trabajos${ruta}`, {
    method: metodo,
    headers,
  });
}

async function token(nombre: string, departamentos: string[] | null) {
  const { id, secreto } = await credenciales.crearToken({
    nombre,
    rol: 'analista',
    departamentos,
    creadoPor: 'pruebas',
  });
  return { id, token: secreto };
}

async function exportacion(quien: Credencial): Promise<string> {
  const response = await pedir('POST', '?formato=csv', quien);
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function codigo(response: Response): Promise<string> {
  return `${response.status} ${((await response.json()) as { codigo: string }).codigo}`;
}

it('keeps a token out of another token of the same name, and a revoked token out of its own', async () => {
  const nacional = await token('etl', null);
  const limitado = await token('etl', ['05']);
  const id = await exportacion(nacional);
  expect(await codigo(await pedir('GET', `/${id}`, limitado))).toBe(
    '404 EXPORTACION_NO_ENCONTRADA',
  );
  expect(await codigo(await pedir('GET', `/${id}/archivo`, limitado))).toBe(
    '404 EXPORTACION_NO_ENCONTRADA',
  );
  expect(await codigo(await pedir('DELETE', `/${id}`, limitado))).toBe(
    '404 EXPORTACION_NO_ENCONTRADA',
  );
  expect((await pedir('GET', `/${id}`, nacional)).status).toBe(200);
  await credenciales.revocarToken(nacional.id);
  expect(await codigo(await pedir('GET', `/${id}/archivo`, nacional))).toBe('401 TOKEN_INVALIDO');
  expect(await codigo(await pedir('GET', `/${id}/archivo`, limitado))).toBe(
    '404 EXPORTACION_NO_ENCONTRADA',
  );
});

it('refuses a user her earlier national export once she is limited to a department', async () => {
  const ana = await usuarios.crear({ nombre: 'ana', clave: CLAVE, rol: 'analista' });
  const ingreso = await fetch(`${server.baseUrl}/api/v1/sesion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario: 'ana', clave: CLAVE }),
  });
  const sesion = { cookie: ingreso.headers.get('set-cookie')!.split(';')[0] };
  const id = await exportacion(sesion);
  for (let intento = 0; ; intento++) {
    const trabajo = (await (await pedir('GET', `/${id}`, sesion)).json()) as { estado: string };
    if (trabajo.estado === 'lista') break;
    if (intento === 100) throw new Error(`La exportación ${id} quedó ${trabajo.estado}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await pedir('GET', `/${id}/archivo`, sesion)).status).toBe(200);

  await usuarios.cambiar(ana.id, { departamentos: ['05'] });
  expect(await codigo(await pedir('GET', `/${id}`, sesion))).toBe(
    '403 EXPORTACION_FUERA_DE_SUS_DEPARTAMENTOS',
  );
  expect(await codigo(await pedir('GET', `/${id}/archivo`, sesion))).toBe(
    '403 EXPORTACION_FUERA_DE_SUS_DEPARTAMENTOS',
  );
  const suya = await exportacion(sesion);
  expect((await pedir('GET', `/${suya}`, sesion)).status).toBe(200);

  const otro = await usuarios.crear({ nombre: 'beatriz', clave: CLAVE, rol: 'analista' });
  expect(otro.id).not.toBe(ana.id);
  const ingresoOtro = await fetch(`${server.baseUrl}/api/v1/sesion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario: 'beatriz', clave: CLAVE }),
  });
  const otraSesion = { cookie: ingresoOtro.headers.get('set-cookie')!.split(';')[0] };
  expect(await codigo(await pedir('GET', `/${suya}`, otraSesion))).toBe(
    '404 EXPORTACION_NO_ENCONTRADA',
  );
});
