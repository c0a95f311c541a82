/**
 * The alias workflow as an editor lives it, in chromium against the real
 * server: a Google Forms export with values no catalogue knows is imported,
 * each value is mapped on the Importaciones page, the rows held back run
 * again without the file, and the figures change once; audited, and the
 * page looked at on a desktop and on a phone.
 */
import { Page } from 'playwright-core';
import { ENCABEZADO_FORMULARIO, texto } from './support/fixtures';
import { capturar, tableroEnNavegador } from './support/navegador';
import { TestApp } from './support/test-app';

let servidor: TestApp;
let page: Page;

tableroEnNavegador('alias-navegador', (tablero) => {
  ({ servidor, page } = tablero);
});

async function api(metodo: string, ruta: string) {
  const response = await fetch(servidor.baseUrl + ruta, { method: metodo });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read by each test
  return { status: response.status, body: (await response.json()) as any };
}

/** The attendance figure for a filter, as the dashboard's KPI cards read it. */
async function asistencias(filtro: string): Promise<number> {
  const { body } = await api('GET', `/api/v1/kpis?${filtro}`);
  const kpi = (body.kpis as { metrica: string; cifra: { valor: number | null } }[]).find(
    (k) => k.metrica === 'asistencias',
  )!;
  return kpi.cifra.valor ?? 0;
}

const formulario = texto('Taller Ibagué (respuestas).csv', [
  ENCABEZADO_FORMULARIO,
  ['10/08/2023 9:01:00', 'a@ibague.gov.co', 'Ana', 'CC', '11122233', 'Tolima', 'Ibagué', 'CTP'],
  [
    '10/08/2023 9:02:00',
    'b@ibague.gov.co',
    'Beto',
    'CC',
    '11122234',
    'Tolima',
    'Ibagué',
    'Veedurías ciudadanas',
  ],
  [
    '10/08/2023 9:03:00',
    'c@mompox.gov.co',
    'Ciro',
    'CC',
    '11122235',
    'Bolívar',
    'Mompoz',
    'Ciudadanía en general',
  ],
]);

async function conteos(region: string): Promise<string> {
  return (await page.getByRole('region', { name: region }).locator('dl').innerText()).replace(
    /\s+/g,
    ' ',
  );
}

