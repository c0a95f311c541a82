/**
 * "Descargar datos" of a dashboard chart: the numbers the chart draws, as a
 * workbook with what a reader needs to cite them (filters, cut-off, source).
 */
import { Contexto, DefinicionGrafico, FilaGrafico } from '@tablero/charts';
import { CALIFICADORES, formatearCifra } from '@tablero/domain';
import ExcelJS from 'exceljs';
import { fila, filtrar, nuevaHoja } from './hoja';

export async function libroDeDatosDeGrafico(
  grafico: Pick<DefinicionGrafico, 'titulo' | 'descripcion'>,
  filas: readonly FilaGrafico[],
  contexto: Contexto,
): Promise<Buffer> {
  const libro = new ExcelJS.Workbook();
  libro.creator = 'Tablero JPT';
  const conSeries = filas.some((f) => f.serie);
  const datos = nuevaHoja(libro, 'Datos', [
    { titulo: 'Categoría', ancho: 48, formato: 'texto' },
    ...(conSeries ? [{ titulo: 'Serie', ancho: 28, formato: 'texto' } as const] : []),
    { titulo: 'Cifra', ancho: 16, formato: 'entero' },
    { titulo: 'Cifra publicada', ancho: 18, formato: 'texto' },
  ]);
  for (const f of filas) {
    fila(datos, [f.etiqueta, ...(conSeries ? [f.serie ?? ''] : []), comoNumero(f), f.texto]);
  }
  filtrar(datos, conSeries ? 4 : 3, filas.length + 1);
  const acerca = nuevaHoja(libro, 'Acerca de estos datos', [
    { titulo: 'Campo', ancho: 22, formato: 'texto' },
    { titulo: 'Valor', ancho: 90, formato: 'texto' },
  ]);
  for (const par of [
    ['Gráfico', grafico.titulo],
    ['Qué muestra', grafico.descripcion],
    ['Filtros', contexto.filtrosEnPalabras],
    ['Fecha de corte', contexto.fechaCorte ?? 'Sin cifras para estos filtros'],
    ...(contexto.nota ? [['Nota', contexto.nota]] : []),
    [
      'Cifra publicada',
      '≈ cerca de (aproximada); > más de (mínimo); sin signo: exacta. «Cifra» queda vacía donde la ' +
        'fuente da partes de calificadores distintos, que no suman una cifra que ella declare.',
    ],
    ['Fuente', contexto.fuente],
  ]) {
    fila(acerca, par);
  }
  return Buffer.from(await libro.xlsx.writeBuffer());
}

/** The figure as a number only where it is one the source states, with or without its qualifier. */
function comoNumero(f: FilaGrafico): number | null {
  const valor = f.valor;
  return valor !== null &&
    CALIFICADORES.some((calificador) => formatearCifra({ valor, calificador }) === f.texto)
    ? valor
    : null;
}
