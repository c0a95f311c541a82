/**
 * The dashboard in a real browser (Debian's chromium) against the real server
 * and database holding the reference data: every view's numbers against
 * FACTS.md, filters in the URL, the click-through to a department, downloads
 * read back, the lost-connection banner, small screens; no console error anywhere.
 */
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { texto } from './support/fixtures';
import { capturar, PaginaVigilada, tableroEnNavegador } from './support/navegador';
import { TestApp } from './support/test-app';

const ejecutar = promisify(execFile);

let servidor: TestApp;
let vigilada: PaginaVigilada;
let page: Page;

tableroEnNavegador('tablero', (tablero) => {
  ({ servidor, page } = tablero);
  vigilada = tablero;
});

/** Opens a path and waits until the view and all its charts are drawn. */
async function abrir(ruta: string): Promise<void> {
  await page.goto(servidor.baseUrl + ruta);
  await esperarVista();
}

async function esperarVista(): Promise<void> {
  await page.waitForSelector('main[aria-busy="false"]');
}

async function tarjeta(grupo: string, metrica: string): Promise<string> {
  return page
    .locator('section.grupo-kpi', { has: page.getByRole('heading', { name: grupo, exact: true }) })
    .locator(`[data-metrica="${metrica}"] .cifra`)
    .innerText();
}

function consulta(): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('Resumen', () => {
  it('shows the strategy and each phase with the figures of FACTS.md, the cut-off date and the source', async () => {
    await abrir('/');
    await expect(page.title()).resolves.toBe('Resumen · Tablero JPT');
    expect(await tarjeta('Fase I: Programas de Gobierno', 'vistas')).toBe('11.991');
    expect(await tarjeta('Fase I: Programas de Gobierno', 'certificados')).toBe('20.743');
    expect(await tarjeta('Fase I: Programas de Gobierno', 'asistentes_presenciales')).toBe('540');
    const faseII = 'Fase II: Transición de Gobiernos Territoriales 2024-2027';
    expect(await tarjeta(faseII, 'vistas')).toBe('11.551');
    expect(await tarjeta(faseII, 'interacciones')).toBe('≈ 21.712');
    expect(await tarjeta(faseII, 'asistentes_presenciales')).toBe('> 4.015');
    expect(await tarjeta('Toda la estrategia', 'actividades')).toBe('78');
    await expect(page.locator('.corte').first().innerText()).resolves.toBe(
      'Cifras con corte al 31/12/2023',
    );
    await expect(page.locator('footer').innerText()).resolves.toBe(
      'Fuente: DNP (2023), Estrategia Juntos por el Territorio · Territorio: DANE, DIVIPOLA y Marco Geoestadístico Nacional',
    );
    for (const id of ['interacciones-por-fase', 'interacciones-acumuladas']) {
      const panel = page.locator(`[data-grafico="${id}"]`);
      await expect(panel.getAttribute('data-estado')).resolves.toBe('listo');
      expect(await panel.locator('svg').count()).toBe(1);
    }
    await capturar(page, '01-resumen');
  });

  it('shows a chart as an accessible table with "Ver datos"', async () => {
    await abrir('/resumen');
    const panel = page.locator('[data-grafico="interacciones-por-fase"]');
    await expect(panel.locator('.lienzo').getAttribute('aria-label')).resolves.toContain(
      'Programas de Gobierno: 33.274',
    );
    await panel.getByRole('button', { name: 'Ver datos' }).click();
    const filas = await panel.locator('table tbody tr').allInnerTexts();
    expect(filas.map((f) => f.replace(/\s+/g, ' ').trim())).toEqual([
      'Programas de Gobierno 33.274',
      'Transición de Gobiernos Territoriales 2024-2027 ≈ 21.712',
    ]);
  });

  it('prints every chart with its table, whether "Ver datos" was opened or not', async () => {
    await abrir('/resumen');
    const paneles = await page.locator('.panel[data-estado="listo"]').count();
    expect(paneles).toBeGreaterThan(1);
    const ruta = join(mkdtempSync(join(tmpdir(), 'tablero-impreso-')), 'resumen.pdf');
    await page.pdf({ path: ruta, format: 'A4' });
    const { stdout } = await ejecutar('pdftotext', ['-enc', 'UTF-8', ruta, '-']);
    rmSync(dirname(ruta), { recursive: true });
    // Each table's first column is headed «Categoría»; no chart draws that word.
    expect(stdout.match(/^Categoría$/gm)).toHaveLength(paneles);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'Interacciones registradas por fase · Toda la estrategia · Corte: 31/12/2023 Categoría',
    );
  });
  it('prints a chart much wider than the paper drawn at the paper’s width, not shrunk', async () => {
    const alAnchoDelPapel = page.waitForResponse((r) =>
      /\/fases-lado-a-lado\/panel\.svg\?.*ancho=680\b/.test(r.url()),
    );
    await abrir('/fases?fase=I');
    await alAnchoDelPapel;
    const lienzo = page.locator('[data-grafico="fases-lado-a-lado"] .lienzo svg');
    const enPantalla = Number(await lienzo.getAttribute('width'));
    expect(enPantalla).toBeGreaterThan(1000);
    await page.evaluate("dispatchEvent(new Event('beforeprint'))");
    await expect(lienzo.getAttribute('width')).resolves.toBe('680');
    await page.evaluate("dispatchEvent(new Event('afterprint'))");
    await expect(lienzo.getAttribute('width')).resolves.toBe(String(enPantalla));
    // A chart about as wide as the paper is printed as drawn: nothing more is asked for it.
    const pedidos: string[] = [];
    page.on('request', (r) => pedidos.push(r.url()));
    await abrir('/resumen');
    await page.waitForTimeout(300);
    expect(pedidos.filter((u) => /panel\.svg\?.*ancho=680\b/.test(u))).toEqual([]);
  });
});

