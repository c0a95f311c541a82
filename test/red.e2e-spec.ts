/**
 * The dashboard on a slow link, over real HTTP: hashed assets cached for a year and
 * served pre-compressed (brotli or gzip) by Accept-Encoding, the page revalidated on each
 * visit, JSON compressed, ETag and 304 under the data version, and a first visit that
 * asks for its data without waiting for the session first: the page names the view's answers
 * as preloads, and each chart's drawing comes from the server, compressed and revalidated.
 */
import { CredencialesService } from '@tablero/access';
import { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { get, IncomingHttpHeaders } from 'node:http';
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { texto } from './support/fixtures';
import { abrirNavegador } from './support/navegador';
import { startTestApp, TestApp } from './support/test-app';

let servidor: TestApp;

beforeAll(async () => {
  servidor = await startTestApp('red');
});

afterAll(async () => {
  await servidor?.close();
});

interface Cruda {
  readonly estado: number;
  readonly cabeceras: IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decompressed. */
  readonly cuerpo: Buffer;
}

/** A GET whose body is kept as sent (fetch would decompress it). */
function pedirCrudo(ruta: string, cabeceras: Record<string, string> = {}): Promise<Cruda> {
  return new Promise((resolver, rechazar) => {
    get(`${servidor.baseUrl}${ruta}`, { headers: cabeceras }, (respuesta) => {
      const partes: Buffer[] = [];
      respuesta.on('data', (parte: Buffer) => partes.push(parte));
      respuesta.on('end', () =>
        resolver({
          estado: respuesta.statusCode!,
          cabeceras: respuesta.headers,
          cuerpo: Buffer.concat(partes),
        }),
      );
      respuesta.on('error', rechazar);
    }).on('error', rechazar);
  });
}

const DESCOMPRIMIR: Record<string, (cuerpo: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

type Activo = 'guion' | 'estilos';

/** The asset paths the served page names: its script and its style sheet. */
async function activosDeLaPagina(): Promise<Record<Activo, string>> {
  const { cuerpo } = await pedirCrudo('/resumen');
  const html = cuerpo.toString('utf8');
  const buscar = (patron: RegExp) => {
    const hallado = patron.exec(html)?.[1];
    if (!hallado) throw new Error(`La página no nombra ${patron.source}:\n${html}`);
    return hallado;
  };
  return {
    guion: buscar(/<script type="module" src="([^"]+)"/),
    estilos: buscar(/<link rel="stylesheet" href="([^"]+)"/),
  };
}

