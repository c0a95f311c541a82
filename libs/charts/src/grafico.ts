/**
 * What a chart is: an id, a title, the question it asks the metrics (a
 * breakdown or a series) and a pure function from the answer to an ECharts
 * option. The same definition draws the dashboard in the browser and the
 * images on the server.
 */
import type { EChartsOption } from 'echarts';

export interface FilaGrafico {
  /** The code of the category (a DIVIPOLA code, a type…), by which a click filters the page. */
  readonly clave?: string | null;
  /** The category: a phase, a department, a month… */
  readonly etiqueta: string;
  readonly valor: number;
  /** "≈ 1.700", "> 300", "11.991". */
  readonly texto: string;
  /** In a chart of several stacked series, the one this figure belongs to (a PDT state). */
  readonly serie?: string;
}

/** What a chart needs besides its rows: the words every published image carries. */
export interface Contexto {
  /** "Fase II · Tolima", or "Toda la estrategia". */
  readonly filtrosEnPalabras: string;
  /** dd/mm/aaaa, or null when there are no figures. */
  readonly fechaCorte: string | null;
  readonly fuente: string;
}

export type ConsultaGrafico =
  | {
      readonly tipo: 'desglose';
      readonly por: string;
      readonly metrica: string;
      readonly limite?: number;
    }
  | {
      readonly tipo: 'serie';
      readonly metrica: string;
      readonly periodo: 'dia' | 'semana' | 'mes';
      readonly acumulado: boolean;
    }
  | {
      /** A phase III figure on the date of fecha_corte (today without it). */
      readonly tipo: 'pdt';
      readonly serie: SeriePdt;
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
  opcion(filas: readonly FilaGrafico[], contexto: Contexto): EChartsOption;
}
