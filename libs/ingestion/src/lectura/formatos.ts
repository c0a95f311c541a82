/**
 * From raw rows to a kind's fields: the header row is matched against the
 * kind's columns and aliases, and the exports of the tools the teams use are
 * recognised by their headers (Teams' attendance report with its sections,
 * Google Meet's attendance CSV, a Google Forms responses sheet, YouTube
 * Studio's table with its Total row).
 */
import { formatearNumero } from '@tablero/domain';
import { Columna, Opciones, TipoImportacion } from '../tipos/tipo-importacion';
import { Celda, normalizar, texto } from '../valores';
import { Lectura } from './archivo';
import { ArchivoInvalido } from './archivo-invalido';
import { FilaCruda } from './fila-cruda';
import { MAX_COLUMNAS } from './xlsx.reader';

export interface FilaCanonica {
  readonly numero: number;
  readonly valores: Record<string, Celda>;
  /** Fields whose cell is no value at all: the row is rejected with these reasons. */
  readonly problemas?: readonly { readonly campo: string; readonly motivo: string }[];
}

/** The most characters a spreadsheet cell holds (Excel's limit); a longer value is rejected, never cut. */
export const MAX_CARACTERES_CELDA = 32_767;
/** How many of the ignored columns the report names; it counts them all. */
const COLUMNAS_IGNORADAS_NOMBRADAS = 20;

export interface Tabla {
  readonly formato: string;
  /** The worksheet read, for an .xlsx. */
  readonly hoja: string | null;
  /** The first ignored columns' headers; `totalColumnasIgnoradas` counts them all. */
  readonly columnasIgnoradas: string[];
  readonly totalColumnasIgnoradas: number;
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
  const enLaHoja = lectura.hoja === null ? '' : ` (hoja «${lectura.hoja.slice(0, 31)}»)`;
  let encabezado = await siguienteConDatos(filas);
  if (!encabezado)
    throw new ArchivoInvalido('ARCHIVO_VACIO', `El archivo no tiene filas${enLaHoja}.`);

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
  // No template column lies beyond Excel's last one: the rest are only counted as ignored.
  const nombres = encabezado.celdas.slice(0, MAX_COLUMNAS).map((c) => normalizar(texto(c)));
  const indices = emparejar(nombres, tipo.columnas, opciones, enLaHoja);
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

  const columnasIgnoradas: string[] = [];
  let totalColumnasIgnoradas = 0;
  encabezado.celdas.forEach((c, i) => {
    if (indices.includes(i) || texto(c) === '') return;
    totalColumnasIgnoradas++;
    if (columnasIgnoradas.length < COLUMNAS_IGNORADAS_NOMBRADAS)
      columnasIgnoradas.push(texto(c).slice(0, 100));
  });
  let omitidas = 0;
  const campos = tipo.columnas.map((c) => c.campo);

  async function* canonicas(): AsyncGenerator<FilaCanonica> {
    for (let r = await filas.next(); !r.done; r = await filas.next()) {
      const fila = r.value;
      if (!fila.problemas?.length && fila.celdas.every((c) => texto(c) === '')) {
        if (formato === 'teams') return;
        continue;
      }
      const valores: Record<string, Celda> = {};
      const problemas: { campo: string; motivo: string }[] = [];
      campos.forEach((campo, i) => {
        if (indices[i] < 0) return;
        const celda = fila.celdas[indices[i]];
        valores[campo] = celda;
        const problema = fila.problemas?.find((p) => p.indice === indices[i])?.motivo;
        const motivo = problema ?? (typeof celda === 'string' ? motivoDeTexto(celda) : undefined);
        if (motivo) problemas.push({ campo, motivo });
      });
      if (esYoutube && normalizar(texto(valores.youtube_video_id)) === 'total') {
        omitidas++;
        continue;
      }
      yield { numero: fila.numero, valores, ...(problemas.length ? { problemas } : {}) };
    }
  }
  return {
    formato,
    hoja: lectura.hoja,
    columnasIgnoradas,
    totalColumnasIgnoradas,
    filas: canonicas(),
    omitidas: () => omitidas,
  };
}

/** What no field may hold, whatever its kind: more than a cell holds, or a NUL character. */
function motivoDeTexto(valor: string): string | undefined {
  if (valor.length > MAX_CARACTERES_CELDA)
    return `el valor tiene ${formatearNumero(valor.length)} caracteres; una celda admite hasta ${formatearNumero(MAX_CARACTERES_CELDA)}`;
  if (valor.includes('\0')) return 'el valor contiene un carácter nulo (byte 0)';
  return undefined;
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
function emparejar(
  nombres: string[],
  columnas: readonly Columna[],
  opciones: Opciones,
  enLaHoja: string,
): number[] {
  const indices = columnas.map((columna) => {
    const aceptados = [columna.campo, ...(columna.alias ?? [])].map(normalizar);
    return nombres.findIndex((n) => aceptados.includes(n));
  });
  if (indices.every((i) => i < 0)) {
    throw new ArchivoInvalido(
      'ENCABEZADOS_NO_RECONOCIDOS',
      `Ningún encabezado del archivo${enLaHoja} corresponde a este tipo de importación. Se esperan columnas como: ${columnas.map((c) => c.campo).join(', ')}. Descargue la plantilla.`,
    );
  }
  const faltantes = columnas.filter(
    (c, i) => c.obligatoria && indices[i] < 0 && !(c.opcion && opciones[c.opcion]),
  );
  if (faltantes.length > 0) {
    throw new ArchivoInvalido(
      'COLUMNAS_FALTANTES',
      `Faltan columnas obligatorias${enLaHoja}: ${faltantes.map((c) => c.campo).join(', ')}.` +
        faltantes
          .filter((c) => c.opcion)
          .map((c) => ` ${c.campo} también puede darse como opción (${c.opcion}).`)
          .join(''),
    );
  }
  return indices;
}
