/**
 * Signing in from the dashboard in a real browser: the first administrator
 * with the server's one-time code, a reader who sees no Importaciones and no
 * downloads, an editor who does and sets a phase target, an administrator who
 * manages users and tokens and reads the audit log, signing out; the content
 * security policy holds on every page (a violation is a console error, and
 * any fails the test).
 */
import { PrimerAdministrador, UsuariosService } from '@tablero/access';
import { Browser, Page } from 'playwright-core';
import { abrirNavegador, capturar, vigilarPaginas } from './support/navegador';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const CLAVE = 'una-clave-larga-de-prueba';

let servidor: TestApp;
let navegador: Browser;
let page: Page;

beforeAll(async () => {
  [servidor, navegador] = await Promise.all([
    startTestApp('ingreso', {}, { credencial: 'ninguna' }),
    abrirNavegador(),
  ]);
});

afterAll(async () => {
  await navegador?.close();
  await servidor?.close();
});

vigilarPaginas(
  () => navegador,
  (v) => (page = v.page),
);

async function entrar(usuario: string): Promise<void> {
  await page.goto(`${servidor.baseUrl}/resumen`);
  await page.waitForURL(/\/ingresar/);
  await page.getByLabel('Usuario').fill(usuario);
  await page.getByLabel('Clave').fill(CLAVE);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(/\/resumen/);
  await page.waitForSelector('main[aria-busy="false"]');
}

const menu = () => page.locator('#menu a').allInnerTexts();

