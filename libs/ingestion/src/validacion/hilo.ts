/**
 * The thread a large file is read and validated in, so that the server's
 * own thread only forwards the validated chunks to PostgreSQL and keeps
 * answering requests. It sends at most `TRAMOS_EN_VUELO` chunks ahead of
 * those the import has taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { construirCatalogos } from '../catalogos';
import { abrirArchivo } from '../lectura/archivo';
import { ArchivoInvalido } from '../lectura/archivo-invalido';
import { reconocer } from '../lectura/formatos';
import { seudonimizador } from '../seudonimo';
import { TIPOS } from '../tipos';
import { validarEnTramos } from './tramos';
import { DatosDelHilo, DelHilo, TRAMOS_EN_VUELO } from './mensajes';

const puerto = parentPort!;
const enviar = (mensaje: DelHilo) =>
  puerto.postMessage(
    mensaje,
    mensaje.tipo === 'tramo' ? [mensaje.lineas.buffer as ArrayBuffer] : [],
  );

let creditos = TRAMOS_EN_VUELO;
let alRecibirCredito: (() => void) | null = null;
puerto.on('message', () => {
  creditos++;
  alRecibirCredito?.();
  alRecibirCredito = null;
});
const credito = async () => {
  while (creditos === 0) await new Promise<void>((resolve) => (alRecibirCredito = resolve));
  creditos--;
};

async function validar(peticion: DatosDelHilo): Promise<void> {
  const tipo = TIPOS[peticion.tipo];
  const lectura = await abrirArchivo(peticion.ruta, {
    maxDescomprimido: peticion.maxDescomprimido,
    alLeer: peticion.progreso ? (bytes) => enviar({ tipo: 'leidos', bytes }) : undefined,
  });
  const { filas, ...tabla } = await reconocer(lectura, tipo, peticion.opciones);
  enviar({
    tipo: 'tabla',
    formato: tabla.formato,
    hoja: tabla.hoja,
    columnasIgnoradas: tabla.columnasIgnoradas,
    totalColumnasIgnoradas: tabla.totalColumnasIgnoradas,
  });
  const contexto = {
    catalogos: construirCatalogos(peticion.catalogos),
    opciones: peticion.opciones,
    seudonimo: seudonimizador(Buffer.from(peticion.secreto)),
    hoy: peticion.hoy,
  };
  for await (const tramo of validarEnTramos(filas, tipo, contexto)) {
    await credito();
    enviar({ tipo: 'tramo', ...tramo });
  }
  enviar({ tipo: 'fin', omitidas: tabla.omitidas() });
}

validar(workerData as DatosDelHilo).catch((error: Error) =>
  enviar({
    tipo: 'error',
    codigo: error instanceof ArchivoInvalido ? error.codigo : null,
    mensaje: error.message,
    pila: error.stack ?? null,
  }),
);