it('imports, maps each unknown value, runs the held rows again once, audited', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(servidor.baseUrl + '/importaciones');
  await page.waitForSelector('main[aria-busy="false"]');
  const antes = {
    grupo: await asistencias('grupo=organizaciones_sociales'),
    mompox: await asistencias('municipio=13468'),
  };
  expect(antes).toEqual({ grupo: 0, mompox: 0 });

  await page.getByLabel('Tipo de datos').selectOption('asistencias');
  await page.getByLabel('Archivo CSV o Excel').setInputFiles(formulario);
  await page.getByLabel('Actividad (Teams, Meet, formularios)').fill('F2-TAL-05');
  await page.getByRole('button', { name: 'Importar' }).click();
  const revision = page.locator('section.revision');
  await revision
    .getByRole('heading', { name: /^Valores desconocidos de la importación \d+$/ })
    .waitFor();
  expect(await conteos('Informe de validación')).toContain('Nuevas 1');
  expect(await conteos('Informe de validación')).toContain('Rechazadas 2');
  expect(
    (await revision.locator('tbody tr').allInnerTexts()).map((f) => f.split('\t').slice(0, 3)),
  ).toEqual([
    ['Grupo de valor', 'Veedurías ciudadanas', '1'],
    ['Departamento o municipio', 'Mompoz', '1'],
  ]);
  await capturar(page, 'importaciones-desconocidos-1440');

  const grupo = page.getByRole('form', { name: 'Asociar «Veedurías ciudadanas»' });
  await grupo
    .getByLabel('Se lee como')
    .selectOption({ label: 'Organizaciones sociales y comunitarias' });
  await grupo.getByRole('button', { name: 'Asociar' }).click();
  await revision
    .getByText('Organizaciones sociales y comunitarias (organizaciones_sociales)')
    .waitFor();
  const territorio = page.getByRole('form', { name: 'Asociar «Mompoz»' });
  await territorio.getByLabel('Se lee como').fill('13468');
  await territorio.getByRole('button', { name: 'Asociar' }).click();
  await revision.getByText('Santa Cruz de Mompox (Bolívar) (13468)').waitFor();
  const alias = page.locator('section.alias');
  await alias.locator('tbody tr').nth(1).waitFor();
  expect(
    (await alias.locator('tbody tr').allInnerTexts()).map((f) => f.split('\t').slice(0, 3)),
  ).toEqual([
    ['Departamento o municipio', 'Mompoz', 'Santa Cruz de Mompox (Bolívar) (13468)'],
    [
      'Grupo de valor',
      'Veedurías ciudadanas',
      'Organizaciones sociales y comunitarias (organizaciones_sociales)',
    ],
  ]);
  await capturar(page, 'importaciones-asociados-1440');

  await revision.getByRole('button', { name: 'Volver a procesar las 2 filas pendientes' }).click();
  await page
    .getByRole('region', { name: 'Informe de validación' })
    .getByRole('heading', { name: /procesadas otra vez$/ })
    .waitFor();
  expect(await conteos('Informe de validación')).toContain('Filas leídas 2 Nuevas 2');
  await revision.getByText('No quedan filas pendientes de volver a procesar.').waitFor();
  const despues = {
    grupo: await asistencias('grupo=organizaciones_sociales'),
    mompox: await asistencias('municipio=13468'),
  };
  expect(despues).toEqual({ grupo: 1, mompox: 1 });

  // Once only: the rows are resolved, a second run is refused and changes nothing.
  const [original] = (await api('GET', '/api/v1/importaciones')).body.filter(
    (i: { archivoNombre: string; reintentoDe: string | null }) =>
      i.archivoNombre === 'Taller Ibagué (respuestas).csv' && !i.reintentoDe,
  );
  expect(await api('POST', `/api/v1/importaciones/${original.id}/reintento`)).toMatchObject({
    status: 409,
    body: { codigo: 'SIN_FILAS_PENDIENTES' },
  });
  expect({
    grupo: await asistencias('grupo=organizaciones_sociales'),
    mompox: await asistencias('municipio=13468'),
  }).toEqual(despues);

  const auditadas = (await api('GET', '/api/v1/auditoria?accion=alias_creado')).body as {
    detalle: { estado: number; cuerpo: { valor: string; entrada: string } };
  }[];
  expect(
    auditadas.map((a) => [a.detalle.estado, a.detalle.cuerpo.valor, a.detalle.cuerpo.entrada]),
  ).toEqual([
    [201, 'Mompoz', '13468'],
    [201, 'Veedurías ciudadanas', 'organizaciones_sociales'],
  ]);
  const importaciones = (await api('GET', '/api/v1/auditoria?accion=importacion')).body as {
    detalle: { ruta: string; estado: number };
  }[];
  expect(importaciones.map((a) => [a.detalle.ruta, a.detalle.estado])).toEqual([
    [`POST /api/v1/importaciones/${original.id}/reintento`, 409],
    [`POST /api/v1/importaciones/${original.id}/reintento`, 200],
    ['POST /api/v1/importaciones/asistencias', 200],
  ]);
});

it('lists the imports and the aliases, retires one, and fits a 360 px phone', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(servidor.baseUrl + '/importaciones');
  await page.waitForSelector('main[aria-busy="false"]');
  const recientes = page.locator('section.recientes tbody tr');
  expect(await recientes.count()).toBe(2);
  expect(await recientes.nth(0).innerText()).toMatch(/reintento de la \d+/);
  await page.locator('section.recientes').getByRole('button', { name: 'Revisar valores' }).click();
  await page
    .locator('section.revision')
    .getByText('No quedan filas pendientes de volver a procesar.')
    .waitFor();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBe(360);
  await capturar(page, 'importaciones-360');

  const alias = page.locator('section.alias');
  await alias.locator('tbody tr').first().getByRole('button', { name: 'Retirar' }).click();
  await alias.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
  expect(await alias.locator('tbody tr').count()).toBe(1);
  expect((await api('GET', '/api/v1/alias')).body.map((a: { valor: string }) => a.valor)).toEqual([
    'Veedurías ciudadanas',
  ]);
});
