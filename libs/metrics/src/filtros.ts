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
  /**
   * The departments a department-limited user may see: set by the access
   * layer (never a query parameter), applied to every fact like `departamento`.
   */
  readonly departamentos?: readonly string[];
}

/** The query parameter of each filter: the API's names are Spanish and snake_case. */
export const PARAMETROS_FILTRO: Readonly<Record<Exclude<keyof Filtros, 'departamentos'>, string>> =
  {
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

/** A filter asks for a department outside the ones the user may see. */
export class FueraDeSusDepartamentos extends Error {
  constructor(readonly parametro: 'departamento' | 'municipio' | 'subregion') {
    super(
      `El parámetro «${parametro}» está fuera de los departamentos que su usuario puede consultar.`,
    );
  }
}

/**
 * The filters of a user limited to some departments: the requested ones,
 * intersected with theirs. Asking for another department, a municipality of
 * one or a subregion with none of theirs is an error, not an empty answer, so
 * that nobody reads a zero as a fact.
 */
export function limitarADepartamentos(
  f: Filtros,
  departamentos: readonly string[] | null,
  departamentosDeLaSubregion: readonly string[] = [],
): Filtros {
  if (!departamentos) return f;
  if (f.departamento && !departamentos.includes(f.departamento))
    throw new FueraDeSusDepartamentos('departamento');
  if (f.municipio && !departamentos.includes(f.municipio.slice(0, 2)))
    throw new FueraDeSusDepartamentos('municipio');
  if (f.subregion && !departamentosDeLaSubregion.some((d) => departamentos.includes(d)))
    throw new FueraDeSusDepartamentos('subregion');
  return { ...f, departamentos };
}

export const MODALIDADES_FILTRO: readonly Modalidad[] = MODALIDADES;

/** Bound parameters of one SQL statement: p(valor) returns its placeholder. */
export class Consulta {
  readonly params: unknown[] = [];

  p(valor: unknown): string {
    this.params.push(valor);
    return `$${this.params.length}`;
  }
}