describe('Filters', () => {
  it('keeps the filters in the URL, so that the link reproduces the view', async () => {
    await abrir('/resumen');
    await page.getByLabel('Departamento', { exact: true }).selectOption({ label: 'Tolima' });
    await esperarVista();
    expect(consulta().get('departamento')).toBe('73');
    // The launch in Ibagué: más de 300 in person; the ≈ 1.700 who joined from afar were nowhere said.
    expect(await tarjeta('Departamento: Tolima', 'interacciones')).toBe('> 300');
    await expect(page.getByRole('heading', { name: 'Toda la estrategia' }).count()).resolves.toBe(
      0,
    );
    const enlace = page.url();
    await page.goto('about:blank');
    await page.goto(enlace);
    await esperarVista();
    await expect(page.getByLabel('Departamento', { exact: true }).inputValue()).resolves.toBe('73');
    expect(await tarjeta('Departamento: Tolima', 'interacciones')).toBe('> 300');
    // Back past about:blank to the filtered page, then back once more to the unfiltered one.
    await page.goBack();
    await page.goBack();
    await esperarVista();
    expect(consulta().get('departamento')).toBe('73');
    await page.goBack();
    await esperarVista();
    expect(consulta().get('departamento')).toBeNull();
    expect(await tarjeta('Toda la estrategia', 'interacciones')).toBe('≈ 54.986');
  });

  it('clicking a bar filters the rest of the page', async () => {
    await abrir('/resumen');
    const panel = page.locator('[data-grafico="interacciones-por-fase"]');
    await panel.getByRole('button', { name: 'Ver datos' }).click();
    await panel.getByRole('button', { name: 'Programas de Gobierno' }).click();
    await esperarVista();
    expect(consulta().get('fase')).toBe('I');
    await expect(page.getByRole('heading', { level: 2 }).first().innerText()).resolves.toBe(
      'Fase I',
    );
    expect(await tarjeta('Fase I', 'interacciones')).toBe('33.274');
  });

  it('says once when there is nothing for the filters, never with zero cards or empty charts', async () => {
    await abrir('/fases?fase=III');
    await expect(page.locator('main > .vacio').allInnerTexts()).resolves.toEqual([
      'La fase III no tiene actividades ni cifras registradas para estos filtros.',
    ]);
    await expect(page.locator('.tarjeta').count()).resolves.toBe(0);
    // The phases side by side still compare phase III, «sin dato», with the others.
    await expect(
      page.locator('[data-grafico="fases-lado-a-lado"]').getAttribute('data-estado'),
    ).resolves.toBe('listo');
    // The development plans, without any milestone nor technical assistance: one message for all
    // their charts and the overdue entities, not one empty panel each.
    await expect(page.locator('.pdt .vacio').allInnerTexts()).resolves.toEqual([
      'Sin hitos de los planes de desarrollo ni asistencias técnicas registrados para estos filtros.',
    ]);
    await expect(page.locator('.pdt .nota').innerText()).resolves.toMatch(
      /^El documento fuente no trae cifras de la fase III\./,
    );
    await expect(page.locator('.pdt [data-grafico], .pdt [data-lista]').count()).resolves.toBe(0);
  });

  it('says, with a place chosen, that national and virtual activities are in no place’s figures', async () => {
    const nota = page.locator('main > p.nota', { hasText: 'no se cuentan en ningún territorio' });
    for (const ruta of ['/resumen', '/fases?fase=II', '/participacion']) {
      await abrir(ruta);
      await expect(nota.count()).resolves.toBe(0);
      await abrir(`${ruta}${ruta.includes('?') ? '&' : '?'}departamento=91`);
      await expect(nota.count()).resolves.toBe(1);
    }
    await abrir('/resumen?departamento=91');
    await expect(page.locator('main .vacio').first().innerText()).resolves.toBe(
      'Sin actividades ni cifras registradas para estos filtros.',
    );
  });

  it('rejects a malformed filter in the URL with the API’s Spanish message', async () => {
    await abrir('/resumen?desde=31-12-2023');
    await expect(page.locator('main > .error').innerText()).resolves.toMatch(/desde/);
    // The browser itself logs each refused request; the page logs nothing of its own.
    expect(vigilada.errores.every((e) => e.includes('status of 400'))).toBe(true);
    vigilada.errores.splice(0);
  });
});

