/**
 * Every view of the dashboard checked by axe-core in a real browser, on a
 * desktop screen and on a 360 px phone: no violation of any impact. And the
 * keyboard: the focus stays where a filter changed, the skip link moves it
 * without redrawing, a reversed period is refused beside the dates; on a
 * phone the filters wait in a drawer whose button says what is applied.
 */
import { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { VISTAS } from '@tablero/access';
import { abrirNavegador, nuevaPagina, PaginaVigilada, vigilarPaginas } from './support/navegador';
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

describe('keyboard and phone', () => {
  let vigilada: PaginaVigilada;
  vigilarPaginas(
    () => navegador,
    (v) => (vigilada = v),
  );

  async function abrir(ruta: string): Promise<void> {
    await vigilada.page.goto(servidor.baseUrl + ruta);
    await vigilada.page.waitForSelector('main[aria-busy="false"]');
  }

  const enfocado = () =>
    vigilada.page.evaluate<string>('document.activeElement.id || document.activeElement.tagName');

  it('keeps the focus on the filter that changed', async () => {
    const { page } = vigilada;
    await abrir('/resumen');
    const departamento = page.getByLabel('Departamento', { exact: true });
    await departamento.focus();
    await departamento.selectOption({ label: 'Tolima' });
    await page.waitForSelector('main[aria-busy="false"]');
    expect(new URL(page.url()).searchParams.get('departamento')).toBe('73');
    await expect(enfocado()).resolves.toBe('filtro-departamento');
  });

  it('moves the focus to the content with the skip link, without redrawing the view', async () => {
    const { page } = vigilada;
    await abrir('/territorio');
    await page.evaluate('window.tituloAntes = document.querySelector("main h1")');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(enfocado()).resolves.toBe('contenido');
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/territorio');
    await expect(
      page.evaluate<boolean>('window.tituloAntes === document.querySelector("main h1")'),
    ).resolves.toBe(true);
  });

  it('refuses «Desde» after «Hasta» beside the dates, asking the server nothing', async () => {
    const { page } = vigilada;
    await abrir('/resumen?hasta=2023-01-31');
    const pedidos: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) pedidos.push(r.url());
    });
    const desde = page.getByLabel('Desde', { exact: true });
    await desde.fill('2023-12-31');
    const aviso = page.getByRole('alert');
    await expect(aviso.innerText()).resolves.toBe(
      'La fecha «Desde» (31/12/2023) es posterior a la fecha «Hasta» (31/01/2023): ' +
        'elija un periodo que empiece antes de terminar.',
    );
    await expect(desde.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(desde.getAttribute('aria-describedby')).resolves.toBe('filtros-aviso-fechas');
    expect(new URL(page.url()).searchParams.get('desde')).toBeNull();
    expect(pedidos).toEqual([]);
  });

  it('on a phone, keeps the filters in a drawer whose button says what is applied', async () => {
    const { page } = vigilada;
    await page.setViewportSize({ width: 360, height: 800 });
    await abrir('/resumen?fase=II&departamento=73');
    const boton = page.getByRole('button', { name: /^Filtros/ });
    await expect(boton.innerText()).resolves.toMatch(/^Filtros\s+Fase II · Departamento: Tolima$/);
    const departamento = page.getByLabel('Departamento', { exact: true });
    await expect(departamento.isVisible()).resolves.toBe(false);
    await boton.click();
    await expect(boton.getAttribute('aria-expanded')).resolves.toBe('true');
    await departamento.focus();
    await departamento.selectOption({ label: 'Todo el país' });
    await page.waitForSelector('main[aria-busy="false"]');
    // The drawer stays open on the control that changed, and the button says the new filters.
    await expect(departamento.isVisible()).resolves.toBe(true);
    await expect(enfocado()).resolves.toBe('filtro-departamento');
    await expect(boton.innerText()).resolves.toMatch(/^Filtros\s+Fase II$/);
    // Two cards a row.
    const cajas = await page
      .locator('.tarjeta')
      .evaluateAll((t) => t.slice(0, 2).map((e) => e.getBoundingClientRect().top));
    expect(cajas[0]).toBe(cajas[1]);
  });
});
