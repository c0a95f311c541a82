/** Where a question's attendance records are read from. */
import { Filtros } from '../filtros';
import { Dimension } from '../metricas.tipos';

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

/**
 * The dimensions a fact without its activity (from resumen_fase_tipo or resumen_mes) can be told by; a
 * department's row only by its department. Not by group: a record without a group is under the groups its
 * activity was aimed at, which those summaries keep only for a group asked for.
 */
const DIMENSIONES_SIN_ACTIVIDAD = new Set<Dimension | undefined>([
  undefined,
  'fase',
  'tipo',
  'departamento',
  'municipio',
  'subregion',
  'modalidad',
]);

/**
 * The smallest attendance summary that holds what the filters and the
 * breakdown ask for; `porActividad` when every fact must keep its activity
 * and date (series, figures per activity); with `ingenua`, the raw records.
 */
export function fuenteDeAsistencias(
  f: Filtros,
  {
    por,
    porActividad = false,
    ingenua = false,
  }: { por?: Dimension; porActividad?: boolean; ingenua?: boolean },
): FuenteAsistencias {
  if (ingenua) return 'asistencias';
  const municipal =
    f.municipio || f.subregion || f.tipoSubregion || por === 'municipio' || por === 'subregion';
  const departamental = f.departamento || f.departamentos || por === 'departamento';
  const grupal = f.grupo || por === 'grupo';
  const sinActividad = !porActividad && DIMENSIONES_SIN_ACTIVIDAD.has(por);
  // A subregion's records are placed in it and its departments, not in a municipality: not for a kind of
  // subregion, which another subregion's municipalities may belong to.
  if (f.subregion && !f.municipio && !f.tipoSubregion && por !== 'municipio' && por !== 'subregion')
    return grupal ? 'subregion_grupo' : 'subregion';
  if (municipal && sinActividad)
    return grupal ? 'fase_tipo_municipio' : 'fase_tipo_municipio_total';
  if (municipal) return 'resumen';
  if (departamental && sinActividad)
    return grupal ? 'fase_tipo_departamento' : 'fase_tipo_departamento_total';
  if (departamental) return grupal ? 'departamento_grupo' : 'departamento';
  if (grupal) return 'grupo';
  return 'actividad';
}