describe('Fases', () => {
  it('shows each phase with its charts, and the tabs change the phase in the URL', async () => {
    await abrir('/fases');
    expect(consulta().get('fase')).toBe('I');
    await expect(page.locator('h1').innerText()).resolves.toBe('Fase I: Programas de Gobierno');
    expect(await tarjeta('Cifras de la fase I', 'certificados')).toBe('20.743');
    const tipos = page.locator('[data-grafico="actividades-por-tipo"]');
    await tipos.getByRole('button', { name: 'Ver datos' }).click();
    expect(await tipos.locator('tbody tr').allInnerTexts()).toContain('Evento subregional\t7');
    await capturar(page, '02-fase-i');

    await page
      .getByRole('navigation', { name: 'Fases' })
      .getByRole('button', { name: 'Fase II', exact: true })
      .click();
    await esperarVista();
    expect(consulta().get('fase')).toBe('II');
    expect(await tarjeta('Cifras de la fase II', 'vistas')).toBe('11.551');
    expect(await tarjeta('Cifras de la fase II', 'asistentes_remotos')).toBe('≈ 6.146');
    for (const panel of await page.locator('[data-grafico]').all()) {
      await expect(panel.getAttribute('data-estado')).resolves.toBe('listo');
    }
    await capturar(page, '03-fase-ii');
  });
});

