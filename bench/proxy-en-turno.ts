/**
 * The small round-robin reverse proxy of bench:load --instancias: each request
 * goes to the next instance. A GET whose instance fails before answering is
 * sent to the next one, as nginx's proxy_next_upstream or Caddy's lb_try_duration
 * do, and an instance that refused a connection is left out for a second. It records when
 * each answer ended and why it failed, and each retry, for the recovery time.
 */
import { Agent, createServer, IncomingHttpHeaders, request } from 'node:http';
import { AddressInfo } from 'node:net';

const FUERA_MS = 1000;

export interface Respuesta {
  readonly en: number;
  /**
   * Why it failed: the instance failed after answering began, or with no other to try
   * ("instancia"); the client gave up before the end ("cliente"); the app answered 5xx.
   */
  readonly fallo?: 'instancia' | 'cliente' | 'servidor';
}

export interface ProxyEnTurno {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly respuestas: readonly Respuesta[];
  /** When a GET whose instance failed before answering was sent to another one. */
  readonly reintentos: readonly number[];
  cerrar(): Promise<void>;
}

export async function iniciarProxyEnTurno(puertos: readonly number[]): Promise<ProxyEnTurno> {
  const agente = new Agent({ keepAlive: true, maxSockets: 128 });
  const fueraHasta = puertos.map(() => 0);
  const respuestas: Respuesta[] = [];
  const reintentos: number[] = [];
  let turno = 0;
  const siguiente = () => {
    for (let i = 0; i < puertos.length; i++) {
      const candidato = turno++ % puertos.length;
      if (fueraHasta[candidato] <= Date.now()) return candidato;
    }
    return turno++ % puertos.length;
  };
  const servidor = createServer((entrada, salida) => {
    let falloDeInstancia = false;
    salida.on('close', () =>
      respuestas.push({
        en: Date.now(),
        fallo: falloDeInstancia
          ? 'instancia'
          : !salida.writableFinished
            ? 'cliente'
            : salida.statusCode >= 500
              ? 'servidor'
              : undefined,
      }),
    );
    const headers: IncomingHttpHeaders = { ...entrada.headers };
    delete headers.connection;
    const intentar = (quedan: number) => {
      const destino = siguiente();
      const hacia = request(
        {
          host: '127.0.0.1',
          port: puertos[destino],
          method: entrada.method,
          path: entrada.url,
          headers,
          agent: agente,
        },
        (respuesta) => {
          salida.writeHead(respuesta.statusCode ?? 502, respuesta.headers);
          respuesta.pipe(salida);
          respuesta.on('error', () => salida.destroy());
        },
      );
      hacia.on('error', (error: NodeJS.ErrnoException) => {
        // A reset on a reused keep-alive socket says nothing of the instance; a refused connection does.
        if (error.code === 'ECONNREFUSED') fueraHasta[destino] = Date.now() + FUERA_MS;
        if (!salida.headersSent && entrada.method === 'GET' && quedan > 1) {
          reintentos.push(Date.now());
          return intentar(quedan - 1);
        }
        falloDeInstancia = true;
        if (salida.headersSent) salida.destroy();
        else salida.writeHead(502).end();
      });
      if (entrada.method === 'GET') hacia.end();
      else entrada.pipe(hacia);
    };
    intentar(puertos.length + 1);
  });
  await new Promise<void>((resolve) => servidor.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(servidor.address() as AddressInfo).port}`,
    respuestas,
    reintentos,
    cerrar: async () => {
      servidor.closeAllConnections();
      await new Promise((resolve) => servidor.close(resolve));
      agente.destroy();
    },
  };
}
