import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatearNumero } from '@tablero/domain';
import { ArchivoInvalido } from '../lectura/archivo-invalido';
import { DelHilo, PeticionAlHilo } from './mensajes';
import { TablaValidada } from './tabla-validada';
import { TramoValidado } from './tramos';

const HILO = join(__dirname, 'hilo.js');

/** The compiled server has the validation thread; the TypeScript sources the tests run validate in their own thread. */
export const hayHiloDeValidacion = existsSync(HILO);

/**
 * The most the validation thread's heap may take. Past it the thread stops and
 * the file is refused; the server goes on, its own memory untouched.
 */
export const MEMORIA_DEL_HILO_MB = 256;

/**
 * Reads and validates a file in a thread of its own. Resolves once the header
 * is recognised (or rejects with what was wrong with the file); its chunks are
 * taken as the import stages them.
 */
export function validarEnHilo(
  peticion: PeticionAlHilo,
  alLeer?: (bytes: number) => void,
  memoriaMb = MEMORIA_DEL_HILO_MB,
): Promise<TablaValidada> {
  const hilo = new Worker(HILO, {
    workerData: { ...peticion, progreso: !!alLeer },
    resourceLimits: { maxOldGenerationSizeMb: memoriaMb },
  });
  const pendientes: TramoValidado[] = [];
  let omitidas: number | null = null;
  let falla: Error | null = null;
  let cerrado = false;
  let avisar: (() => void) | null = null;
  const cambio = () => {
    avisar?.();
    avisar = null;
  };
  const cerrar = async () => {
    cerrado = true;
    cambio();
    await hilo.terminate();
  };

  async function* tramos(): AsyncGenerator<TramoValidado> {
    try {
      while (!cerrado) {
        if (falla) throw falla;
        const tramo = pendientes.shift();
        if (tramo) {
          hilo.postMessage('seguir');
          yield tramo;
        } else if (omitidas !== null) return;
        else await new Promise<void>((resolve) => (avisar = resolve));
      }
    } finally {
      await cerrar();
    }
  }

  return new Promise((resolve, reject) => {
    const fallar = (error: Error) => {
      if (cerrado || falla || omitidas !== null) return;
      falla = error;
      reject(error);
      cambio();
      void hilo.terminate();
    };
    hilo.on('message', (mensaje: DelHilo) => {
      switch (mensaje.tipo) {
        case 'leidos':
          alLeer?.(mensaje.bytes);
          break;
        case 'tabla':
          resolve({
            formato: mensaje.formato,
            hoja: mensaje.hoja,
            columnasIgnoradas: mensaje.columnasIgnoradas,
            totalColumnasIgnoradas: mensaje.totalColumnasIgnoradas,
            tramos: tramos(),
            omitidas: () => omitidas ?? 0,
            cerrar,
          });
          break;
        case 'tramo':
          pendientes.push({ lineas: mensaje.lineas, filas: mensaje.filas });
          cambio();
          break;
        case 'fin':
          omitidas = mensaje.omitidas;
          cambio();
          void hilo.terminate();
          break;
        case 'error':
          fallar(errorDelHilo(mensaje));
          break;
      }
    });
    hilo.on('error', (error: Error & { code?: string }) =>
      fallar(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ArchivoInvalido(
              'ARCHIVO_EXCEDE_MEMORIA',
              `Validar este archivo pide más de ${formatearNumero(memoriaMb)} MB de memoria, lo que el ` +
                'servidor dedica a cada importación: divídalo en archivos más pequeños o, si es un ' +
                '.xlsx, guárdelo como CSV.',
            )
          : error,
      ),
    );
    hilo.on('messageerror', fallar);
    hilo.on('exit', (codigo) =>
      fallar(
        new Error(
          `El hilo de validación terminó (código ${codigo}) antes de leer todo el archivo.`,
        ),
      ),
    );
  });
}

function errorDelHilo(mensaje: Extract<DelHilo, { tipo: 'error' }>): Error {
  const error = mensaje.codigo
    ? new ArchivoInvalido(mensaje.codigo, mensaje.mensaje)
    : new Error(mensaje.mensaje);
  if (mensaje.pila) error.stack = mensaje.pila;
  return error;
}
