import { Filtros } from '@tablero/metrics';

/**
 * Filter sets that exercise each way the facts are read (summaries by
 * activity, department, group, municipality; phase × type blocks whole or by
 * month; whole months; subregions; dates and cut-offs), on the generated dataset's codes.
 */
export const FILTROS_COMBINADOS: readonly Filtros[] = [
  {},
  { fase: 'III' },
  { departamento: '11' },
  { fase: 'II', modalidad: 'presencial', grupo: 'equipos_entrantes' },
  { tipo: 'taller_presencial', desde: '2024-03-01', hasta: '2024-12-31', fechaCorte: '2024-10-31' },
  { aliado: 'esap', departamento: '05' },
  { grupo: 'ciudadania' },
  { departamento: '54' },
  { departamento: '05', grupo: 'candidatos' },
  { fase: 'III', tipo: 'webinar', municipio: '05001' },
  { desde: '2024-01-01', hasta: '2024-06-30' },
  { departamento: '05', fechaCorte: '2024-06-30' },
  // Webinars seen before the cut-off and again after it: their views at the cut-off.
  { tipo: 'webinar', fechaCorte: '2024-06-30' },
  { subregion: 'oriente_antioqueno' },
  { subregion: 'catatumbo', fase: 'I', grupo: 'candidatos' },
  {
    subregion: 'oriente_antioqueno',
    modalidad: 'presencial',
    desde: '2024-03-01',
    hasta: '2024-12-31',
    fechaCorte: '2024-10-31',
  },
  { subregion: 'catatumbo', departamento: '54' },
  {
    subregion: 'catatumbo',
    departamentos: ['05', '54'],
    grupo: 'ciudadania',
    modalidad: 'virtual',
  },
  // A subregion and a municipality: its records by municipality, not by subregion.
  { subregion: 'oriente_antioqueno', municipio: '05615' },
  { municipio: '05001', desde: '2024-05-10', hasta: '2024-08-20', grupo: 'ciudadania' },
  { departamentos: ['05', '11'], grupo: 'ciudadania' },
  // Whole months read from resumen_mes: for a municipality, and across a list of departments.
  { municipio: '05001', desde: '2024-01-01', hasta: '2024-06-30' },
  { departamentos: ['05', '54'], desde: '2024-02-01', hasta: '2024-07-31' },
  { departamentos: ['05', '54'] },
  // PDET's subregions: as a kind, one of them, and a kind with another subregion that shares municipalities.
  { tipoSubregion: 'pdet' },
  { tipoSubregion: 'pdet', fase: 'III', grupo: 'ciudadania' },
  { tipoSubregion: 'estrategia', desde: '2024-01-01', hasta: '2024-06-30' },
  { subregion: 'pdet_catatumbo', modalidad: 'presencial' },
  { subregion: 'catatumbo', tipoSubregion: 'pdet' },
];
