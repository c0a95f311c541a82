import { Consulta, Filtros } from '../filtros';
import { FuenteAsistencias } from './fuente';

/** What every part of the facts' SQL is built from. */
export interface PedidoDeHechos {
  readonly f: Filtros;
  /** The statement's parameters: numbered as the parts are built. */
  readonly q: Consulta;
  readonly fuente: FuenteAsistencias;
  /** Facts read from resumen_fase_tipo keep their phase and type (a breakdown by either); every other fact keeps them always. */
  readonly conFaseYTipo: boolean;
  /** The cut-off date's parameter, when one is asked for. */
  readonly corte?: string;
}
