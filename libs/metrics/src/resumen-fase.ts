import { CodigoFase, MetricaDeclarada } from '@tablero/domain';
import { CifraPublicada } from './cifras';

export interface CifraDeMetrica extends CifraPublicada {
  readonly metrica: MetricaDeclarada;
  readonly etiqueta: string;
}

export interface ResumenPorTipo {
  readonly tipo: { readonly codigo: string; readonly nombre: string };
  readonly actividades: number;
  readonly cifras: CifraDeMetrica[];
}

export interface ResumenFase {
  readonly fase: {
    readonly codigo: CodigoFase;
    readonly nombre: string;
    readonly objetivo: string;
    readonly periodo: string;
    readonly inicio: string;
    readonly fin: string | null;
  };
  /** The latest cut-off date among the figures shown; null when the phase has none yet. */
  readonly fechaCorte: string | null;
  readonly actividades: number;
  readonly porTipo: ResumenPorTipo[];
  /** Each metric summed over the phase. */
  readonly totales: CifraDeMetrica[];
  /** Views, certified persons and attendances added up: unlike units, told with their parts. */
  readonly interacciones: CifraPublicada;
  readonly fuente: string;
}
