/**
 * Signing in from the dashboard in a real browser: the first administrator
 * with the server's one-time code, a reader who sees no Importaciones and no
 * downloads, an editor who does, signing out; the content security policy
 * holds on every page (a violation is a console error, and any fails the test).
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