describe('Territorio', () => {
  it('draws the map, and a click on a department drills down to its municipalities', async () => {
    await abrir('/territorio');
    await expect(page.locator('.cobertura .destacado').allInnerTexts()).resolves.toEqual([
      'Departamentos: 1 con participantes propios, 4 alcanzados solo en cifras conjuntas y 28 sin alcanzar, de 33.',
      'Municipios: 1 con participantes propios, 44 alcanzados solo en cifras conjuntas y 1.077 sin alcanzar, de 1.122.',
    ]);
    await capturar(page, '04-territorio');
    const mapa = page.locator('[data-grafico="mapa-por-departamento"]');
    const regiones = mapa.locator('svg path[fill="#eeeeee"]');
    expect(await regiones.count()).toBeGreaterThan(25);
    // Tolima (the launch in Ibagué) is the one department with figures of its own: the darkest region.
    const tolima = mapa.locator('svg path[fill="#08306b"][stroke]');
    await tolima.scrollIntoViewIfNeeded();
    const caja = (await tolima.boundingBox())!;
    // Under the pointer each region says what it is and its figure; a region without one, its name.
    const lectura = page.locator('#lectura');
    await page.mouse.move(caja.x + caja.width / 2, caja.y + caja.height / 2);
    await expect(lectura.innerText()).resolves.toBe('Tolima: > 300');
    const amazonas = (await mapa.locator('svg [data-lectura^="Amazonas:"]').boundingBox())!;
    await page.mouse.move(amazonas.x + amazonas.width / 2, amazonas.y + amazonas.height / 2);
    await expect(lectura.innerText()).resolves.toBe('Amazonas: sin cifras');
    await page.mouse.move(0, 0);
    await expect(lectura.isHidden()).resolves.toBe(true);
    await page.mouse.click(caja.x + caja.width / 2, caja.y + caja.height / 2);
    await esperarVista();
    expect(consulta().get('departamento')).toBe('73');
    // What the pointer read went with the map it was over.
    await expect(lectura.isHidden()).resolves.toBe(true);
    await expect(page.locator('h1').innerText()).resolves.toBe('Territorio: Tolima');
    const municipios = page.locator('[data-grafico="interacciones-por-municipio"]');
    await municipios.getByRole('button', { name: 'Ver datos' }).click();
    expect(await municipios.locator('tbody tr').allInnerTexts()).toEqual([
      'Ibagué (Tolima)\t> 300',
    ]);
    await capturar(page, '05-territorio-tolima');
    await page.getByRole('button', { name: '← Todo el país' }).click();
    await esperarVista();
    expect(consulta().get('departamento')).toBeNull();
  });

  it('says where the figures are when no department has one of its own', async () => {
    await abrir('/territorio?fase=I');
    const ranking = page.locator('[data-grafico="interacciones-por-departamento"]');
    // Not «sin datos»: there are figures, only none of one department's own.
    await expect(ranking.locator('.vacio').innerText()).resolves.toMatch(
      /: ningún departamento con cifra propia para estos filtros\.$/,
    );
    await expect(ranking.locator('p.nota').innerText()).resolves.toBe(
      'De las interacciones registradas: en cifras conjuntas de varios territorios, 540; ' +
        'sin territorio (virtuales o sin lugar), 32.734.',
    );
  });

  it('tells one department reached in joint figures in the singular; its ranking titled apart from its map', async () => {
    await abrir('/territorio?departamento=05');
    await expect(page.locator('.cobertura .destacado').allInnerTexts()).resolves.toEqual([
      'Departamentos: 0 con participantes propios, 1 alcanzado solo en cifras conjuntas y 0 sin alcanzar, de 1.',
      'Municipios: 0 con participantes propios, 30 alcanzados solo en cifras conjuntas y 95 sin alcanzar, de 125.',
    ]);
    await expect(page.locator('.panel h2').allInnerTexts()).resolves.toEqual([
      'Interacciones registradas por municipio',
      'Municipios con más interacciones registradas',
    ]);
  });

  it('lists the departments not yet reached', async () => {
    await abrir('/territorio');
    const sinAlcanzar = page.locator('details', { hasText: 'Departamentos sin alcanzar' });
    await sinAlcanzar.locator('summary').click();
    const nombres = await sinAlcanzar.locator('li').allInnerTexts();
    expect(nombres).toContain('Amazonas');
    expect(nombres).not.toContain('Tolima');
  });
});

describe('Participación y Actividades', () => {
  it('shows participation by group, ally and channel, and persons against attendances', async () => {
    await abrir('/participacion');
    for (const id of [
      'asistencias-por-grupo',
      'interacciones-por-aliado',
      'interacciones-por-canal',
    ]) {
      await expect(
        page.locator(`[data-grafico="${id}"]`).getAttribute('data-estado'),
      ).resolves.toMatch(/listo|vacio/);
    }
    const tarjetas = await page.locator('.tarjeta .cifra').allInnerTexts();
    // Declared figures identify no person: attendances ≈ 10.701, unique persons without records.
    expect(tarjetas).toEqual(['≈ 10.701', '—']);
    await capturar(page, '06-participacion');
  });

  it('searches, sorts and pages the activities, all in the URL', async () => {
    await abrir('/actividades');
    await expect(page.locator('caption').innerText()).resolves.toBe('78 actividades');
    await page.getByLabel('Buscar actividades').fill('taller');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await esperarVista();
    expect(consulta().get('buscar')).toBe('taller');
    await expect(page.locator('caption').innerText()).resolves.toBe(
      '38 actividades que contienen «taller»',
    );
    await page.getByRole('button', { name: 'Siguiente →' }).click();
    await esperarVista();
    expect(consulta().get('pagina')).toBe('2');
    expect(await page.locator('tbody tr').count()).toBe(13);
    await page.getByRole('button', { name: /^Código/ }).click();
    await esperarVista();
    expect(consulta().get('orden')).toBe('codigo');
    const codigos = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(codigos).toEqual([...codigos].sort());
    await capturar(page, '07-actividades');
  });

  it('dates each activity as the source does: a day, whole months, a year or none', async () => {
    await abrir('/actividades?buscar=Medell%C3%ADn');
    const fila = (codigo: string) =>
      page.locator('tbody tr', { has: page.getByRole('cell', { name: codigo, exact: true }) });
    const columna = await page.locator('thead th').allInnerTexts();
    const periodo = columna.findIndex((t) => /Fecha o periodo/.test(t));
    expect(columna.some((t) => /^(Inicio|Fin)\b/.test(t))).toBe(false);
    await expect(fila('F1-EVT-MEDELLIN').locator('td').nth(periodo).innerText()).resolves.toBe(
      'abril a julio de 2023',
    );
    await abrir('/actividades?buscar=F2-LANZAMIENTO');
    await expect(page.locator('tbody tr td').nth(periodo).innerText()).resolves.toBe('17/07/2023');
    await abrir('/actividades?buscar=F1-CURSO-YES');
    await expect(page.locator('tbody tr td').nth(periodo).innerText()).resolves.toBe('2023');
    await abrir('/actividades?buscar=F1-FICHAS');
    await expect(page.locator('tbody tr td').nth(periodo).innerText()).resolves.toBe('—');
  });
});

