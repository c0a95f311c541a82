/**
 * The name of a downloaded file (a chart image, its data, a workbook, an export): what it is, its
 * filters in the order of the filters' table, and the cut-off date of its figures, so that two
 * downloads of different views never share a name ("alcance-por-fase_fase-II_corte-2023-12-31.png").
 * The API sends it in Content-Disposition; the dashboard puts the same name in its links.
 */
import { CAMPOS_FILTRO, FILTROS, Filtros } from './filtros';

/** ASCII letters, digits and hyphens: accents dropped, anything else a hyphen. */
export function enSlug(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `fechaCorte`: the figures' cut-off date (aaaa-mm-dd), or null when there are none. */
export function nombreDeArchivo(
  base: string,
  filtros: Filtros,
  fechaCorte: string | null,
  extension: string,
): string {
  const partes = [
    enSlug(base),
    // The cut-off filter is the cut-off date itself, named last.
    ...CAMPOS_FILTRO.filter((campo) => campo !== 'fechaCorte' && filtros[campo]).map((campo) =>
      enSlug(`${FILTROS[campo].parametro}-${filtros[campo]}`),
    ),
    ...(fechaCorte ? [`corte-${enSlug(fechaCorte)}`] : []),
  ];
  return `${partes.join('_')}.${extension}`;
}
