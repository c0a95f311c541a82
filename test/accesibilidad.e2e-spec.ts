/**
 * Every view of the dashboard checked by axe-core in a real browser, on a
 * desktop screen and on a 360 px phone: no violation of any impact.
 */
import { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { VISTAS } from '@tablero/access';
import { abrirNavegador, nuevaPagina } from './support/navegador';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violacion {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

let servidor: TestApp;
let navegador: Browser;

beforeAll(async () => {
  [servidor, navegador] = await Promise.all([startTestApp('accesibilidad'), abrirNavegador()]);
});

afterAll(async () => {
  await navegador?.close();
  await servidor?.close();
});

describe.each([
  { ancho: 1440, alto: 900 },
  { ancho: 360, alto: 800 },
])('at $ancho px wide', ({ ancho, alto }) => {
  it.each(VISTAS.map((v) => v.ruta))('%s has no axe violation', async (ruta) => {
    // The page's policy forbids inline scripts; axe is injected as one, so the test bypasses it.
    const { page, errores } = await nuevaPagina(
      navegador,
      { width: ancho, height: alto },
      { bypassCSP: true },
    );
    try {
      // Any cookie turns off the test server's admin token: Ingresar shows its form to a visitor.
      if (ruta === 'ingresar')
        await page.context().addCookies([{ name: 'visita', value: '1', url: servidor.baseUrl }]);
      await page.goto(`${servidor.baseUrl}/${ruta}`);
      await page.waitForSelector('main[aria-busy="false"]');
      await page.addScriptTag({ content: AXE });
      const violaciones = await page.evaluate<Violacion[]>(
        '(async () => (await axe.run(document)).violations)()',
      );
      expect(
        violaciones.map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
      expect(errores).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
