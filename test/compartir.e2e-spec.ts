/**
 * Sharing and exporting, against the real server and the reference data, in a real browser: the
 * phases side by side with the figures of FACTS.md, files named with their filters and cut-off
 * date (by the API and by the dashboard's links alike), "Copiar enlace", and the links to the
 * balance and the report only for roles that may export.
 */
import { CredencialesService } from '@tablero/access';
import { PRESETS } from '@tablero/charts';
import { Browser, Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARPETA_CAPTURAS, capturar, nuevaPagina, tableroEnNavegador } from './support/navegador';
import { TestApp } from './support/test-app';

let servidor: TestApp;
let navegador: Browser;
let page: Page;

tableroEnNavegador('compartir', (tablero) => {
  ({ servidor, navegador, page } = tablero);
});

async function abrir(ruta: string, en: Page = page): Promise<void> {
  await en.goto(servidor.baseUrl + ruta);
  await en.waitForSelector('main[aria-busy="false"]');
}

/** FACTS.md by phase and unit; the document gives no figure for phase III, nor some units of I and II. */
const LADO_A_LADO = [
  ['Fase I', 'Actividades realizadas', '18'],
  ['Fase II', 'Actividades realizadas', '60'],
  ['Fase III', 'Actividades realizadas', 'sin dato'],
  ['Fase I', 'Vistas de webinars', '11.991'],
  ['Fase II', 'Vistas de webinars', '11.551'],
  ['Fase III', 'Vistas de webinars', 'sin dato'],
  ['Fase I', 'Personas certificadas', '20.743'],
  ['Fase II', 'Personas certificadas', 'sin dato'],
  ['Fase III', 'Personas certificadas', 'sin dato'],
  ['Fase I', 'Asistentes presenciales', '540'],
  ['Fase II', 'Asistentes presenciales', '> 4.015'],
  ['Fase III', 'Asistentes presenciales', 'sin dato'],
  ['Fase I', 'Asistentes remotos', 'sin dato'],
  ['Fase II', 'Asistentes remotos', '≈ 6.146'],
  ['Fase III', 'Asistentes remotos', 'sin dato'],
];

const disposicion = async (ruta: string, cabeceras: Record<string, string> = {}) => {
  const respuesta = await fetch(servidor.baseUrl + ruta, { headers: cabeceras });
  expect(respuesta.status).toBe(200);
  await respuesta.arrayBuffer();
  return respuesta.headers.get('content-disposition');
};

describe('Las fases lado a lado', () => {
  it('carries the source’s figures of each phase and unit, «sin dato» where there is none', async () => {
    const respuesta = await fetch(`${servidor.baseUrl}/api/v1/graficos/fases-lado-a-lado.json`);
    const { filas, fechaCorte } = (await respuesta.json()) as {
      filas: { etiqueta: string; serie: string; valor: number | null; texto: string }[];
      fechaCorte: string;
    };
    expect(filas.map((f) => [f.etiqueta, f.serie, f.texto])).toEqual(LADO_A_LADO);
    // Never a zero for a missing figure.
    expect(filas.filter((f) => f.texto === 'sin dato').every((f) => f.valor === null)).toBe(true);
    expect(fechaCorte).toBe('2023-12-31');
  });

  it('is drawn on Fases, whatever the phase chosen, with the same figures in «Ver datos»', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await abrir('/fases?fase=II');
    const panel = page.locator('[data-grafico="fases-lado-a-lado"]');
    await expect(panel.getAttribute('data-estado')).resolves.toBe('listo');
    await expect(panel.locator('.lienzo').getAttribute('aria-label')).resolves.toContain(
      'Fase I · Vistas de webinars: 11.991',
    );
    await capturar(page, 'compartir-fases-1440');
    await panel.getByRole('button', { name: 'Ver datos' }).click();
    const filas = await panel.locator('tbody tr').allInnerTexts();
    expect(filas.map((f) => f.split('\t'))).toEqual(LADO_A_LADO);
    // The phase filter does not apply to the comparison: its files do not say it.
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'PNG' }).click(),
    ]);
    expect(descarga.suggestedFilename()).toBe('fases-lado-a-lado_corte-2023-12-31.png');
    expect(descarga.url()).not.toContain('fase=');
  });

  it('fits a phone: the panels in columns of two, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await abrir('/fases?fase=I');
    const panel = page.locator('[data-grafico="fases-lado-a-lado"]');
    await expect(panel.getAttribute('data-estado')).resolves.toBe('listo');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    await capturar(page, 'compartir-fases-360');
    await abrir('/resumen');
    await capturar(page, 'compartir-resumen-360');
    await page.setViewportSize({ width: 1440, height: 900 });
    await abrir('/resumen');
    await capturar(page, 'compartir-resumen-1440');
  });

  it('renders as an image at every size preset', async () => {
    const carpeta = join(CARPETA_CAPTURAS, 'fases-lado-a-lado');
    mkdirSync(carpeta, { recursive: true });
    for (const preset of Object.keys(PRESETS)) {
      const respuesta = await fetch(
        `${servidor.baseUrl}/api/v1/graficos/fases-lado-a-lado.png?preset=${preset}`,
      );
      expect(respuesta.headers.get('content-type')).toBe('image/png');
      writeFileSync(join(carpeta, `${preset}.png`), Buffer.from(await respuesta.arrayBuffer()));
    }
  });
});

