/**
 * The phase report as PDF, read back: its headers and size, its text (extracted with poppler's
 * pdftotext) holding the figures of FACTS.md in es-CO format, «sin dato» where the source gives
 * none, page numbers, and no person's document; its pages rendered with pdftoppm for a person to
 * look at (test-output/informe/).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { texto } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { crearToken, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const ejecutar = promisify(execFile);
const CARPETA = join(__dirname, '..', 'test-output', 'informe');

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('informe');
  mkdirSync(CARPETA, { recursive: true });
});

afterAll(() => server?.close());

interface Informe {
  readonly status: number;
  readonly tipo: string | null;
  readonly disposicion: string | null;
  readonly bytes: number;
  /** The text of each page, as pdftotext lays it out. */
  readonly paginas: string[];
}

async function informe(
  consulta: string,
  nombre: string,
  headers: Record<string, string> = {},
): Promise<Informe> {
  const response = await fetch(`${server.baseUrl}/api/v1/reportes/informe${consulta}`, {
    headers,
  });
  const pdf = Buffer.from(await response.arrayBuffer());
  const ruta = join(CARPETA, `${nombre}.pdf`);
  writeFileSync(ruta, pdf);
  const { stdout } =
    response.status === 200
      ? await ejecutar('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'])
      : { stdout: '' };
  return {
    status: response.status,
    tipo: response.headers.get('content-type'),
    disposicion: response.headers.get('content-disposition'),
    bytes: pdf.length,
    paginas: stdout.split('\f').filter((p) => p.trim() !== ''),
  };
}

/** Collapses pdftotext's layout spaces so that a phrase reads as one line. */
const plano = (paginas: readonly string[]) => paginas.join('\n').replace(/[ \t]+/g, ' ');

