/**
 * Answers kept under the data version: every table figures are read from
 * counts its committed changes, and no answer computed before a change is
 * served after it, whoever made the change.
 */
import { CredencialesService } from '@tablero/access';
import { Client } from 'pg';
import { servidorConCliente, TestApp } from './support/test-app';

/** Tables no figure is read from, or derived in the same transaction as one that counts. */
const SIN_CIFRAS = [
  'alias',
  'auditoria',
  'cambio_de_datos',
  'exportacion',
  'exportacion_parte',
  'importacion',
  'importacion_aviso',
  'importacion_fila_rechazada',
  'importacion_rechazo',
  'migracion',
  'resumen_actividad',
  'resumen_asistencia',
  'resumen_departamento',
  'resumen_departamento_grupo',
  'resumen_fase_tipo',
  'resumen_grupo',
  'resumen_mes',
  'resumen_persona',
  'resumen_subregion',
  'resumen_vistas',
  'sesion',
  'token_api',
  'total_personas',
  'usuario',
];

let server: TestApp;
let db: Client;

servidorConCliente('version-de-datos', (s, c) => {
  [server, db] = [s, c];
});

const version = async (cliente = db) =>
  Number((await cliente.query('SELECT count(*) AS n FROM cambio_de_datos')).rows[0].n);

async function kpi(metrica: string, consulta = ''): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/v1/kpis${consulta}`);
  expect(response.status).toBe(200);
  const { kpis } = (await response.json()) as {
    kpis: { metrica: string; cifra: { valor: number } }[];
  };
  return kpis.find((k) => k.metrica === metrica)!.cifra.valor;
}

it('counts the changes of every table figures are read from, and of no other', async () => {
  const { rows } = await db.query<{ tabla: string; cuenta: boolean }>(
    `SELECT c.relname AS tabla,
            EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'cambio_de_datos') AS cuenta
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  expect(rows.filter((r) => !r.cuenta).map((r) => r.tabla)).toEqual(SIN_CIFRAS);
});

it('moves the version once per committed transaction that changed rows, and not before the commit', async () => {
  const otro = new Client({ connectionString: server.database.url });
  await otro.connect();
  try {
    const antes = await version();
    await db.query('BEGIN');
    await db.query(`UPDATE meta SET valor = valor`);
    await db.query(`UPDATE aliado SET nombre = nombre`);
    expect(await version(otro)).toBe(antes);
    await db.query('ROLLBACK');
    expect(await version()).toBe(antes);
    await db.query(`UPDATE aliado SET nombre = nombre WHERE false`);
    await db.query(`INSERT INTO fase SELECT * FROM fase ON CONFLICT DO NOTHING`);
    expect(await version()).toBe(antes);
    await db.query('BEGIN');
    await db.query(`UPDATE meta SET valor = valor`);
    await db.query(`UPDATE aliado SET nombre = nombre`);
    await db.query('COMMIT');
    expect(await version(otro)).toBe(antes + 1);
  } finally {
    await otro.end();
  }
});

it('serves no answer computed before a change made behind the application’s back', async () => {
  const antes = await kpi('actividades', '?fase=I');
  expect(await kpi('actividades', '?fase=I')).toBe(antes);
  await db.query(`UPDATE actividad SET fase_codigo = 'I' WHERE codigo = (
                    SELECT min(codigo) FROM actividad WHERE fase_codigo = 'II')`);
  expect(await kpi('actividades', '?fase=I')).toBe(antes + 1);
});

it('gives concurrent requests for the same answer the same figures, computed once or not', async () => {
  const respuestas = await Promise.all(
    Array.from({ length: 8 }, () => fetch(`${server.baseUrl}/api/v1/desglose?por=tipo&fase=II`)),
  );
  const cuerpos = await Promise.all(respuestas.map((r) => r.text()));
  expect(respuestas.map((r) => r.status)).toEqual(Array(8).fill(200));
  expect(respuestas[0].headers.get('content-type')).toMatch(/^application\/json/);
  expect(new Set(cuerpos).size).toBe(1);
  expect(JSON.parse(cuerpos[0]).filas.length).toBeGreaterThan(1);
});

it('keeps a department-limited caller’s answer apart from the national one for the same address', async () => {
  const nacional = await kpi('actividades');
  const { secreto } = await server.app
    .get(CredencialesService)
    .crearToken({ nombre: 'tolima', rol: 'lectura', departamentos: ['73'], creadoPor: 'pruebas' });
  const response = await fetch(`${server.baseUrl}/api/v1/kpis`, {
    headers: { authorization: `Bearer ${secreto}` },
  });
  const { kpis } = (await response.json()) as {
    kpis: { metrica: string; cifra: { valor: number } }[];
  };
  const tolima = kpis.find((k) => k.metrica === 'actividades')!.cifra.valor;
  expect(tolima).toBeGreaterThan(0);
  expect(tolima).toBeLessThan(nacional);
});

it('still answers a bad request with its 400, each time', async () => {
  for (let i = 0; i < 2; i++) {
    const response = await fetch(`${server.baseUrl}/api/v1/kpis?fase=IV`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { mensaje: string }).mensaje).toMatch(/fase/);
  }
});
