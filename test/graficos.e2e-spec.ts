/**
 * Chart images over HTTP on the reference data: every chart as a PNG of the
 * asked size that is not blank, the SVG with the figures of FACTS.md, the
 * filters in words, the cut-off date and the source line.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startTestApp, TestApp } from './support/test-app';

const GRAFICOS = [
  'interacciones-por-fase',
  'fases-lado-a-lado',
  'actividades-por-tipo',
  'vistas-por-webinar',
  'actividades-por-mes',
  'mapa-por-departamento',
  'mapa-por-municipio',
  'interacciones-por-departamento',
  'interacciones-por-municipio',
  'asistencias-por-departamento',
  'asistencias-por-grupo',
  'interacciones-por-aliado',
  'interacciones-por-canal',
  'asistencias-por-modalidad',
  'interacciones-acumuladas',
  'pdt-estados',
  'pdt-estados-por-departamento',
  'pdt-aprobado-por-departamento',
  'pdt-embudo',
  'pdt-vencidas-por-hito',
  'pdt-asistencias-por-mes',
];

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('graficos');
});

afterAll(() => server?.close());

async function pedir(ruta: string): Promise<Response> {
  return fetch(server.baseUrl + ruta);
}

/** Width, height and the share of pixels that are not white. */
function png(bytes: Buffer): { ancho: number; alto: number; tinta: number } {
  const imagen = PNG.sync.read(bytes);
  let coloreados = 0;
  for (let i = 0; i < imagen.data.length; i += 4) {
    if (imagen.data[i] < 235 || imagen.data[i + 1] < 235 || imagen.data[i + 2] < 235) coloreados++;
  }
  return {
    ancho: imagen.width,
    alto: imagen.height,
    tinta: coloreados / (imagen.width * imagen.height),
  };
}

it('lists the charts with their image addresses and presets', async () => {
  const lista = (await (await pedir('/api/v1/graficos')).json()) as {
    graficos: { id: string; png: string }[];
    presets: Record<string, unknown>;
  };
  expect(lista.graficos.map((g) => g.id)).toEqual(GRAFICOS);
  expect(Object.keys(lista.presets)).toEqual([
    'redes-cuadrado',
    'redes-horizontal',
    'diapositiva',
    'impresion',
  ]);
});

it.each(GRAFICOS)('renders %s as a 1200 × 675 PNG that is not blank', async (id) => {
  const response = await pedir(`/api/v1/graficos/${id}.png`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const imagen = png(Buffer.from(await response.arrayBuffer()));
  expect({ ancho: imagen.ancho, alto: imagen.alto }).toEqual({ ancho: 1200, alto: 675 });
  expect(imagen.tinta).toBeGreaterThan(0.005);
});

it.each([
  ['?preset=redes-cuadrado', 1080, 1080],
  ['?preset=diapositiva', 1920, 1080],
  ['?preset=impresion', 3200, 2000],
  ['?ancho=800&alto=600&escala=2', 1600, 1200],
])('sizes the image with %s', async (consulta, ancho, alto) => {
  const imagen = png(
    Buffer.from(
      await (await pedir(`/api/v1/graficos/interacciones-por-fase.png${consulta}`)).arrayBuffer(),
    ),
  );
  expect({ ancho: imagen.ancho, alto: imagen.alto }).toEqual({ ancho, alto });
});

it('draws the phase totals of FACTS.md with the cut-off date and the source line', async () => {
  const response = await pedir('/api/v1/graficos/interacciones-por-fase.svg');
  expect(response.headers.get('content-type')).toContain('image/svg+xml');
  const svg = await response.text();
  for (const texto of [
    'Interacciones registradas por fase',
    'Programas de Gobierno',
    '33.274',
    '≈ 21.712',
    'Toda la estrategia · Corte: 31/12/2023',
    'Fuente: DNP (2023), Estrategia Juntos por el Territorio',
  ]) {
    expect(svg).toContain(texto);
  }
});

/** A text of an SVG drawn by ECharts, as the box it covers: its centre is its translation plus its y. */
interface Caja {
  readonly texto: string;
  readonly transform: string;
  readonly izquierda: number;
  readonly derecha: number;
  readonly arriba: number;
  readonly abajo: number;
}

function cajasDeTexto(svg: string): Caja[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, atributos, texto]) => {
    const tamano = Number(/font-size:([\d.]+)px/.exec(atributos)![1]);
    const transform = /transform="([^"]*)"/.exec(atributos)?.[1] ?? '';
    // translate(x y) or matrix(a,b,c,d,e,f), as ECharts writes a turned label.
    const traslado = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(transform);
    const matriz = /matrix\(([^)]*)\)/.exec(transform)?.[1].split(',').map(Number);
    const [a, b, c, d, tx, ty] = traslado
      ? [1, 0, 0, 1, Number(traslado[1]), Number(traslado[2])]
      : (matriz ?? [1, 0, 0, 1, 0, 0]);
    const y = Number(/ y="([-\d.]+)"/.exec(atributos)?.[1] ?? 0);
    // DejaVu Sans averages about 0,6 of its size per character.
    const ancho = texto.length * tamano * 0.6;
    const ancla = /text-anchor="(\w+)"/.exec(atributos)?.[1];
    const x0 = ancla === 'end' ? -ancho : ancla === 'middle' ? -ancho / 2 : 0;
    const esquinas = [
      [x0, y - tamano / 2],
      [x0 + ancho, y - tamano / 2],
      [x0, y + tamano / 2],
      [x0 + ancho, y + tamano / 2],
    ].map(([u, v]) => [a * u + c * v + tx, b * u + d * v + ty]);
    const xs = esquinas.map(([x]) => x);
    const ys = esquinas.map(([, y]) => y);
    return {
      texto,
      transform,
      izquierda: Math.min(...xs),
      derecha: Math.max(...xs),
      arriba: Math.min(...ys),
      abajo: Math.max(...ys),
    };
  });
}

