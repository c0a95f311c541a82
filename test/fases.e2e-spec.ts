/**
 * The phase summary over HTTP, on the reference data loaded at start-up:
 * every total of FACTS.md ("Totals the phase balance must reproduce").
 */
import { ResumenFase } from '@tablero/metrics';
import { ErrorBody } from '../apps/api/src/errors/api-error';
import { startTestApp, TestApp } from './support/test-app';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp('fases');
});

afterAll(() => server?.close());

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(server.baseUrl + path);
  return { status: response.status, body: (await response.json()) as T };
}

async function resumen(fase: string): Promise<ResumenFase> {
  const { status, body } = await get<ResumenFase>(`/api/v1/fases/${fase}/resumen`);
  expect(status).toBe(200);
  return body;
}

/** "tipo: actividades · métrica texto" lines, so a failure shows the whole phase at once. */
function lineas(r: ResumenFase): string[] {
  return r.porTipo.map(
    (t) =>
      `${t.tipo.codigo}: ${t.actividades}` +
      t.cifras.map((c) => ` · ${c.metrica} ${c.texto}`).join(''),
  );
}

describe('GET /api/v1/fases/:fase/resumen', () => {
  it('phase I: 6 webinars with 11.991 views, 20.743 certified, 7 events with 540 attendees', async () => {
    const r = await resumen('I');
    expect(r.fase).toMatchObject({ codigo: 'I', nombre: 'Programas de Gobierno' });
    expect(lineas(r)).toEqual([
      'webinar: 6 · vistas 11.991',
      'curso_virtual: 1 · certificados 20.743',
      'evento_subregional: 7 · asistentes_presenciales 540',
      'publicacion: 4',
    ]);
    expect(r.interacciones).toEqual({ valor: 33274, calificador: 'exacto', texto: '33.274' });
    expect(r.fechaCorte).toBe('2023-12-31');
    expect(r.fuente).toBe('Fuente: DNP (2023), Estrategia Juntos por el Territorio');
  });

  it('phase II: launch > 300 and ≈ 1.700, 38 workshops 3.715, 13 webinars 11.551, interactions ≈ 21.712', async () => {
    const r = await resumen('II');
    expect(lineas(r)).toEqual([
      'webinar: 13 · vistas 11.551',
      'taller_presencial: 38 · asistentes_presenciales 3.715',
      'capacitacion_virtual: 3 · asistentes_remotos ≈ 300',
      'conversatorio: 3 · asistentes_remotos 3.641',
      'lanzamiento: 1 · asistentes_presenciales > 300 · asistentes_remotos ≈ 1.700',
      'sesion_refuerzo: 1 · asistentes_remotos 505',
      'publicacion: 1',
    ]);
    expect(r.totales.map((t) => `${t.metrica} ${t.texto}`)).toEqual([
      'vistas 11.551',
      'asistentes_presenciales > 4.015',
      'asistentes_remotos ≈ 6.146',
    ]);
    // The document never adds these up: our sum says how much of it is not exact.
    expect(r.interacciones).toEqual({
      valor: 21712,
      calificador: 'aproximado',
      texto: '≈ 21.712',
      detalle: 'incluye 2.300 aproximadas o mínimas',
    });
  });

  it('phase III exists and has no figures yet', async () => {
    const r = await resumen('III');
    expect(r.fase.nombre).toBe('Nuevos Planes de Desarrollo Territorial 2024-2027');
    expect(r.porTipo).toEqual([]);
    expect(r.interacciones).toEqual({
      valor: null,
      calificador: null,
      texto: '—',
      motivo: 'sin cifra en la fuente',
    });
    expect(r.fechaCorte).toBeNull();
  });

  it('accepts the phase in lower case or as a number', async () => {
    expect((await resumen('ii')).interacciones.valor).toBe(21712);
    expect((await resumen('1')).interacciones.valor).toBe(33274);
  });

  it.each(['IV', '0', 'fase-uno', '%27%3B--', 'x'.repeat(300)])(
    'answers 404 FASE_DESCONOCIDA in Spanish for %p',
    async (fase) => {
      const { status, body } = await get<ErrorBody>(`/api/v1/fases/${fase}/resumen`);
      expect(status).toBe(404);
      expect(body.codigo).toBe('FASE_DESCONOCIDA');
      expect(body.mensaje).toMatch(/^La fase «.{1,20}» no existe\. Las fases son I, II y III\.$/);
    },
  );
});

describe('errors and service routes', () => {
  it('answers an unknown route with a JSON 404, not an HTML page', async () => {
    const { status, body } = await get<ErrorBody>('/api/v1/no-existe?x=1');
    expect(status).toBe(404);
    expect(body).toEqual({
      estado: 404,
      codigo: 'RUTA_NO_ENCONTRADA',
      mensaje: 'La ruta GET /api/v1/no-existe no existe.',
    });
  });

  it('reports the database as up in /api/health', async () => {
    const { status, body } = await get<{
      status: string;
      info: Record<string, { status: string }>;
    }>('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.baseDeDatos.status).toBe('up');
  });

  it('documents the phase summary in OpenAPI', async () => {
    const { status, body } = await get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/fases/{fase}/resumen', '/api/health']),
    );
  });
});
