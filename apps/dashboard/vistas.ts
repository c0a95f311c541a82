/** The dashboard's views: their paths (served by the API as the page) and their names in the menu. */
export const VISTAS = [
  { ruta: 'resumen', titulo: 'Resumen' },
  { ruta: 'fases', titulo: 'Fases' },
  { ruta: 'territorio', titulo: 'Territorio' },
  { ruta: 'participacion', titulo: 'Participación' },
  { ruta: 'actividades', titulo: 'Actividades' },
  { ruta: 'importaciones', titulo: 'Importaciones' },
] as const;

export type RutaVista = (typeof VISTAS)[number]['ruta'];