describe('Downloads', () => {
  it('downloads a chart as PNG, rendered by the server with the page’s filters', async () => {
    await abrir('/resumen?fase=II');
    const panel = page.locator('[data-grafico="interacciones-por-fase"]');
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'PNG' }).click(),
    ]);
    expect(descarga.suggestedFilename()).toBe(
      'interacciones-por-fase_fase-II_corte-2023-12-31.png',
    );
    expect(descarga.url()).toContain('fase=II');
    const png = PNG.sync.read(readFileSync((await descarga.path())!));
    expect([png.width, png.height]).toEqual([1200, 675]);
  });

  it('downloads the numbers of a chart as .xlsx, the same as "Ver datos"', async () => {
    await abrir('/fases?fase=I');
    const panel = page.locator('[data-grafico="actividades-por-tipo"]');
    await panel.getByRole('button', { name: 'Ver datos' }).click();
    const enPantalla = (await panel.locator('tbody tr').allInnerTexts()).map((f) => f.split('\t'));
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Datos (.xlsx)' }).click(),
    ]);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile((await descarga.path())!);
    const datos = libro.getWorksheet('Datos')!;
    const filas: string[][] = [];
    datos.eachRow((fila, n) => {
      if (n > 1) filas.push([String(fila.getCell(1).value), String(fila.getCell(3).value)]);
    });
    expect(filas).toEqual(enPantalla);
    const acerca = libro.getWorksheet('Acerca de estos datos')!;
    expect(acerca.getCell('B4').value).toBe('Fase I');
    expect(acerca.getCell('B5').value).toBe('31/12/2023');
  });
});