describe('the title and the filters in words under it', () => {
  const LIENZOS = [
    'preset=redes-cuadrado',
    'preset=redes-horizontal',
    'preset=diapositiva',
    'preset=impresion',
    // A panel of the dashboard on a phone and on a desktop.
    'ancho=360&alto=480',
    'ancho=720&alto=480',
  ];

  it.each(GRAFICOS)('are covered by no other text of %s, at any size', async (id) => {
    const encima: string[] = [];
    for (const lienzo of LIENZOS) {
      const cajas = cajasDeTexto(
        await (await pedir(`/api/v1/graficos/${id}.svg?${lienzo}`)).text(),
      );
      // The title's lines and the subtitle's share one place.
      const subtitulo = cajas.find((c) => c.texto.startsWith('Toda la estrategia'))!;
      const titulo = cajas.filter((c) => c.transform === subtitulo.transform);
      const bajo = Math.max(...titulo.map((c) => c.abajo));
      const derecha = Math.max(...titulo.map((c) => c.derecha));
      for (const c of cajas)
        if (!titulo.includes(c) && c.izquierda < derecha && c.arriba < bajo)
          encima.push(`${lienzo}: «${c.texto}» desde y = ${c.arriba}, bajo el título en ${bajo}`);
    }
    expect(encima).toEqual([]);
  });
});

describe('the texts of bars over categories and of a line', () => {
  const CASOS = [
    'interacciones-por-fase.svg?',
    'actividades-por-mes.svg?fase=I&',
    'actividades-por-mes.svg?',
    'interacciones-acumuladas.svg?',
  ];
  const LIENZOS = ['preset=redes-cuadrado', 'preset=redes-horizontal', 'ancho=360&alto=600'];

  it.each(CASOS)('never overlap one another in %s, at any size', async (caso) => {
    const encima: string[] = [];
    for (const lienzo of LIENZOS) {
      const cajas = cajasDeTexto(await (await pedir(`/api/v1/graficos/${caso}${lienzo}`)).text());
      cajas.forEach((a, i) => {
        for (const b of cajas.slice(i + 1)) {
          if (a.transform === b.transform) continue;
          const seTocan =
            a.izquierda < b.derecha &&
            b.izquierda < a.derecha &&
            a.arriba < b.abajo &&
            b.arriba < a.abajo;
          if (seTocan) encima.push(`${lienzo}: «${a.texto}» y «${b.texto}»`);
        }
      });
    }
    expect(encima).toEqual([]);
  });
});

it('says, without a place of its own to draw, where the figures stand instead of «sin datos»', async () => {
  const svg = await (
    await pedir('/api/v1/graficos/asistencias-por-departamento.svg?fase=I')
  ).text();
  expect(svg).toContain('Ningún departamento con cifra propia para estos filtros');
  expect(svg).toContain('De las asistencias: en cifras conjuntas de varios territorios, 540.');
  expect(svg).not.toContain('Sin datos');
  const vacio = await (
    await pedir('/api/v1/graficos/asistencias-por-departamento.svg?fase=III')
  ).text();
  expect(vacio).toContain('Sin datos para estos filtros');
});

