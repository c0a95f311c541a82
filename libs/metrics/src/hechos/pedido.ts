import { Consulta, Filtros } from '../filtros';

/**
 * Where attendance records are read from: the smallest summary that holds
 * what the question asks (by activity; by department; by department and
 * group; by group; by municipality and group; by subregion and group; by phase × type,
 * department or municipality, and group, or with the groups added up, where all the activities
 * of a phase and type are in scope, and then by month and municipality where all the activities
 * of a month are), or the raw records (the naive baseline). Facts read from the latter two keep
 * no activity, and their phase and type only for a breakdown by either.
 */
export type FuenteAsistencias =
  | 'actividad'
  | 'departamento'
  | 'departamento_grupo'
  | 'grupo'
  | 'resumen'
  | 'subregion'
  | 'subregion_grupo'
  | 'fase_tipo_departamento'
  | 'fase_tipo_departamento_total'
  | 'fase_tipo_municipio'
  | 'fase_tipo_municipio_total'
  | 'asistencias';

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
