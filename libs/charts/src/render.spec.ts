import { GRAFICO } from './charts.catalogue';
import type { Contexto, FilaGrafico } from './grafico';
import { MAPA_MUNICIPIOS } from './mapa';
import { renderizarPng, renderizarSvgDePanel } from './render';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#08306b"/></svg>';
const FIRMA_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('renderizarPng', () => {
  it('draws images asked for at once, each whole and at its own size', async () => {
    const imagenes = await Promise.all([1, 2, 3].map((escala) => renderizarPng(SVG, 40, escala)));
    for (const png of imagenes) expect(png.subarray(0, 4)).toEqual(FIRMA_PNG);
    // Width in the IHDR chunk: 40 px times the scale.
    expect(imagenes.map((png) => png.readUInt32BE(16))).toEqual([40, 80, 120]);
  });

  it('goes on drawing after an image it could not draw', async () => {
    const fallida = renderizarPng('<svg', 40, 1);
    const siguiente = renderizarPng(SVG, 40, 1);
    await expect(fallida).rejects.toThrow();
    await expect(siguiente).resolves.toEqual(expect.any(Buffer));
  });
});

describe('renderizarSvgDePanel', () => {
  const CONTEXTO: Contexto = {
    filtrosEnPalabras: 'Toda la estrategia',
    fechaCorte: '31/12/2023',
    fuente: 'DNP (2023)',
    unidad: 'interacciones',
    vacio: 'sin datos para estos filtros',
  };
  const fila = (clave: string, etiqueta: string, valor: number, serie?: string): FilaGrafico => ({
    clave,
    etiqueta,
    valor,
    texto: valor.toLocaleString('es-CO'),
    ...(serie ? { serie } : {}),
  });
  const panel = (id: string, filas: FilaGrafico[], contexto: Contexto = CONTEXTO) =>
    renderizarSvgDePanel(GRAFICO.get(id)!.opcion(filas, { ...contexto, ancho: 480 }), 480, 620);
  /** Each drawn item's key and reading, in the order drawn. */
  const lecturas = (svg: string) =>
    [
      ...svg.matchAll(/<(?:path|rect)\b[^>]*?(?: data-clave="([^"]*)")? data-lectura="([^"]*)"/g),
    ].map(([, clave, lectura]) => [clave, lectura]);

  it('marks each region with what it reads and, if it has a row, the key a click filters by', () => {
    const svg = panel('mapa-por-departamento', [
      { clave: '73', etiqueta: 'Tolima', valor: 300, texto: '> 300' },
      { clave: '05', etiqueta: 'Antioquia', valor: null, texto: '—', conjunta: true },
      // A name from the data is an attribute's text, never markup.
      { clave: '54', etiqueta: '<b>Norte</b> "x"', valor: 3, texto: '3' },
    ]);
    const regiones = lecturas(svg);
    expect(regiones).toHaveLength(33);
    expect(regiones).toEqual(
      expect.arrayContaining([
        ['73', 'Tolima: &#62; 300'],
        ['05', 'Antioquia: alcanzado en una cifra conjunta'],
        [undefined, 'Amazonas: sin cifras'],
        ['54', '&#60;b&#62;Norte&#60;/b&#62; &#34;x&#34;: 3'],
      ]),
    );
    expect(svg).not.toMatch(/ecmeta_/);
  });

  it('lets the pointer through the departments’ outlines over the municipalities', () => {
    const svg = panel('mapa-por-municipio', [fila('73001', 'Ibagué (Tolima)', 300)], {
      ...CONTEXTO,
      mapa: MAPA_MUNICIPIOS,
    });
    expect(svg.match(/ pointer-events="none"/g)).toHaveLength(33);
    expect(lecturas(svg)).toContainEqual(['73001', 'Ibagué (Tolima): 300']);
  });

  it('reads a bar by its row, and a stacked bar by its row and its series', () => {
    expect(
      lecturas(
        panel('interacciones-por-fase', [fila('I', 'Fase I', 33274), fila('II', 'Fase II', 21712)]),
      ),
    ).toEqual([
      ['I', 'Fase I: 33.274'],
      ['II', 'Fase II: 21.712'],
    ]);
    const apiladas = lecturas(
      panel('pdt-estados-por-departamento', [
        fila('73', 'Tolima', 2, 'Aprobado'),
        fila('73', 'Tolima', 1, 'Vencido'),
      ]),
    );
    expect(apiladas).toEqual(
      expect.arrayContaining([
        ['73', 'Tolima · Aprobado: 2'],
        ['73', 'Tolima · Vencido: 1'],
      ]),
    );
  });

  it('asks, for every text, for a sans-serif where DejaVu Sans is not installed', () => {
    // Without one, a browser draws an unknown family in its default serif (Times on Windows).
    const familias = new Set(
      panel('interacciones-por-fase', [fila('I', 'Fase I', 33274)]).match(/font-family:[^;"]*/g),
    );
    expect([...familias]).toEqual(["font-family:'DejaVu Sans', Verdana, sans-serif"]);
  });

  it('names its hover styles after its own drawing, apart from another panel’s', () => {
    const clases = (svg: string) => new Set(svg.match(/\bg[0-9a-f]{10}-cls-\d+/g));
    const fases = panel('interacciones-por-fase', [fila('I', 'Fase I', 33274)]);
    const mapa = panel('mapa-por-departamento', [fila('73', 'Tolima', 300)]);
    expect(fases).not.toMatch(/\bzr\d*-/);
    expect(clases(mapa).size).toBeGreaterThan(0);
    expect([...clases(mapa)].filter((c) => clases(fases).has(c))).toEqual([]);
    // A clip path too: the line's, named after its drawing, and used by that name.
    const linea = panel('interacciones-acumuladas', [
      fila('2023-06', 'jun 2023', 100),
      fila('2023-07', 'jul 2023', 300),
    ]);
    const [, recorte] = /<clipPath id="(g[0-9a-f]{10}-c\d+)"/.exec(linea) ?? [];
    expect(linea).toContain(`clip-path="url(#${recorte})"`);
    // The same drawing asked again is named the same: a revalidated answer keeps its styles.
    expect(panel('mapa-por-departamento', [fila('73', 'Tolima', 300)])).toBe(mapa);
  });
});
