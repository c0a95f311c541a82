/**
 * Debian's chromium driven by playwright-core, as on this machine's kind
 * (`.ci/run` installs it). Every page records console errors and uncaught
 * exceptions, so that a test can fail on any of them.
 */
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the screenshots go: CI keeps test-output/. */
export const CARPETA_CAPTURAS = join(__dirname, '..', '..', 'test-output', 'capturas');

export function abrirNavegador(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PaginaVigilada {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errores: string[];
}

export async function nuevaPagina(
  navegador: Browser,
  viewport = { width: 1366, height: 768 },
  opciones: BrowserContextOptions = {},
): Promise<PaginaVigilada> {
  const contexto = await navegador.newContext({
    ...opciones,
    viewport,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    acceptDownloads: true,
  });
  const page = await contexto.newPage();
  const errores: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errores.push(`consola: ${m.text()}`);
  });
  page.on('pageerror', (e) => errores.push(`excepción: ${e.message}`));
  return { page, errores };
}

export async function capturar(page: Page, nombre: string): Promise<void> {
  mkdirSync(CARPETA_CAPTURAS, { recursive: true });
  await page.screenshot({ path: join(CARPETA_CAPTURAS, `${nombre}.png`), fullPage: true });
}

/**
 * A fresh watched page for each test of the file, handed to `alAbrir`; after
 * each test the page is closed and the test fails on any console error it saw.
 */
export function vigilarPaginas(
  navegador: () => Browser,
  alAbrir: (vigilada: PaginaVigilada) => void,
): void {
  let vigilada: PaginaVigilada;
  beforeEach(async () => {
    vigilada = await nuevaPagina(navegador());
    alAbrir(vigilada);
  });
  afterEach(async () => {
    await vigilada.page.context().close();
    expect(vigilada.errores).toEqual([]);
  });
}

/** What a dashboard test drives: its server, the browser and this test's watched page. */
export interface TableroAbierto extends PaginaVigilada {
  readonly servidor: TestApp;
  readonly navegador: Browser;
}

/**
 * The file's own server (named `nombre`) and chromium, started once and closed
 * after the file; before each test `alAbrir` gets them with a fresh watched page.
 */
export function tableroEnNavegador(
  nombre: string,
  alAbrir: (tablero: TableroAbierto) => void,
): void {
  let servidor: TestApp;
  let navegador: Browser;
  beforeAll(async () => {
    [servidor, navegador] = await Promise.all([startTestApp(nombre), abrirNavegador()]);
  });
  afterAll(async () => {
    await navegador?.close();
    await servidor?.close();
  });
  vigilarPaginas(
    () => navegador,
    (vigilada) => alAbrir({ ...vigilada, servidor, navegador }),
  );
}
