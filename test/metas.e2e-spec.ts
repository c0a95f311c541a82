/**
 * Targets: set, changed and removed by editors through the API, audited,
 * refused to readers and to department-limited users, and shown at once by
 * the KPI cards as target and progress.
 */
import { AuditoriaService, CredencialesService, Rol } from '@tablero/access';
import { startTestApp, TestApp } from './support/test-app';

let server: TestApp;
const tokens: Partial<Record<string, string>> = {};

beforeAll(async () => {
  server = await startTestApp('metas');
  const credenciales = server.app.get(CredencialesService);
  const crear = async (nombre: string, rol: Rol, departamentos?: string[]) =>
    (tokens[nombre] = (
      await credenciales.crearToken({ nombre, rol, departamentos, creadoPor: 'pruebas' })
    ).secreto);
  await crear('editora', 'editor');
  await crear('lectora', 'lectura');
  await crear('editora-tolima', 'editor', ['73']);
});

afterAll(async () => {
  await server?.close();
});

async function pedir(metodo: string, ruta: string, quien: string, cuerpo?: unknown) {
  return fetch(server.baseUrl + ruta, {
    method: metodo,
    headers: {
      authorization: `Bearer ${tokens[quien]}`,
      ...(cuerpo === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
}

/** The target entries of someone, once there are as many as expected: each is written after its answer is sent. */
async function auditoria(quien: string, cuantas: number) {
  for (let intento = 0; ; intento++) {
    const entradas = (await server.app.get(AuditoriaService).listar({ quien })).filter((e) =>
      e.accion.startsWith('meta_'),
    );
    if (entradas.length >= cuantas || intento === 50) return entradas;
    await new Promise((listo) => setTimeout(listo, 100));
  }
}

async function tarjeta(fase: string, metrica: string) {
  const response = await pedir('GET', `/api/v1/kpis?fase=${fase}`, 'lectora');
  const { kpis } = (await response.json()) as {
    kpis: {
      metrica: string;
      cifra: { valor: number };
      meta: number | null;
      avance: number | null;
    }[];
  };
  return kpis.find((k) => k.metrica === metrica)!;
}

it('lets an editor set a target, which the KPI card shows with its progress at once', async () => {
  expect((await tarjeta('II', 'actividades')).meta).toBeNull();
  const response = await pedir('PUT', '/api/v1/metas/II/actividades', 'editora', { valor: 80 });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    fase: 'II',
    metrica: 'actividades',
    etiqueta: 'Actividades realizadas',
    unidad: 'actividades',
    valor: 80,
  });
  const conMeta = await tarjeta('II', 'actividades');
  expect(conMeta.meta).toBe(80);
  expect(conMeta.avance).toBeCloseTo(conMeta.cifra.valor / 80, 10);
  const { metas } = (await (await pedir('GET', '/api/v1/metas', 'lectora')).json()) as {
    metas: { fase: string; metrica: string; valor: number }[];
  };
  expect(metas).toContainEqual(
    expect.objectContaining({ fase: 'II', metrica: 'actividades', valor: 80 }),
  );
});

it('changes and removes a target, and audits each change with who and what', async () => {
  expect(
    (await pedir('PUT', '/api/v1/metas/III/asistencias', 'editora', { valor: 12000 })).status,
  ).toBe(200);
  expect(
    (await pedir('PUT', '/api/v1/metas/III/asistencias', 'editora', { valor: 15000 })).status,
  ).toBe(200);
  expect((await tarjeta('III', 'asistencias')).meta).toBe(15000);
  expect((await pedir('DELETE', '/api/v1/metas/III/asistencias', 'editora')).status).toBe(204);
  expect((await tarjeta('III', 'asistencias')).meta).toBeNull();
  expect((await pedir('DELETE', '/api/v1/metas/III/asistencias', 'editora')).status).toBe(404);
  const entradas = await auditoria('token:editora', 5);
  expect(
    entradas
      .map((e) => [e.accion, e.detalle.parametros, e.detalle.cuerpo ?? null, e.detalle.estado])
      .reverse(),
  ).toEqual([
    ['meta_fijada', { fase: 'II', metrica: 'actividades' }, { valor: 80 }, 200],
    ['meta_fijada', { fase: 'III', metrica: 'asistencias' }, { valor: 12000 }, 200],
    ['meta_fijada', { fase: 'III', metrica: 'asistencias' }, { valor: 15000 }, 200],
    ['meta_retirada', { fase: 'III', metrica: 'asistencias' }, null, 204],
    ['meta_retirada', { fase: 'III', metrica: 'asistencias' }, null, 404],
  ]);
});

it('refuses readers and department-limited editors, and audits an editor’s refused attempt', async () => {
  expect((await pedir('PUT', '/api/v1/metas/I/vistas', 'lectora', { valor: 1 })).status).toBe(403);
  const limitada = await pedir('PUT', '/api/v1/metas/I/vistas', 'editora-tolima', { valor: 1 });
  expect(limitada.status).toBe(403);
  expect(((await limitada.json()) as { mensaje: string }).mensaje).toMatch(/nacionales/);
  const { metas } = (await (await pedir('GET', '/api/v1/metas', 'lectora')).json()) as {
    metas: { fase: string; metrica: string }[];
  };
  expect(metas.filter((m) => m.metrica === 'vistas')).toEqual([]);
  const intentos = await auditoria('token:editora-tolima', 1);
  expect(intentos.map((e) => [e.accion, e.detalle.estado])).toEqual([['meta_fijada', 403]]);
});

it.each([
  ['a negative value', '/api/v1/metas/I/vistas', { valor: -5 }, /«valor»/],
  ['a value given as text', '/api/v1/metas/I/vistas', { valor: '1.000' }, /«valor»/],
  ['no value', '/api/v1/metas/I/vistas', {}, /«valor»/],
  ['an unknown phase', '/api/v1/metas/IV/vistas', { valor: 5 }, /«fase»/],
  ['a metric that is not summable', '/api/v1/metas/I/personas_unicas', { valor: 5 }, /«metrica»/],
])('answers %s with a 400 naming the parameter', async (_caso, ruta, cuerpo, mensaje) => {
  const response = await pedir('PUT', ruta, 'editora', cuerpo);
  expect(response.status).toBe(400);
  expect(((await response.json()) as { mensaje: string }).mensaje).toMatch(mensaje);
});
