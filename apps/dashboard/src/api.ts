/**
 * Requests to the API. A lost connection (or a server answering 502–504) is
 * said in the banner and retried with growing pauses until it comes back; an
 * error the API explains (4xx, 5xx) is shown with its own Spanish message.
 */
export class ErrorDeApi extends Error {
  constructor(
    readonly estado: number,
    mensaje: string,
  ) {
    super(mensaje);
  }
}

/** Requests now waiting to retry: the banner shows while there is any. */
let reintentando = 0;

function contarReintento(cambio: 1 | -1): void {
  reintentando += cambio;
  const banner = document.getElementById('conexion')!;
  banner.hidden = reintentando === 0;
  banner.textContent = reintentando ? 'Se perdió la conexión con el servidor. Reintentando…' : '';
}

function esperar(ms: number, senal?: AbortSignal): Promise<void> {
  return new Promise((resolver, rechazar) => {
    const t = setTimeout(resolver, ms);
    senal?.addEventListener('abort', () => {
      clearTimeout(t);
      rechazar(senal.reason);
    });
  });
}

async function responder(
  ruta: string,
  senal?: AbortSignal,
  acepta = 'application/json',
): Promise<Response> {
  let fallos = 0;
  try {
    for (;;) {
      let respuesta: Response | undefined;
      try {
        respuesta = await fetch(ruta, { headers: { Accept: acepta }, signal: senal });
      } catch (error) {
        if (senal?.aborted) throw error;
      }
      if (respuesta && ![502, 503, 504].includes(respuesta.status)) return respuesta;
      if (fallos++ === 0) contarReintento(1);
      await esperar(Math.min(500 * 2 ** fallos, 10_000), senal);
    }
  } finally {
    if (fallos) contarReintento(-1);
  }
}

export async function pedir<T>(ruta: string, senal?: AbortSignal): Promise<T> {
  const respuesta = await responder(ruta, senal);
  const cuerpo = (await respuesta.json().catch(() => null)) as { mensaje?: string } | null;
  if (!respuesta.ok) throw errorDeApi(respuesta, cuerpo);
  return cuerpo as T;
}

/** An answer that is not JSON (a chart's drawing); an error still comes as JSON. */
export async function pedirTexto(ruta: string, senal?: AbortSignal): Promise<string> {
  const respuesta = await responder(ruta, senal, 'image/svg+xml');
  if (!respuesta.ok) {
    throw errorDeApi(respuesta, await respuesta.json().catch(() => null));
  }
  return respuesta.text();
}

function errorDeApi(respuesta: Response, cuerpo: { mensaje?: string } | null): ErrorDeApi {
  return new ErrorDeApi(
    respuesta.status,
    cuerpo?.mensaje ?? `El servidor respondió ${respuesta.status}.`,
  );
}
