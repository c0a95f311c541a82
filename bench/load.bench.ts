/**
 * npm run bench:load [-- --clientes 50 --segundos 60] (after npm run bench:data)
 * The built server in its own process on the tablero_bench database, signed
 * in as a user; N concurrent clients (autocannon) request the dashboard's
 * endpoints in turn for the given time. Prints throughput, p50/p99 and errors
 * beside a baseline of the same clients on /api/health, and a verdict against
 * the target: 0 errors and p99 under 200 ms; then the same load with every
 * answer computed afresh (Cache-Control: no-cache), for what the data version
 * cache does not cover. Loopback only, bounded in time.
 * --referencia runs on a throwaway database with the reference data instead.
 */
import 'reflect-metadata';
import { UsuariosService } from '@tablero/access';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SCHEMA } from '../migrations/schema';
import { freePort } from '../test/support/free-port';
import { startServerProcess } from '../test/support/server-process';
import { urlDeBench } from './data.bench';
import { baseDeBench, formatoEsCo as n } from './servidor';

/** What the dashboard's views ask for. */
const RUTAS = [
  '/api/v1/kpis',
  '/api/v1/kpis?fase=III',
  '/api/v1/desglose?por=fase',
  '/api/v1/desglose?por=departamento',
  '/api/v1/series?metrica=interacciones&periodo=mes',
  '/api/v1/cobertura',
  '/api/v1/filtros',
  '/api/v1/graficos/interacciones-por-fase.json',
  '/api/v1/actividades?tamano=50',
];

const P99_OBJETIVO_MS = 200;
const USUARIO = 'bench-carga';

interface Medida {
  readonly solicitudesPorSegundo: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errores: number;
  /** The errors by kind: each HTTP status that is not 2xx, timeouts and connection errors. */
  readonly desglose: string;
}

async function cargar(
  url: string,
  rutas: readonly string[],
  clientes: number,
  segundos: number,
  cookie: string,
  calculadas = false,
): Promise<Medida> {
  const resultado = await autocannon({
    url,
    connections: clientes,
    duration: segundos,
    timeout: 10,
    headers: calculadas ? { cookie, 'cache-control': 'no-cache' } : { cookie },
    requests: rutas.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    solicitudesPorSegundo: resultado.requests.average,
    p50: resultado.latency.p50,
    p99: resultado.latency.p99,
    total: resultado.requests.total,
    errores: resultado.errors + resultado.timeouts + resultado.non2xx,
    desglose: [
      ...Object.entries(resultado.statusCodeStats ?? {})
        .filter(([codigo]) => !codigo.startsWith('2'))
        .map(([codigo, { count }]) => `HTTP ${codigo}: ${n.format(Number(count))}`),
      resultado.timeouts ? `sin respuesta en 10 s: ${n.format(resultado.timeouts)}` : '',
      resultado.errors - resultado.timeouts > 0
        ? `errores de conexión: ${n.format(resultado.errors - resultado.timeouts)}`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clientes: { type: 'string', default: '50' },
      segundos: { type: 'string', default: '60' },
      referencia: { type: 'boolean', default: false },
    },
  });
  const clientes = Number(values.clientes);
  const segundos = Number(values.segundos);
  const config = loadConfig();
  const servidor = values.referencia ? undefined : await connectDatabase(config, 'shared');
  const referencia = values.referencia ? await baseDeBench('carga') : undefined;
  const url = referencia?.url ?? urlDeBench(servidor!.url);
  const puerto = await freePort();
  const proceso = startServerProcess({
    DATABASE_URL: url,
    PSEUDONYM_KEY: config.pseudonymKey ?? randomBytes(32).toString('hex'),
    PORT: String(puerto),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUBLIC_DASHBOARD: 'false',
  });
  const ds = createDataSource(url, SCHEMA);
  try {
    await proceso.waitFor(/Tablero JPT listo/, 120_000);
    await ds.initialize();
    const clave = randomBytes(18).toString('base64url');
    const usuarios = new UsuariosService(ds);
    const existente = (await usuarios.listar()).find((u) => u.nombre === USUARIO);
    if (existente) await usuarios.cambiar(existente.id, { clave, activo: true });
    else await usuarios.crear({ nombre: USUARIO, clave, rol: 'lectura' });
    const base = `http://127.0.0.1:${puerto}`;
    const ingreso = await fetch(`${base}/api/v1/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: USUARIO, clave }),
    });
    if (ingreso.status !== 200) throw new Error(`No se pudo ingresar: ${ingreso.status}`);
    const cookie = (ingreso.headers.get('set-cookie') ?? '').split(';')[0];
    const [{ n: registros }] = await ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM asistencia',
    );
    console.log(
      `Base con ${n.format(registros)} asistencias; ${clientes} clientes, ${segundos} s, sesión de un usuario de lectura.`,
    );
    const salud = await cargar(base, ['/api/health'], clientes, Math.min(10, segundos), cookie);
    const tablero = await cargar(base, RUTAS, clientes, segundos, cookie);
    const calculado = await cargar(base, RUTAS, clientes, segundos, cookie, true);
    const fila = (nombre: string, m: Medida) =>
      console.log(
        nombre.padEnd(36) +
          n.format(m.solicitudesPorSegundo).padStart(12) +
          `${n.format(m.p50)} ms`.padStart(10) +
          `${n.format(m.p99)} ms`.padStart(10) +
          n.format(m.total).padStart(10) +
          n.format(m.errores).padStart(9),
      );
    console.log(
      'carga'.padEnd(36) +
        'solic./s'.padStart(12) +
        'p50'.padStart(10) +
        'p99'.padStart(10) +
        'total'.padStart(10) +
        'errores'.padStart(9),
    );
    fila('línea base: /api/health', salud);
    fila(`tablero: ${RUTAS.length} rutas en turno`, tablero);
    fila('las mismas, calculadas cada vez', calculado);
    if (tablero.desglose) console.log(`Errores del tablero: ${tablero.desglose}.`);
    if (calculado.desglose) console.log(`Errores calculando cada vez: ${calculado.desglose}.`);
    console.log(
      `Rendimiento del tablero: ${n.format(tablero.solicitudesPorSegundo / salud.solicitudesPorSegundo)} × el de /api/health.`,
    );
    const cumple = tablero.errores === 0 && tablero.p99 < P99_OBJETIVO_MS;
    console.log(
      `Veredicto: ${cumple ? 'CUMPLE' : 'NO CUMPLE'} el objetivo (0 errores y p99 < ${P99_OBJETIVO_MS} ms con ${clientes} clientes): ` +
        `${n.format(tablero.errores)} errores, p99 ${n.format(tablero.p99)} ms.`,
    );
    console.log(
      `Calculando cada respuesta (Cache-Control: no-cache, sin las respuestas guardadas por versión de datos): ` +
        `${n.format(calculado.errores)} errores, p99 ${n.format(calculado.p99)} ms.`,
    );
    process.exitCode = cumple ? 0 : 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    proceso.child.kill('SIGTERM');
    await proceso.exited();
    await referencia?.cerrar();
    await servidor?.stop();
  }
}

void main();