describe('Behaviour', () => {
  it('says when the connection is lost, retries, and recovers by itself', async () => {
    let cortes = 2;
    await page.route('**/api/v1/kpis**', (ruta) =>
      cortes-- > 0 ? ruta.abort('internetdisconnected') : ruta.continue(),
    );
    await page.goto(servidor.baseUrl + '/resumen');
    const aviso = page.locator('#conexion');
    await aviso.waitFor({ state: 'visible' });
    await expect(aviso.innerText()).resolves.toBe(
      'Se perdió la conexión con el servidor. Reintentando…',
    );
    await esperarVista();
    await expect(aviso.isHidden()).resolves.toBe(true);
    expect(await tarjeta('Toda la estrategia', 'actividades')).toBe('78');
    // The aborted requests are logged by the browser as failed loads, not by the page.
    vigilada.errores.splice(0);
  });

  it('fits a 360 px phone without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const ruta of ['/resumen', '/territorio', '/fases?fase=II', '/actividades']) {
      await abrir(ruta);
      const ancho = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect([ruta, ancho]).toEqual([ruta, 360]);
      await capturar(page, `08-telefono-${ruta.slice(1).replace(/\W+/g, '-')}`);
    }
  });

  it('breaks no word of a figure, nor a qualifier from its number, across lines', async () => {
    /** The words and qualified numbers ("≈ 1.700") of the cards' figures that a line break cuts in two. */
    const partidas = () =>
      page.evaluate<
        string[]
      >(`[...document.querySelectorAll('.tarjeta .cifra')].flatMap((cifra) => {
        const nodos = [];
        const recorrido = document.createTreeWalker(cifra, NodeFilter.SHOW_TEXT);
        for (let inicio = 0; recorrido.nextNode(); inicio += recorrido.currentNode.length)
          nodos.push({ nodo: recorrido.currentNode, inicio });
        const punto = (i) => {
          const { nodo, inicio } = nodos.findLast((n) => n.inicio <= i);
          return [nodo, i - inicio];
        };
        const texto = cifra.textContent;
        return [...texto.matchAll(/[≈>] \\S+|\\S+/g)].flatMap((pieza) => {
          const rango = document.createRange();
          rango.setStart(...punto(pieza.index));
          rango.setEnd(...punto(pieza.index + pieza[0].length - 1));
          rango.setEnd(rango.endContainer, rango.endOffset + 1);
          const lineas = new Set([...rango.getClientRects()].map((r) => Math.round(r.top)));
          return lineas.size > 1 ? [pieza[0]] : [];
        });
      })`);
    for (const ancho of [1440, 360]) {
      await page.setViewportSize({ width: ancho, height: 900 });
      await abrir('/resumen?tipo=lanzamiento');
      await expect(tarjeta('Tipo: Lanzamiento', 'interacciones')).resolves.toBe(
        '> 300 presenciales · ≈ 1.700 remotos',
      );
      expect([ancho, await partidas()]).toEqual([ancho, []]);
    }
  });

  it('draws the charts again when the window narrows, at its width, their titles wrapped inside the canvas', async () => {
    /**
     * The text of each chart drawn past its canvas's left or right edge, and each drawing made for
     * another width than its canvas's (in the steps of ten pixels it is asked for in), only
     * stretched to it: its type would shrink with it.
     */
    const medir = () =>
      page.evaluate<string[]>(`(async () => {
        await new Promise((listo) => requestAnimationFrame(() => requestAnimationFrame(listo)));
        return [...document.querySelectorAll('.lienzo svg')].flatMap((svg) => {
          const lienzo = svg.getBoundingClientRect();
          const esperado = Math.max(200, Math.floor(svg.parentElement.clientWidth / 10) * 10);
          const dibujado = Number(svg.getAttribute('width'));
          return [...svg.querySelectorAll('text')]
            .filter((t) => {
              const caja = t.getBoundingClientRect();
              return caja.width > 0 && (caja.left < lienzo.left - 1 || caja.right > lienzo.right + 1);
            })
            .map((t) => t.textContent)
            .concat(dibujado === esperado ? [] : ['dibujado a ' + dibujado + ' px en ' + esperado]);
        });
      })()`);
    // The redraw follows the window's resize event by a frame or two: measured again until it
    // settles, for two seconds at most.
    const desbordados = async () => {
      let vistos = await medir();
      for (let intento = 0; vistos.length && intento < 20; intento++) {
        await page.waitForTimeout(100);
        vistos = await medir();
      }
      return vistos;
    };
    for (const ruta of ['/resumen', '/participacion']) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await abrir(ruta);
      await expect(desbordados()).resolves.toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      await expect(desbordados()).resolves.toEqual([]);
      await capturar(page, `08-telefono-tras-achicar-${ruta.slice(1)}`);
    }
  });

  it('is keyboard navigable: skip link first, then the menu', async () => {
    await abrir('/resumen');
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe(
      'Ir al contenido',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe(
      'Fases',
    );
    await page.keyboard.press('Enter');
    await esperarVista();
    expect(new URL(page.url()).pathname).toBe('/fases');
  });
});

describe('Importaciones', () => {
  it('uploads a file, shows the validation report and offers the rejected rows', async () => {
    await abrir('/importaciones');
    await expect(page.getByLabel('Departamento', { exact: true }).isVisible()).resolves.toBe(false);
    const archivo = texto('asistencias-desde-el-tablero.csv', [
      ['codigo_actividad', 'tipo_documento', 'numero_documento'],
      ['F2-TAL-05', 'CC', '11111111'],
      ['NO-EXISTE', 'CC', '22222222'],
    ]);
    await page.getByLabel('Tipo de datos').selectOption('asistencias');
    await page.getByLabel('Archivo CSV o Excel').setInputFiles(archivo);
    await page.getByRole('button', { name: 'Importar' }).click();
    const informe = page.getByRole('region', { name: 'Informe de validación' });
    await informe.waitFor();
    const conteos = await informe.locator('dl').innerText();
    expect(conteos.replace(/\s+/g, ' ')).toContain('Nuevas 1');
    expect(conteos.replace(/\s+/g, ' ')).toContain('Rechazadas 1');
    const rechazo = await informe.locator('tbody tr').innerText();
    expect(rechazo).toMatch(/^3\t/);
    expect(rechazo).toMatch(/NO-EXISTE/);
    await capturar(page, '09-importaciones');
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      informe.getByRole('link', { name: /filas rechazadas/ }).click(),
    ]);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile((await descarga.path())!);
    expect(libro.worksheets[0].rowCount).toBeGreaterThanOrEqual(2);
  });
});