describe.each([
  ['I', 'informe_fase-I_corte-2023-12-31.pdf'],
  ['II', 'informe_fase-II_corte-2023-12-31.pdf'],
  // Phase III has no dated figure yet: no cut-off to name.
  ['III', 'informe_fase-III.pdf'],
])('El informe de la Fase %s', (fase, archivo) => {
  let r: Informe;

  beforeAll(async () => {
    r = await informe(`?fase=${fase}`, `fase-${fase}`);
    await ejecutar('pdftoppm', [
      '-png',
      '-r',
      '60',
      join(CARPETA, `fase-${fase}.pdf`),
      join(CARPETA, `fase-${fase}`),
    ]);
  });

  it('is an A4 PDF download named with its phase and cut-off, under 5 MB', async () => {
    expect([r.status, r.tipo, r.disposicion]).toEqual([
      200,
      'application/pdf',
      `attachment; filename="${archivo}"`,
    ]);
    expect(r.bytes).toBeLessThan(5 * 1024 * 1024);
    const { stdout } = await ejecutar('pdfinfo', [join(CARPETA, `fase-${fase}.pdf`)]);
    expect(stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(stdout).toMatch(new RegExp(`Title:\\s+Informe de la Fase ${fase}:`));
  });

  it('numbers every page «Página N de M»', () => {
    const total = r.paginas.length;
    expect(total).toBeGreaterThanOrEqual(5);
    expect(r.paginas.map((p) => /Página (\d+) de (\d+)/.exec(p)?.slice(1).map(Number))).toEqual(
      r.paginas.map((_, i) => [i + 1, total]),
    );
  });

  it('has its cover and every section, in Spanish, with embedded fonts', async () => {
    const t = plano(r.paginas);
    for (const frase of [
      'Departamento Nacional de Planeación',
      'Estrategia Juntos por el Territorio',
      `Informe de la Fase ${fase}`,
      'Fecha de corte',
      'Generado el',
      '1. La fase según el documento fuente',
      '2. Resumen de cifras',
      '3. Gráficos principales',
      '4. Cifras por departamento',
      '5. Metodología y fuentes',
      'Interacciones registradas',
      'DANE, DIVIPOLA',
    ])
      expect(t).toContain(frase);
    const { stdout } = await ejecutar('pdffonts', [join(CARPETA, `fase-${fase}.pdf`)]);
    const fuentes = stdout.split('\n').slice(2).filter(Boolean);
    expect(fuentes.length).toBeGreaterThan(0);
    // Every font is DejaVu, embedded (a subset), with a Unicode map so the text can be copied.
    expect(fuentes.filter((f) => !/DejaVu.*\byes\s+yes\s+yes\b/.test(f))).toEqual([]);
  });
});

describe('the figures of FACTS.md, in es-CO format', () => {
  it('phase I: declared lines and the KPI summary', async () => {
    const t = plano((await informe('?fase=I', 'fase-I')).paginas);
    for (const frase of [
      'Programas de Gobierno',
      'Fecha de corte 31/12/2023',
      '11.991 vistas',
      '20.743',
      '540',
      'Interacciones registradas 33.274',
      'Vistas de webinars 11.991',
      'Personas certificadas 20.743',
    ])
      expect(t).toContain(frase);
    // The 540 attendees are of seven places together: no department's own, and not «sin cifras».
    expect(t.replace(/\s+/g, ' ')).toContain(
      'No se incluye «Asistencias por departamento». Ningún departamento con cifra propia para estos ' +
        'filtros. De las asistencias: en cifras conjuntas de varios territorios, 540.',
    );
  });

  it('phase II: qualifiers kept, and «sin dato» where the source gives none', async () => {
    const t = plano((await informe('?fase=II', 'fase-II')).paginas);
    for (const frase of [
      'Transición de Gobiernos Territoriales',
      'Fecha de corte 31/12/2023',
      '11.551 vistas',
      '> 300 presenciales · ≈ 1.700 remotos',
      '3.715',
      '3.641',
      '505',
      '21.712',
      'Personas certificadas sin dato',
    ])
      expect(t).toContain(frase);
    expect(t).not.toMatch(/Personas certificadas 0\b/);
  });

  it('phase III: «sin dato» for every figure the source lacks, the count of activities included', async () => {
    const t = plano((await informe('?fase=III', 'fase-III')).paginas);
    for (const etiqueta of [
      'Interacciones registradas',
      'Actividades realizadas',
      'Vistas de webinars',
      'Personas certificadas',
      'Asistentes presenciales',
      'Asistentes remotos',
    ])
      expect(t).toContain(`${etiqueta} sin dato`);
    expect(t).toContain('Sin cifras con fecha para estos filtros.');
    expect(t).toContain('El documento fuente aún no trae actividades ni cifras de esta fase');
  });
});

describe('the route', () => {
  it('asks for the phase, and refuses filters it does not take', async () => {
    const sinFase = await fetch(`${server.baseUrl}/api/v1/reportes/informe`);
    expect([sinFase.status, ((await sinFase.json()) as { mensaje: string }).mensaje]).toEqual([
      400,
      'El parámetro «fase» es obligatorio: I, II o III.',
    ]);
    for (const consulta of ['?fase=IV', '?fase=II&departamento=73']) {
      const otra = await fetch(`${server.baseUrl}/api/v1/reportes/informe${consulta}`);
      expect([consulta, otra.status]).toEqual([consulta, 400]);
      await otra.body?.cancel();
    }
  });

  it('limited to a user’s departments: their figures only, without the national declared lines', async () => {
    const secreto = await crearToken(server.baseUrl, 'informe-tolima', 'analista', ['73']);
    const r = await informe('?fase=II', 'fase-II-tolima', { authorization: `Bearer ${secreto}` });
    expect(r.status).toBe(200);
    const t = plano(r.paginas);
    expect(t).toContain('Filtros aplicados Fase II · Solo Tolima');
    expect(t).toContain('Asistentes presenciales > 300');
    // Those who joined the launch from afar have no place: not Tolima's.
    expect(t).toContain('Asistentes remotos sin dato');
    expect(t).toContain('Tolima > 300 sin dato > 300');
    expect(t).toContain('Las líneas que declara el documento fuente son nacionales');
    for (const ajeno of ['11.551 vistas', 'Todo el territorio nacional', 'Antioquia'])
      expect(t).not.toContain(ajeno);
  });

  it('prints no person’s document, only figures', async () => {
    const documentos = ['81234567', '1098765432'];
    const ruta = texto('informe-asistencias.csv', [
      [
        'codigo_actividad',
        'tipo_documento',
        'numero_documento',
        'codigo_municipio',
        'grupo_de_valor',
        'modalidad',
      ],
      ...documentos.map((d) => [
        'F2-TAL-01',
        'CC',
        d,
        '73001',
        'autoridades_salientes',
        'presencial',
      ]),
    ]);
    await importarAceptado(server, 'asistencias', ruta);
    const r = await informe('?fase=II', 'fase-II-con-registros');
    expect(r.status).toBe(200);
    const t = plano(r.paginas);
    expect(t).toContain('Tolima');
    for (const d of documentos) expect(t).not.toContain(d);
  });
});