describe('File names', () => {
  it('names a filtered chart image, its data and the balance with their filters and cut-off date', async () => {
    expect(await disposicion('/api/v1/graficos/interacciones-por-fase.png?fase=II')).toBe(
      'inline; filename="interacciones-por-fase_fase-II_corte-2023-12-31.png"',
    );
    expect(
      await disposicion('/api/v1/graficos/actividades-por-tipo.xlsx?modalidad=presencial&fase=I'),
    ).toBe(
      'attachment; filename="actividades-por-tipo_fase-I_modalidad-presencial_corte-2023-12-31.xlsx"',
    );
    expect(await disposicion('/api/v1/reportes/balance?fase=II')).toBe(
      'attachment; filename="balance_fase-II_corte-2023-12-31.xlsx"',
    );
    expect(await disposicion('/api/v1/reportes/detalle?formato=csv&departamento=73')).toBe(
      'attachment; filename="detalle-asistencias_departamento-73_corte-2023-12-31.csv"',
    );
  });

  it('gives the dashboard’s links the names the API sends', async () => {
    await abrir('/fases?fase=II');
    const enlace = page.getByRole('link', { name: 'Balance de la fase II (.xlsx)' });
    const [libro] = await Promise.all([page.waitForEvent('download'), enlace.click()]);
    expect(libro.suggestedFilename()).toBe('balance_fase-II_corte-2023-12-31.xlsx');
    expect(await disposicion(new URL(libro.url()).pathname + new URL(libro.url()).search)).toBe(
      `attachment; filename="${libro.suggestedFilename()}"`,
    );
    const panel = page.locator('[data-grafico="actividades-por-tipo"]');
    await expect(panel.getAttribute('data-estado')).resolves.toBe('listo');
    const [imagen] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'SVG' }).click(),
    ]);
    expect(imagen.suggestedFilename()).toBe('actividades-por-tipo_fase-II_corte-2023-12-31.svg');
  });
});

describe('Copiar enlace', () => {
  it('puts the filtered view’s URL on the clipboard; the link opens the same view', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: servidor.baseUrl,
    });
    await abrir('/fases?fase=II&departamento=73');
    const cifras = await page.locator('.tarjeta .cifra').allInnerTexts();
    await page.getByRole('button', { name: 'Copiar enlace' }).click();
    // The clipboard answers asynchronously: the message appears once it has the link.
    await page.getByRole('status').filter({ hasText: 'Enlace copiado' }).waitFor();
    await expect(
      page.getByRole('status').filter({ hasText: 'Enlace copiado' }).count(),
    ).resolves.toBe(1);
    const copiado = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copiado).toBe(`${servidor.baseUrl}/fases?fase=II&departamento=73`);

    const otra = await nuevaPagina(navegador);
    try {
      await abrir(new URL(copiado).pathname + new URL(copiado).search, otra.page);
      await expect(otra.page.locator('h1').innerText()).resolves.toBe(
        'Fase II: Transición de Gobiernos Territoriales 2024-2027',
      );
      await expect(
        otra.page.getByLabel('Departamento', { exact: true }).inputValue(),
      ).resolves.toBe('73');
      expect(await otra.page.locator('.tarjeta .cifra').allInnerTexts()).toEqual(cifras);
      expect(otra.errores).toEqual([]);
    } finally {
      await otra.page.context().close();
    }
  });

  it('without clipboard access, selects the link in a read-only field to copy by hand', async () => {
    // As on a page served without HTTPS, or with the permission refused.
    await page.addInitScript(
      `Object.defineProperty(navigator, 'clipboard', {
         value: { writeText: () => Promise.reject(new DOMException('denegado', 'NotAllowedError')) },
       })`,
    );
    await abrir('/resumen?fase=I');
    await page.getByRole('button', { name: 'Copiar enlace' }).click();
    const campo = page.getByRole('textbox', { name: 'Enlace de esta vista' });
    await expect(campo.inputValue()).resolves.toBe(`${servidor.baseUrl}/resumen?fase=I`);
    await expect(campo.getAttribute('readonly')).resolves.toBe('');
    await expect(
      page.evaluate<string>(
        '(({ value, selectionStart, selectionEnd }) => value.slice(selectionStart, selectionEnd))(document.activeElement)',
      ),
    ).resolves.toBe(`${servidor.baseUrl}/resumen?fase=I`);
    await expect(
      page.getByRole('status').filter({ hasText: 'Copie el enlace' }).count(),
    ).resolves.toBe(1);
  });
});

describe('Links to the balance and the report', () => {
  it('are shown on Fases and Resumen to a role that may export', async () => {
    await abrir('/fases?fase=III');
    const enlaces = page.getByRole('navigation', { name: 'Informes para descargar' });
    await expect(
      enlaces.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual(['/api/v1/reportes/balance?fase=III', '/api/v1/reportes/informe?fase=III']);
    await abrir('/resumen?departamento=73');
    await expect(
      page
        .getByRole('navigation', { name: 'Informes para descargar' })
        .getByRole('link')
        .allInnerTexts(),
    ).resolves.toEqual([
      'Balance general (.xlsx)',
      'Informe de la fase I (PDF)',
      'Informe de la fase II (PDF)',
      'Informe de la fase III (PDF)',
    ]);
  });

  it('are hidden from a role that may not export (comunicaciones)', async () => {
    const { secreto } = await servidor.app.get(CredencialesService).crearToken({
      nombre: 'comunicaciones de prueba',
      rol: 'comunicaciones',
      creadoPor: 'pruebas',
    });
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${secreto}` });
    for (const [ruta, graficos] of [
      ['/fases?fase=II', 5],
      ['/resumen', 2],
    ] as const) {
      await abrir(ruta);
      expect(await page.getByRole('navigation', { name: 'Informes para descargar' }).count()).toBe(
        0,
      );
      expect(await page.locator('a[href^="/api/v1/reportes/"]').count()).toBe(0);
      // The role may still download images, and share the view.
      expect(await page.getByRole('link', { name: 'PNG' }).count()).toBe(graficos);
      expect(await page.getByRole('button', { name: 'Copiar enlace' }).count()).toBe(1);
    }
  });
});