describe('static assets', () => {
  const TIPOS: Record<Activo, string> = {
    guion: 'text/javascript; charset=utf-8',
    estilos: 'text/css; charset=utf-8',
  };

  it.each(Object.keys(TIPOS) as Activo[])(
    'the %s has a hashed name, is immutable, and its br and gz decompress to the same bytes',
    async (activo) => {
      const ruta = (await activosDeLaPagina())[activo];
      expect(basename(ruta)).toMatch(/^[a-z]+-[A-Z0-9]{8}\.(js|css)$/);
      const original = await pedirCrudo(ruta, { 'accept-encoding': 'identity' });
      expect(original.estado).toBe(200);
      expect(original.cabeceras['content-encoding']).toBeUndefined();
      expect(original.cabeceras['content-type']?.toLowerCase()).toBe(TIPOS[activo]);
      for (const [pedida, servida] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0.5, gzip', 'br'],
      ]) {
        const comprimida = await pedirCrudo(ruta, { 'accept-encoding': pedida });
        // The charset's case differs between the compressed and the plain file; both are valid.
        const tipo = comprimida.cabeceras['content-type']?.toLowerCase();
        expect({ pedida, tipo, ...comprimida.cabeceras }).toMatchObject({
          pedida,
          tipo: TIPOS[activo],
          'content-encoding': servida,
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'Accept-Encoding',
        });
        expect(comprimida.cuerpo.length).toBeLessThan(original.cuerpo.length / 2.5);
        expect(DESCOMPRIMIR[servida](comprimida.cuerpo).equals(original.cuerpo)).toBe(true);
      }
    },
  );

  it('serves the page itself to be revalidated on every visit, never kept', async () => {
    const pagina = await pedirCrudo('/territorio', { 'accept-encoding': 'gzip' });
    expect(pagina.estado).toBe(200);
    expect(pagina.cabeceras['cache-control']).toBe('private, no-cache');
    expect(pagina.cabeceras['content-type']).toBe('text/html; charset=utf-8');
    expect(pagina.cabeceras['content-encoding']).toBe('gzip');
    const etiqueta = pagina.cabeceras.etag!;
    const otra = await pedirCrudo('/territorio', { 'if-none-match': etiqueta });
    expect(otra.estado).toBe(304);
  });

  it('writes the caller’s session into the page, the same that /api/v1/sesion answers', async () => {
    const html = (await pedirCrudo('/resumen')).cuerpo.toString('utf8');
    const bloque = /<script type="application\/json" id="sesion">(.*?)<\/script>/.exec(html);
    expect(bloque).not.toBeNull();
    const sesion = (await (await fetch(`${servidor.baseUrl}/api/v1/sesion`)).json()) as object;
    expect(JSON.parse(bloque![1])).toEqual(sesion);
    expect(sesion).toMatchObject({ usuario: { rol: 'admin' } });
  });

  it('writes the filter bar’s values into a view’s page, as /api/v1/filtros answers each caller', async () => {
    const escritas = async (ruta: string, cabeceras: Record<string, string> = {}) => {
      const html = (await pedirCrudo(ruta, cabeceras)).cuerpo.toString('utf8');
      const bloque =
        /<script type="application\/json" id="opciones-de-filtro">(.*?)<\/script>/.exec(html);
      return bloque ? (JSON.parse(bloque[1]) as { departamentos: object[] }) : null;
    };
    const filtros = async (cabeceras: Record<string, string> = {}) =>
      (await fetch(`${servidor.baseUrl}/api/v1/filtros`, { headers: cabeceras })).json();
    const nacional = await escritas('/territorio?fase=II');
    expect(nacional).toEqual(await filtros());
    expect(nacional!.departamentos.length).toBeGreaterThan(30);
    const lector = await servidor.app.get(CredencialesService).crearToken({
      nombre: 'lector del Tolima, en la página',
      rol: 'lectura',
      departamentos: ['73'],
      creadoPor: 'pruebas',
    });
    const suya = { authorization: `Bearer ${lector.secreto}` };
    const delTolima = await escritas('/resumen', suya);
    expect(delTolima!.departamentos).toEqual([{ codigo: '73', nombre: 'Tolima' }]);
    expect(delTolima).toEqual(await filtros(suya));
    // A view without the filter bar carries none.
    expect(await escritas('/importaciones')).toBeNull();
  });
});

/** Imports one attendance of each person to a phase II workshop in Ibagué; the answer's status. */
async function importar(documentos: readonly string[]): Promise<number> {
  const ruta = texto(`asistencias-${documentos[0]}.csv`, [
    ['codigo_actividad', 'tipo_documento', 'numero_documento', 'codigo_municipio'],
    ...documentos.map((documento) => ['F2-TAL-01', 'CC', documento, '73001']),
  ]);
  const form = new FormData();
  form.append('archivo', new Blob([readFileSync(ruta)]), basename(ruta));
  const respuesta = await fetch(`${servidor.baseUrl}/api/v1/importaciones/asistencias`, {
    method: 'POST',
    body: form,
  });
  return respuesta.status;
}

