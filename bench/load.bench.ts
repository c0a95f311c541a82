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
 * --instancias N: a throwaway primary with the reference data and a streaming
 * replica (test/support/replica-en-streaming.ts); 1 and then N server processes
 * behind a round-robin proxy (proxy-en-turno.ts), every answer computed afresh;
 * then N again with one instance killed (SIGKILL) half way: errors and recovery time.
 */
import 'reflect-metadata';
import { UsuariosService } from '@tablero/access';
import { loadConfig } from '@tablero/config';
import { connectDatabase, createDataSource } from '@tablero/database';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../migrations/schema';
import { freePort } from '../test/support/free-port';
import { iniciarReplicaEnStreaming } from '../test/support/replica-en-streaming';
import { ServerProcess, startServerProcess } from '../test/support/server-process';
import { urlDeBench } from './data.bench';
import { iniciarProxyEnTurno, ProxyEnTurno } from './proxy-en-turno';
import { carpetaDeBench } from './medicion';
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
    // autocannon counts timeouts among its errors.
    errores: resultado.errors + resultado.non2xx,
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

/** Signs in as a reader (created or reset through `ds`); the session cookie. */
async function ingresar(base: string, ds: DataSource): Promise<string> {
  const clave = randomBytes(18).toString('base64url');
  const usuarios = new UsuariosService(ds);
  const existente = (await usuarios.listar()).find((u) => u.nombre === USUARIO);
  if (existente) await usuarios.cambiar(existente.id, { clave, activo: true });
  else await usuarios.crear({ nombre: USUARIO, clave, rol: 'lectura' });
  const ingreso = await fetch(`${base}/api/v1/sesion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario: USUARIO, clave }),
  });
  if (ingreso.status !== 200) throw new Error(`No se pudo ingresar: ${ingreso.status}`);
  return (ingreso.headers.get('set-cookie') ?? '').split(';')[0];
}

function imprimir(filas: readonly (readonly [string, Medida])[]): void {
  console.log(
    'carga'.padEnd(36) +
      'solic./s'.padStart(12) +
      'p50'.padStart(10) +
      'p99'.padStart(10) +
      'total'.padStart(10) +
      'errores'.padStart(9),
  );
  for (const [nombre, m] of filas)
    console.log(
      nombre.padEnd(36) +
        n.format(m.solicitudesPorSegundo).padStart(12) +
        `${n.format(m.p50)} ms`.padStart(10) +
        `${n.format(m.p99)} ms`.padStart(10) +
        n.format(m.total).padStart(10) +
        n.format(m.errores).padStart(9),
    );
}

interface Instancias {
  readonly procesos: readonly ServerProcess[];
  readonly proxy: ProxyEnTurno;
  detener(): Promise<void>;
}

/** `cantidad` server processes on the primary and its replica, behind a round-robin proxy. */
async function instancias(
  cantidad: number,
  entorno: Record<string, string>,
  datos: string,
): Promise<Instancias> {
  const puertos: number[] = [];
  const procesos: ServerProcess[] = [];
  for (let i = 0; i < cantidad; i++) {
    const puerto = await freePort();
    puertos.push(puerto);
    procesos.push(
      startServerProcess({ ...entorno, PORT: String(puerto), DATA_DIR: join(datos, `i${i}`) }),
    );
  }
  await Promise.all(procesos.map((p) => p.waitFor(/Tablero JPT listo/, 120_000)));
  const proxy = await iniciarProxyEnTurno(puertos);
  return {
    procesos,
    proxy,
    detener: async () => {
      await proxy.cerrar();
      for (const p of procesos) if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await Promise.all(procesos.map((p) => p.exited()));
    },
  };
}

async function conInstancias(cantidad: number, clientes: number, segundos: number): Promise<void> {
  const par = await iniciarReplicaEnStreaming();
  const base = await baseDeBench('carga_instancias', par.primario);
  const replica = new URL(par.replica);
  replica.pathname = new URL(base.url).pathname;
  const datos = carpetaDeBench('carga');
  const entorno = {
    DATABASE_URL: base.url,
    DATABASE_REPLICA_URLS: replica.toString(),
    PSEUDONYM_KEY: randomBytes(32).toString('hex'),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUBLIC_DASHBOARD: 'false',
  };
  const ds = createDataSource(base.url, SCHEMA);
  const abiertas: Instancias[] = [];
  const medir = async (cuantas: number, matar?: (grupo: Instancias) => void) => {
    const grupo = await instancias(cuantas, entorno, datos);
    abiertas.push(grupo);
    const cookie = await ingresar(grupo.proxy.url, ds);
    matar?.(grupo);
    const medida = await cargar(grupo.proxy.url, RUTAS, clientes, segundos, cookie, true);
    await grupo.detener();
    return { medida, proxy: grupo.proxy };
  };
  try {
    await ds.initialize();
    await par.alcanzar();
    console.log(
      `Carga media de la máquina al empezar: ${loadavg()
        .map((c) => n.format(c))
        .join(' / ')} (1, 5, 15 min; ${cpus().length} núcleos).`,
    );
    console.log(
      `Datos de referencia en un primario y una réplica en streaming (PostgreSQL 15); ${clientes} clientes, ` +
        `${segundos} s por medida, ${RUTAS.length} rutas en turno calculadas cada vez (Cache-Control: no-cache), ` +
        `detrás de un proxy en turno rotativo.`,
    );
    const una = await medir(1);
    const varias = await medir(cantidad);
    let muerte = 0;
    const conCaida = await medir(cantidad, (grupo) => {
      setTimeout(
        () => {
          muerte = Date.now();
          grupo.procesos[cantidad - 1].child.kill('SIGKILL');
        },
        (segundos * 1000) / 2,
      );
    });
    imprimir([
      ['1 instancia', una.medida],
      [`${cantidad} instancias`, varias.medida],
      [`${cantidad}, una muerta a la mitad`, conCaida.medida],
    ]);
    for (const [nombre, { medida }] of [
      ['1 instancia', una],
      [`${cantidad} instancias`, varias],
    ] as const)
      if (medida.desglose) console.log(`Errores con ${nombre}: ${medida.desglose}.`);
    const caida = trasLaCaida(conCaida.proxy, muerte);
    console.log(
      `${cantidad} instancias frente a 1: ${n.format(varias.medida.solicitudesPorSegundo / una.medida.solicitudesPorSegundo)} × ` +
        `las solicitudes por segundo; p99 ${n.format(varias.medida.p99)} ms frente a ${n.format(una.medida.p99)} ms.`,
    );
    console.log(
      `Con una instancia muerta (SIGKILL) a la mitad: ${n.format(conCaida.medida.errores)} errores vistos por los clientes` +
        (conCaida.medida.desglose ? ` (${conCaida.medida.desglose})` : '') +
        `; el proxy reintentó en otra instancia ${n.format(caida.reintentadas)} solicitudes que la muerta no respondió, ` +
        `${n.format(caida.fallidas)} fallaron sin reintento posible` +
        (caida.fallidas
          ? ` (recuperación: la última ${n.format(caida.recuperacion)} ms después de la caída)`
          : '') +
        `, ${n.format(caida.abandonadas)} las cortó el cliente (a los 10 s, o en curso al terminar la medida); ` +
        `${n.format(caida.antes)} solic./s antes de la caída, ${n.format(caida.despues)} después.`,
    );
    console.log(
      `Carga media de la máquina al terminar: ${loadavg()
        .map((c) => n.format(c))
        .join(' / ')}.`,
    );
    const sinErrores = una.medida.errores === 0 && varias.medida.errores === 0;
    console.log(
      `Veredicto: ${sinErrores ? 'CUMPLE' : 'NO CUMPLE'} 0 errores con 1 y ${cantidad} instancias ` +
        `(${n.format(una.medida.errores)} y ${n.format(varias.medida.errores)}).`,
    );
    process.exitCode = sinErrores ? 0 : 1;
  } finally {
    for (const grupo of abiertas) await grupo.detener().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy();
    await base.cerrar();
    await par.detener();
  }
}

/**
 * Answers per second before and after the kill; the answers the dead instance
 * failed (retried on another, or reaching the client) and when the last ended.
 */
function trasLaCaida(proxy: ProxyEnTurno, muerte: number) {
  const { respuestas, reintentos } = proxy;
  const primera = respuestas[0]?.en ?? muerte;
  const ultima = respuestas.at(-1)?.en ?? muerte;
  const fallidas = respuestas.filter((r) => r.fallo === 'instancia' && r.en >= muerte);
  const reintentadas = reintentos.filter((en) => en >= muerte);
  return {
    antes: respuestas.filter((r) => r.en < muerte).length / ((muerte - primera) / 1000),
    despues: respuestas.filter((r) => r.en >= muerte).length / ((ultima - muerte) / 1000),
    reintentadas: reintentadas.length,
    fallidas: fallidas.length,
    abandonadas: respuestas.filter((r) => r.fallo === 'cliente' && r.en >= muerte).length,
    recuperacion: fallidas.length ? fallidas.at(-1)!.en - muerte : 0,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clientes: { type: 'string', default: '50' },
      segundos: { type: 'string', default: '60' },
      referencia: { type: 'boolean', default: false },
      instancias: { type: 'string' },
    },
  });
  const clientes = Number(values.clientes);
  const segundos = Number(values.segundos);
  if (values.instancias) return conInstancias(Number(values.instancias), clientes, segundos);
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
    const cookie = await ingresar(`http://127.0.0.1:${puerto}`, ds);
    const base = `http://127.0.0.1:${puerto}`;
    const [{ n: registros }] = await ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM asistencia',
    );
    console.log(
      `Base con ${n.format(registros)} asistencias; ${clientes} clientes, ${segundos} s, sesión de un usuario de lectura.`,
    );
    const salud = await cargar(base, ['/api/health'], clientes, Math.min(10, segundos), cookie);
    const tablero = await cargar(base, RUTAS, clientes, segundos, cookie);
    const calculado = await cargar(base, RUTAS, clientes, segundos, cookie, true);
    imprimir([
      ['línea base: /api/health', salud],
      [`tablero: ${RUTAS.length} rutas en turno`, tablero],
      ['las mismas, calculadas cada vez', calculado],
    ]);
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
