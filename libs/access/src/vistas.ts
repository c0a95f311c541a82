/**
 * The dashboard's views: their paths (served by the API as the page), their
 * names in the menu and the permission a caller needs to see them.
 */
export const VISTAS = [
  { ruta: 'resumen', titulo: 'Resumen', permiso: 'tablero' },
  { ruta: 'fases', titulo: 'Fases', permiso: 'tablero' },
  { ruta: 'territorio', titulo: 'Territorio', permiso: 'tablero' },
  { ruta: 'participacion', titulo: 'Participación', permiso: 'tablero' },
  { ruta: 'actividades', titulo: 'Actividades', permiso: 'tablero' },
  { ruta: 'importaciones', titulo: 'Importaciones', permiso: 'importar' },
  { ruta: 'administracion', titulo: 'Administración', permiso: 'administrar' },
  { ruta: 'ingresar', titulo: 'Ingresar', permiso: null },
] as const;

export type RutaVista = (typeof VISTAS)[number]['ruta'];
