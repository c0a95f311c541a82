/**
 * What a chart is: an id, a title, the question it asks the metrics (a
 * breakdown or a series) and a pure function from the answer to an ECharts
 * option. The server draws with the same definition the dashboard's panels
 * and the images.
 */
import type { EChartsOption } from 'echarts';
import type { Filtros } from '@tablero/metrics';
import type { NombreMapa } from './mapa';

export interface FilaGrafico {
  /** The code of the category (a DIVIPOLA code, a type…), by which a click filters the page. */
  readonly clave?: string | null;
  /** The category: a phase, a department, a month… */
  readonly etiqueta: string;
  /** Null when the category has no figure: no bar, and its text says "—". */
  readonly valor: number | null;
  /** "≈ 1.700", "> 300", "11.991", "> 300 presenciales · ≈ 1.700 remotos", "—". */
  readonly texto: string;
  /** In a chart of several stacked series, the one this figure belongs to (a PDT state). */
  readonly serie?: string;
  /** A territory reached only within a figure declared for several places together: no figure of its own. */
  readonly conjunta?: true;
}

/**
 * The rows a chart draws something for: a figure above zero, or a place reached within a joint
 * figure. A chart without any says «sin datos» and nothing else.
 */
export function filasQueSeDibujan(filas: readonly FilaGrafico[]): FilaGrafico[] {
  return filas.filter((f) => (f.valor ?? 0) > 0 || f.conjunta);
}

/** A row's figure as the dashboard tells it: a place reached only within a joint figure has none of its own. */
export function cifraDeFila(f: FilaGrafico): string {
  return f.conjunta ? 'alcanzado en una cifra conjunta' : f.texto;
}

/** A row read aloud or under the cursor: «Tolima: > 300», «Fase I · Asistencias: 12.531». */
export function lecturaDeFila(f: FilaGrafico): string {
  return `${f.etiqueta}${f.serie ? ` · ${f.serie}` : ''}: ${cifraDeFila(f)}`;
}

/** What a chart needs besides its rows: the words every published image carries. */
export interface Contexto {
  /** "Fase II · Tolima", or "Toda la estrategia". */
  readonly filtrosEnPalabras: string;
  /** dd/mm/aaaa, or null when there are no figures. */
  readonly fechaCorte: string | null;
  readonly fuente: string;
  /** The unit of the figures, for the value axis ("asistencias", "entidades territoriales"). */
  readonly unidad: string;
  /** What the figures leave out or where they stand, under the chart ("De ≈ 54.986, 2.000 con departamento…"). */
  readonly nota?: string;
  /**
   * What the chart says in place of a drawing when it has nothing to draw: «sin datos para estos
   * filtros», or «ningún departamento con cifra propia…» where its figures stand elsewhere (the note
   * says where).
   */
  readonly vacio: string;
  /** The municipal map a municipal choropleth draws (one department's, or the country's). */
  readonly mapa?: NombreMapa;
}

/** What a chart is drawn with: its words, and the canvas it is drawn on. */
export interface ContextoDeDibujo extends Contexto {
  /** The canvas's width (an image's, a dashboard panel's): long titles and notes wrap inside it. */
  readonly ancho: number;
  /** Type and strokes scaled for the canvas: 1 on the dashboard, more for a large image read on a phone. */
  readonly escala?: number;
}

/** What a chart draws: its rows, its words, and its figures' cut-off date (aaaa-mm-dd), which names its files. */
export interface DatosGrafico {
  readonly filas: FilaGrafico[];
  readonly contexto: Contexto;
  readonly fechaCorte: string | null;
}

export type ConsultaGrafico =
  | {
      readonly tipo: 'desglose';
      readonly por: string;
      readonly metrica: string;
      readonly limite?: number;
      /** A map: the places reached only within a figure declared for several together are drawn too. */
      readonly conjuntas?: true;
    }
  | {
      readonly tipo: 'serie';
      readonly metrica: string;
      /** A chart's periods are months, labelled «jul 2023». */
      readonly periodo: 'mes';
      readonly acumulado: boolean;
    }
  | {
      /** The phases side by side, one panel per metric: every filter applies but the phase. */
      readonly tipo: 'comparacion-de-fases';
      /** A click on a phase's bar filters by it. */
      readonly por: 'fase';
      readonly metricas: readonly string[];
    }
  | {
      /** A phase III figure on the date of fecha_corte (the data's latest without it). */
      readonly tipo: 'pdt';
      readonly serie: SeriePdt;
      readonly unidad: string;
      /** The dimension its rows' keys are codes of, when they are (a click then filters by it). */
      readonly por?: 'departamento';
    };

export const SERIES_PDT = [
  'estados',
  'estados-por-departamento',
  'aprobado-por-departamento',
  'embudo',
  'vencidas-por-hito',
  'asistencias-por-mes',
] as const;
export type SeriePdt = (typeof SERIES_PDT)[number];

export interface DefinicionGrafico {
  readonly id: string;
  readonly titulo: string;
  readonly descripcion: string;
  readonly consulta: ConsultaGrafico;
  /** Rows to option; no I/O, no clock. */
  opcion(filas: readonly FilaGrafico[], contexto: ContextoDeDibujo): EChartsOption;
}

/** The filters a chart's figures depend on: a comparison of the phases takes all but the phase. */
export function filtrosDelGrafico(grafico: DefinicionGrafico, f: Filtros): Filtros {
  return grafico.consulta.tipo === 'comparacion-de-fases' ? { ...f, fase: undefined } : f;
}
