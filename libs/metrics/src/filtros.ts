/**
 * The filters every metric accepts, the same for the API, the dashboard, the
 * workbook and the chart images.
 */
import { CodigoFase, MODALIDADES, Modalidad } from '@tablero/domain';

export interface Filtros {
  readonly fase?: CodigoFase;
  /** Activities that end on or after this date (aaaa-mm-dd). */
  readonly desde?: string;
  /** Activities that start on or before this date. */
  readonly hasta?: string;
  /** Figures as they stood on this date: activities started by then, the latest snapshot or declared figure on or before it. */
  readonly fechaCorte?: string;
  readonly departamento?: string;
  readonly municipio?: string;
  readonly subregion?: string;
  readonly tipo?: string;
  readonly aliado?: string;
  readonly grupo?: string;
  readonly modalidad?: Modalidad;
}

/** The query parameter of each filter: the API's names are Spanish and snake_case. */
export const PARAMETROS_FILTRO: Readonly<Record<keyof Filtros, string>> = {
  fase: 'fase',
  desde: 'desde',
  hasta: 'hasta',
  fechaCorte: 'fecha_corte',
  departamento: 'departamento',
  municipio: 'municipio',
  subregion: 'subregion',
  tipo: 'tipo',
  aliado: 'aliado',
  grupo: 'grupo',
  modalidad: 'modalidad',
};

export const MODALIDADES_FILTRO: readonly Modalidad[] = MODALIDADES;

/** Bound parameters of one SQL statement: p(valor) returns its placeholder. */
export class Consulta {
  readonly params: unknown[] = [];

  p(valor: unknown): string {
    this.params.push(valor);
    return `$${this.params.length}`;
  }
}