it('creates the first administrator with the one-time code in the link the server printed', async () => {
  const codigo = servidor.app.get(PrimerAdministrador).codigo!;
  const respuesta = await page.goto(`${servidor.baseUrl}/ingresar?codigo=${codigo}`);
  expect(respuesta?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
  await page.getByRole('heading', { name: 'Crear el primer administrador' }).waitFor();
  expect(await page.getByLabel('Código').inputValue()).toBe(codigo);
  await capturar(page, 'ingreso-primer-administrador');
  await page.getByLabel('Usuario').fill('ana');
  await page.getByLabel('Clave').fill(CLAVE);
  await page.getByRole('button', { name: 'Crear y entrar' }).click();
  await page.waitForURL(/\/resumen/);
  await page.waitForSelector('main[aria-busy="false"]');
  expect(await page.locator('#cuenta').innerText()).toMatch(/ana \(admin\)/);
  expect(await menu()).toContain('Importaciones');
  // The OpenAPI pages render under the same content security policy.
  await page.goto(`${servidor.baseUrl}/api/docs`);
  await page.locator('.opblock').first().waitFor();
});

it('a reader signs in, sees the dashboard without Importaciones or downloads, and signs out', async () => {
  await servidor.app.get(UsuariosService).crear({ nombre: 'lector', clave: CLAVE, rol: 'lectura' });
  await entrar('lector');
  await capturar(page, 'ingreso-lectura-resumen');
  expect(await menu()).toEqual(['Resumen', 'Fases', 'Territorio', 'Participación', 'Actividades']);
  expect(await page.locator('[data-grafico]').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-grafico] a', { hasText: /PNG|SVG|xlsx/ }).count()).toBe(0);
  await page.goto(`${servidor.baseUrl}/importaciones`);
  await page.getByText('Su rol no permite ver Importaciones.').waitFor();
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.waitForURL(/\/ingresar/);
  const sesion = await page.evaluate(() => fetch('/api/v1/sesion').then((r) => r.json()));
  expect(sesion).toMatchObject({ usuario: null });
});

it('an editor sees Importaciones and the downloads', async () => {
  await servidor.app.get(UsuariosService).crear({ nombre: 'editora', clave: CLAVE, rol: 'editor' });
  await entrar('editora');
  expect(await menu()).toContain('Importaciones');
  expect(
    await page.locator('[data-grafico]').first().locator('a', { hasText: 'PNG' }).count(),
  ).toBe(1);
  await page.locator('#menu a', { hasText: 'Importaciones' }).click();
  await page.locator('main select[name="tipo"]').waitFor();
  expect(await page.locator('#filtros').isHidden()).toBe(true);
});

it('an editor sets a phase target, Resumen measures the phase against it, and the editor removes it', async () => {
  await servidor.app
    .get(UsuariosService)
    .crear({ nombre: 'planeacion', clave: CLAVE, rol: 'editor' });
  await entrar('planeacion');
  await page.locator('#menu a', { hasText: 'Importaciones' }).click();
  await page.getByText('Ninguna fase tiene metas todavía.').waitFor();
  const fijar = page.locator('form[aria-label="Fijar una meta"]');
  await fijar.getByLabel('Fase').selectOption('II');
  await fijar.getByLabel('Métrica').selectOption({ label: 'Actividades realizadas' });
  await fijar.getByLabel('Meta').fill('50');
  await fijar.getByRole('button', { name: 'Fijar meta' }).click();
  const metas = page.locator('table', {
    has: page.locator('caption', { hasText: 'Metas vigentes' }),
  });
  await metas.waitFor();
  expect(await metas.locator('tbody tr').allInnerTexts()).toEqual([
    'Fase II\tActividades realizadas\t50\tRetirar',
  ]);
  await capturar(page, 'ingreso-metas');
  await page.locator('#menu a', { hasText: 'Resumen' }).click();
  await page.waitForSelector('main[aria-busy="false"]');
  const faseII = page.locator('section.grupo-kpi', { hasText: 'Fase II' });
  const { kpis } = (await page.evaluate(() =>
    fetch('/api/v1/kpis?fase=II').then((r) => r.json()),
  )) as { kpis: { metrica: string; cifra: { valor: number } }[] };
  const actividades = kpis.find((k) => k.metrica === 'actividades')!.cifra.valor;
  await faseII.getByText(`${Math.round((actividades / 50) * 100)} % de la meta (50)`).waitFor();
  await page.locator('#menu a', { hasText: 'Importaciones' }).click();
  await page.getByRole('button', { name: 'Retirar' }).click();
  await page.getByText('Ninguna fase tiene metas todavía.').waitFor();
});

it('an administrator manages users and API tokens and reads the audit log in Administración', async () => {
  await servidor.app.get(UsuariosService).crear({ nombre: 'jefa', clave: CLAVE, rol: 'admin' });
  await entrar('jefa');
  await page.locator('#menu a', { hasText: 'Administración' }).click();
  const usuarios = page.locator('table', {
    has: page.locator('caption', { hasText: 'Usuarios del tablero' }),
  });
  await usuarios.locator('tr', { hasText: 'jefa' }).waitFor();
  const nuevo = page.locator('form[aria-label="Nuevo usuario"]');
  await nuevo.getByLabel('Usuario').fill('analista-antioquia');
  await nuevo.getByLabel('Clave').fill(CLAVE);
  await nuevo.getByLabel('Rol').selectOption('analista');
  await nuevo.getByLabel('Departamentos').fill('05');
  await nuevo.getByRole('button', { name: 'Crear usuario' }).click();
  const fila = usuarios.locator('tr', { hasText: 'analista-antioquia' });
  expect((await fila.innerText()).split('\t').slice(0, 4)).toEqual([
    'analista-antioquia',
    'analista',
    '05',
    'Activo',
  ]);
  await fila.getByRole('button', { name: 'Desactivar' }).click();
  await usuarios.locator('tr', { hasText: 'analista-antioquia' }).getByText('Inactivo').waitFor();

  const token = page.locator('form[aria-label="Nuevo token"]');
  await token.getByLabel('Nombre').fill('carga-semanal');
  await token.getByLabel('Rol').selectOption('lectura');
  await token.getByRole('button', { name: 'Crear token' }).click();
  const secreto = await page.locator('p.secreto code').innerText();
  expect(secreto).toMatch(/^tjpt_/);
  const conToken = () =>
    fetch(`${servidor.baseUrl}/api/v1/kpis`, { headers: { authorization: `Bearer ${secreto}` } });
  expect((await conToken()).status).toBe(200);
  const tokens = page.locator('table', {
    has: page.locator('caption', { hasText: 'Tokens de API' }),
  });
  await tokens
    .locator('tr', { hasText: 'carga-semanal' })
    .getByRole('button', { name: 'Revocar' })
    .click();
  await tokens
    .locator('tr', { hasText: 'carga-semanal' })
    .getByText(/^Revocado el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    .waitFor();
  expect(await page.locator('p.secreto').count()).toBe(0);
  expect((await conToken()).status).toBe(401);

  await page.reload();
  const auditoria = page.locator('table', {
    has: page.locator('caption', { hasText: 'entradas' }),
  });
  await auditoria.waitFor();
  const filas = (await auditoria.locator('tbody tr').allInnerTexts()).map((f) => f.split('\t'));
  expect(filas.map((f) => f[3])).toEqual(
    expect.arrayContaining([
      'Usuario creado',
      'Usuario cambiado',
      'Token de API creado',
      'Token de API revocado',
    ]),
  );
  for (const f of filas) expect(f[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  expect(await page.getByRole('link', { name: 'Descargar (.csv)' }).getAttribute('href')).toBe(
    '/api/v1/auditoria?formato=csv',
  );
  await capturar(page, 'ingreso-administracion');
});
