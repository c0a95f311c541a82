/**
 * From raw rows to a kind's fields: the header row is matched against the
 * kind's columns and aliases, and the exports of the tools the teams use are
 * recognised by their headers (Teams' attendance report with its sections,
 * Google Meet's attendance CSV, a Google Forms responses sheet, YouTube
 * Studio's table with its Total row).
 */
import { Columna, Opciones, TipoImportacion } from '../tipos/tipo-importacion';
import { Celda, normalizar, texto } from '../valores';
import { FilaCruda, Lectura } from './archivo';
import { ArchivoInvalido } from './archivo-invalido';

export interface FilaCanonica {
  readonly numero: number;
  readonly valores: Record<string, Celda>;
}

export interface Tabla {
  readonly formato: string;
  readonly columnasIgnoradas: string[];
  readonly filas: AsyncIterable<FilaCanonica>;
  /** Rows that are not data (a YouTube "Total"), known once the rows were read. */
  omitidas(): number;
}

const TEAMS_RESUMEN = /^1(summary|resumen)$/;
const CORREO = ['email', 'correoelectronico', 'correo'];
/** The first column of a Google Forms responses sheet, in Spanish and in English. */
const FORMULARIO = ['marcatemporal', 'timestamp'];

export async function reconocer(
  lectura: Lectura,
  tipo: TipoImportacion,
  opciones: Opciones,
): Promise<Tabla> {
  const filas = lectura.filas[Symbol.asyncIterator]();
  let encabezado = await siguienteConDatos(filas);
  if (!encabezado) throw new ArchivoInvalido('ARCHIVO_VACIO', 'El archivo no tiene filas.');

  let formato: string = lectura.formato;
  if (TEAMS_RESUMEN.test(normalizar(texto(encabezado.celdas[0])))) {
    if (tipo.codigo !== 'asistencias') {
      throw new ArchivoInvalido(
        'FORMATO_NO_ADMITIDO',
        'Un reporte de asistencia de Teams solo se importa como asistencias.',
      );
    }
    formato = 'teams';
    encabezado = await buscarParticipantes(filas);
  }
  const nombres = encabezado.celdas.map((c) => normalizar(texto(c)));
  const indices = emparejar(nombres, tipo.columnas, opciones);
  if (
    formato === 'csv' &&
    tipo.codigo === 'asistencias' &&
    nombres.some((n) => CORREO.includes(n)) &&
    nombres.some((n) => /^(duration|duracion)$/.test(n))
  ) {
    formato = 'meet';
  }
  if (FORMULARIO.includes(nombres[0])) formato = 'google_forms';
  const esYoutube =
    tipo.codigo === 'vistas' && nombres.some((n) => n === 'content' || n === 'contenido');
  if (esYoutube) formato = 'youtube';

  const columnasIgnoradas = encabezado.celdas
    .map((c, i) => (indices.includes(i) ? null : texto(c)))
    .filter((c): c is string => !!c);
  let omitidas = 0;
  const campos = tipo.columnas.map((c) => c.campo);

  async function* canonicas(): AsyncGenerator<FilaCanonica> {
    for (let r = await filas.next(); !r.done; r = await filas.next()) {
      const fila = r.value;
      if (fila.celdas.every((c) => texto(c) === '')) {
        if (formato === 'teams') return;
        continue;
      }
      const valores: Record<string, Celda> = {};
      campos.forEach((campo, i) => {
        if (indices[i] >= 0) valores[campo] = fila.celdas[indices[i]];
      });
      if (esYoutube && normalizar(texto(valores.youtube_video_id)) === 'total') {
        omitidas++;
        continue;
      }
      yield { numero: fila.numero, valores };
    }
  }
  return { formato, columnasIgnoradas, filas: canonicas(), omitidas: () => omitidas };
}

async function siguienteConDatos(filas: AsyncIterator<FilaCruda>): Promise<FilaCruda | undefined> {
  for (let r = await filas.next(); !r.done; r = await filas.next()) {
    if (r.value.celdas.some((c) => texto(c) !== '')) return r.value;
  }
  return undefined;
}

/** Teams' report: skip the summary section up to the participants' header (the row with an e-mail column). */
async function buscarParticipantes(filas: AsyncIterator<FilaCruda>): Promise<FilaCruda> {
  for (let r = await filas.next(); !r.done; r = await filas.next()) {
    if (r.value.celdas.some((c) => CORREO.includes(normalizar(texto(c))))) return r.value;
  }
  throw new ArchivoInvalido(
    'TEAMS_SIN_PARTICIPANTES',
    'El reporte de Teams no tiene la sección de participantes con su correo electrónico.',
  );
}

/** For each column of the kind, the index of its header in the file, or -1. */
function emparejar(nombres: string[], columnas: readonly Columna[], opciones: Opciones): number[] {
  const indices = columnas.map((columna) => {
    const aceptados = [columna.campo, ...(columna.alias ?? [])].map(normalizar);
    return nombres.findIndex((n) => aceptados.includes(n));
  });
  if (indices.every((i) => i < 0)) {
    throw new ArchivoInvalido(
      'ENCABEZADOS_NO_RECONOCIDOS',
      `Ningún encabezado del archivo corresponde a este tipo de importación. Se esperan columnas como: ${columnas.map((c) => c.campo).join(', ')}. Descargue la plantilla.`,
    );
  }
  const faltantes = columnas.filter(
    (c, i) => c.obligatoria && indices[i] < 0 && !(c.opcion && opciones[c.opcion]),
  );
  if (faltantes.length > 0) {
    throw new ArchivoInvalido(
      'COLUMNAS_FALTANTES',
      `Faltan columnas obligatorias: ${faltantes.map((c) => c.campo).join(', ')}.` +
        faltantes
          .filter((c) => c.opcion)
          .map((c) => ` ${c.campo} también puede darse como opción (${c.opcion}).`)
          .join(''),
    );
  }
  return indices;
}