describe('API answers', () => {
  it('compresses JSON by Accept-Encoding, and not for a client that asks for none', async () => {
    const plano = await pedirCrudo('/api/v1/filtros');
    expect(plano.cabeceras['content-encoding']).toBeUndefined();
    const filtros = JSON.parse(plano.cuerpo.toString('utf8')) as object;
    for (const metodo of ['br', 'gzip']) {
      const comprimido = await pedirCrudo('/api/v1/filtros', { 'accept-encoding': metodo });
      expect(comprimido.cabeceras).toMatchObject({
        'content-encoding': metodo,
        'content-type': 'application/json; charset=utf-8',
      });
      expect(comprimido.cabeceras.vary).toMatch(/Accept-Encoding/);
      expect(comprimido.cuerpo.length).toBeLessThan(plano.cuerpo.length / 3);
      expect(JSON.parse(DESCOMPRIMIR[metodo](comprimido.cuerpo).toString('utf8'))).toEqual(filtros);
    }
  });

  it('does not compress a PNG again; a CSV download streams compressed and reads back', async () => {
    const png = await pedirCrudo('/api/v1/graficos/interacciones-por-fase.png', {
      'accept-encoding': 'gzip, br',
    });
    expect(png.estado).toBe(200);
    expect(png.cabeceras['content-encoding']).toBeUndefined();
    expect(png.cuerpo.subarray(1, 4).toString('latin1')).toBe('PNG');
    const personas = Array.from({ length: 60 }, (_, i) => String(5500000 + i));
    expect(await importar(personas)).toBe(200);
    const csv = await pedirCrudo('/api/v1/reportes/detalle?formato=csv', {
      'accept-encoding': 'gzip',
    });
    expect(csv.estado).toBe(200);
    expect(csv.cabeceras['content-encoding']).toBe('gzip');
    const lineas = gunzipSync(csv.cuerpo).toString('utf8').trim().split(/\r?\n/);
    expect(lineas[0]).toMatch(/codigo_actividad/);
    expect(lineas).toHaveLength(1 + personas.length);
  });

  it('sends a panel’s drawing compressed, and answers 304 to the drawing the browser holds', async () => {
    const ruta = '/api/v1/graficos/mapa-por-municipio/panel.svg?ancho=360';
    const plano = await pedirCrudo(ruta);
    expect(plano.estado).toBe(200);
    expect(plano.cabeceras['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(plano.cabeceras['cache-control']).toBe('private, no-cache');
    for (const metodo of ['br', 'gzip']) {
      const comprimido = await pedirCrudo(ruta, { 'accept-encoding': metodo });
      expect(comprimido.cabeceras['content-encoding']).toBe(metodo);
      expect(comprimido.cuerpo.length).toBeLessThan(plano.cuerpo.length / 3);
      expect(DESCOMPRIMIR[metodo](comprimido.cuerpo).equals(plano.cuerpo)).toBe(true);
    }
    const revalidado = await pedirCrudo(ruta, { 'if-none-match': plano.cabeceras.etag! });
    expect(revalidado.estado).toBe(304);
    // Another width is another drawing.
    const otroAncho = await pedirCrudo(ruta.replace('360', '720'), {
      'if-none-match': plano.cabeceras.etag!,
    });
    expect(otroAncho.estado).toBe(200);
    expect(otroAncho.cuerpo.toString('utf8')).toMatch(/^<svg width="720" /);
    // Widths go in steps of ten: a few hundred drawings at most per chart and filters.
    const suelto = await pedirCrudo(ruta.replace('360', '365'));
    expect(suelto.estado).toBe(400);
    expect(JSON.parse(suelto.cuerpo.toString('utf8'))).toMatchObject({
      codigo: 'PARAMETRO_INVALIDO',
      mensaje: expect.stringContaining('múltiplo de 10'),
    });
  });

  it('answers 304 to a figure the browser holds, until the query, the scope or the data change', async () => {
    const kpis = await pedirCrudo('/api/v1/kpis?fase=II');
    expect(kpis.estado).toBe(200);
    expect(kpis.cabeceras['cache-control']).toBe('private, no-cache');
    const etiqueta = kpis.cabeceras.etag!;
    expect(etiqueta).toMatch(/^W\/"[\w-]{27}"$/);

    const revalidada = await pedirCrudo('/api/v1/kpis?fase=II', { 'if-none-match': etiqueta });
    expect(revalidada.estado).toBe(304);
    expect(revalidada.cuerpo.length).toBe(0);

    const otraConsulta = await pedirCrudo('/api/v1/kpis?fase=III', { 'if-none-match': etiqueta });
    expect(otraConsulta.estado).toBe(200);
    expect(otraConsulta.cabeceras.etag).not.toBe(etiqueta);

    const lector = await servidor.app.get(CredencialesService).crearToken({
      nombre: 'lector del Tolima',
      rol: 'lectura',
      departamentos: ['73'],
      creadoPor: 'pruebas',
    });
    const otroAmbito = await pedirCrudo('/api/v1/kpis?fase=II', {
      'if-none-match': etiqueta,
      authorization: `Bearer ${lector.secreto}`,
    });
    expect(otroAmbito.estado).toBe(200);
    expect(otroAmbito.cabeceras.etag).not.toBe(etiqueta);

    expect(await importar(['7766554433'])).toBe(200);

    const trasImportar = await pedirCrudo('/api/v1/kpis?fase=II', { 'if-none-match': etiqueta });
    expect(trasImportar.estado).toBe(200);
    const nueva = trasImportar.cabeceras.etag!;
    expect(nueva).not.toBe(etiqueta);
    expect(JSON.parse(trasImportar.cuerpo.toString('utf8'))).not.toEqual(
      JSON.parse(kpis.cuerpo.toString('utf8')),
    );
    expect((await pedirCrudo('/api/v1/kpis?fase=II', { 'if-none-match': nueva })).estado).toBe(304);
  });
});

describe('first visit in chromium', () => {
  let navegador: Browser;

  beforeAll(async () => {
    navegador = await abrirNavegador();
  });

  afterAll(async () => {
    await navegador?.close();
  });

  it('asks for the figures at once, without a round trip for the session or the filters', async () => {
    const contexto = await navegador.newContext();
    const page = await contexto.newPage();
    const sucesos: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) sucesos.push(`pide ${new URL(r.url()).pathname}`);
    });
    page.on('response', (r) => {
      if (r.url().includes('/api/')) sucesos.push(`recibe ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${servidor.baseUrl}/resumen`);
    await page.waitForSelector('main[aria-busy="false"]');
    await contexto.close();
    expect(sucesos).not.toContain('pide /api/v1/sesion');
    expect(sucesos).not.toContain('pide /api/v1/filtros');
    const primeraRespuesta = sucesos.findIndex((s) => s.startsWith('recibe'));
    expect(sucesos.slice(0, primeraRespuesta).sort()).toEqual(
      expect.arrayContaining([
        'pide /api/v1/kpis',
        'pide /api/v1/graficos/interacciones-por-fase.json',
      ]),
    );
  });

  it('names in the page what each view asks for, and the view uses each answer once', async () => {
    const visitar = async (ruta: string) => {
      const html = (await pedirCrudo(ruta)).cuerpo.toString('utf8');
      const precargas = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map(
        (m) => m[1].replace(/&amp;/g, '&'),
      );
      const contexto = await navegador.newContext();
      const page = await contexto.newPage();
      const pedidos: string[] = [];
      const avisos: string[] = [];
      page.on('request', (r) => {
        const { pathname, search } = new URL(r.url());
        if (pathname.startsWith('/api/')) pedidos.push(pathname + search);
      });
      page.on('console', (m) => {
        if (/preload/i.test(m.text())) avisos.push(m.text());
      });
      await page.goto(`${servidor.baseUrl}${ruta}`);
      await page.waitForSelector('main[aria-busy="false"]');
      await contexto.close();
      expect(avisos).toEqual([]);
      // Asked for once: a preload the view did not take up would be fetched a second time.
      expect(new Set(pedidos).size).toBe(pedidos.length);
      expect(pedidos.slice(0, precargas.length)).toEqual(precargas);
      return { precargas, pedidos };
    };
    const dibujos = (pedidos: string[]) =>
      pedidos
        .filter((p) => p.includes('/panel.svg'))
        .map((p) => p.replace(/ancho=\d+/, 'ancho=…'))
        .sort();
    const pais = await visitar('/territorio');
    expect(pais.precargas).toEqual(
      expect.arrayContaining(['/api/v1/cobertura', '/api/v1/graficos/mapa-por-departamento.json']),
    );
    // Each chart's drawing, at its panel's width, once.
    expect(dibujos(pais.pedidos)).toEqual([
      '/api/v1/graficos/interacciones-por-departamento/panel.svg?ancho=…',
      '/api/v1/graficos/mapa-por-departamento/panel.svg?ancho=…',
      '/api/v1/graficos/mapa-por-municipio/panel.svg?ancho=…',
    ]);
    // A department's municipalities, its figures and drawings under its filter.
    const tolima = await visitar('/territorio?departamento=73&fase=II');
    expect(tolima.precargas).toContain('/api/v1/cobertura?fase=II&departamento=73');
    expect(tolima.precargas.some((p) => p.includes('mapa-por-departamento'))).toBe(false);
    expect(dibujos(tolima.pedidos)).toEqual([
      '/api/v1/graficos/interacciones-por-municipio/panel.svg?fase=II&departamento=73&ancho=…',
      '/api/v1/graficos/mapa-por-municipio/panel.svg?fase=II&departamento=73&ancho=…',
    ]);
    const resumen = await visitar('/resumen');
    expect(resumen.precargas.filter((p) => p.startsWith('/api/v1/kpis'))).toHaveLength(4);
    const participacion = await visitar('/participacion?fase=I');
    expect(participacion.precargas).toContain('/api/v1/personas-unicas?fase=I');
    // Nothing to preload for a visitor who may not see the figures: the sign-in page.
    expect((await visitar('/ingresar')).precargas).toEqual([]);
  });
});