it('says the filters in words', async () => {
  const svg = await (
    await pedir('/api/v1/graficos/actividades-por-tipo.svg?fase=II&departamento=73')
  ).text();
  expect(svg).toContain('Fase II · Departamento: Tolima');
  expect(svg).toContain('Lanzamiento');
});

it.each([
  ['/api/v1/graficos/pastel.png', 404, 'GRAFICO_DESCONOCIDO'],
  ['/api/v1/graficos/interacciones-por-fase.gif', 404, 'GRAFICO_DESCONOCIDO'],
  ['/api/v1/graficos/interacciones-por-fase.png?ancho=99999', 400, 'PARAMETRO_INVALIDO'],
  ['/api/v1/graficos/interacciones-por-fase.png?preset=poster', 400, 'PARAMETRO_INVALIDO'],
  ['/api/v1/graficos/interacciones-por-fase.png?fase=IX', 400, 'PARAMETRO_INVALIDO'],
])('answers %s with %i %s', async (ruta, estado, codigo) => {
  const response = await pedir(ruta);
  expect(response.status).toBe(estado);
  expect(((await response.json()) as { codigo: string }).codigo).toBe(codigo);
});

/** A chart's workbook: its Datos rows (category, number, published figure) and its «Acerca» fields. */
async function libroDelGrafico(ruta: string) {
  const respuesta = await pedir(ruta);
  expect(respuesta.status).toBe(200);
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(Buffer.from(await respuesta.arrayBuffer()) as never);
  const filas: unknown[][] = [];
  libro.getWorksheet('Datos')!.eachRow((fila, n) => {
    if (n > 1) filas.push([1, 2, 3].map((c) => fila.getCell(c).value));
  });
  const acerca: Record<string, unknown> = {};
  libro.getWorksheet('Acerca de estos datos')!.eachRow((fila) => {
    acerca[String(fila.getCell(1).value)] = fila.getCell(2).value;
  });
  return { filas, acerca };
}

it('writes a chart’s figures as numbers only where the source states one, and its note', async () => {
  const lanzamiento = await libroDelGrafico(
    '/api/v1/graficos/interacciones-por-fase.xlsx?tipo=lanzamiento',
  );
  // > 300 in the room and ≈ 1.700 remote: no figure of the source is their 2.000.
  expect(lanzamiento.filas).toEqual([
    [
      'Transición de Gobiernos Territoriales 2024-2027',
      null,
      '> 300 presenciales · ≈ 1.700 remotos',
    ],
  ]);
  const { filas, acerca } = await libroDelGrafico(
    '/api/v1/graficos/interacciones-por-departamento.xlsx',
  );
  expect(filas).toEqual([['Tolima', 300, '> 300']]);
  expect(acerca.Nota).toMatch(
    /^De las interacciones registradas: .*; en todo el territorio nacional, 3\.715;/,
  );
});

describe('images for slides and social media, kept under test-output/imagenes to be looked at', () => {
  const CARPETA = join(__dirname, '..', 'test-output', 'imagenes');
  const PRESETS = ['redes-cuadrado', 'redes-horizontal', 'diapositiva', 'impresion'];
  const MIRADOS = [
    'interacciones-por-fase',
    'mapa-por-departamento',
    'mapa-por-municipio',
    'interacciones-acumuladas',
    'asistencias-por-grupo',
  ];

  it.each(PRESETS)('writes the charts at %s, their type scaled to the canvas', async (preset) => {
    mkdirSync(CARPETA, { recursive: true });
    for (const id of MIRADOS) {
      const bytes = Buffer.from(
        await (await pedir(`/api/v1/graficos/${id}.png?preset=${preset}`)).arrayBuffer(),
      );
      writeFileSync(join(CARPETA, `${id}_${preset}.png`), bytes);
      expect(png(bytes).tinta).toBeGreaterThan(0.005);
    }
    const svg = await (
      await pedir(`/api/v1/graficos/interacciones-por-fase.svg?preset=${preset}`)
    ).text();
    // The print preset draws at half size and doubles the pixels.
    const [ancho, alto] = /<svg width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);
    const escala = Math.max(1, Math.min(ancho, alto) / 540);
    expect(svg).toContain(
      `font-size:${Math.round(20 * escala)}px;font-family:'DejaVu Sans', Verdana, sans-serif;font-weight:bold;`,
    );
  });
});
