import { enSlug, nombreDeArchivo } from './nombre-de-archivo';

describe('nombreDeArchivo', () => {
  it.each([
    [
      'a chart of phase II',
      ['alcance-por-fase', { fase: 'II' }, '2023-12-31', 'png'],
      'alcance-por-fase_fase-II_corte-2023-12-31.png',
    ],
    [
      'filters in the order of the filters’ table, whatever order they were given in',
      ['balance', { modalidad: 'hibrida', departamento: '73', fase: 'II' }, '2023-12-31', 'xlsx'],
      'balance_fase-II_departamento-73_modalidad-hibrida_corte-2023-12-31.xlsx',
    ],
    [
      'codes with underscores and dates stay readable',
      [
        'detalle-asistencias',
        { tipo: 'taller_presencial', desde: '2023-08-01', tipoSubregion: 'pdet' },
        '2023-10-11',
        'csv',
      ],
      'detalle-asistencias_desde-2023-08-01_tipo-subregion-pdet_tipo-taller-presencial_corte-2023-10-11.csv',
    ],
    [
      'the cut-off filter is the cut-off date, named once',
      ['vistas-por-webinar', { fechaCorte: '2023-09-30' }, '2023-09-30', 'svg'],
      'vistas-por-webinar_corte-2023-09-30.svg',
    ],
    [
      'no figures, no cut-off',
      ['interacciones-por-fase', {}, null, 'png'],
      'interacciones-por-fase.png',
    ],
  ] as const)('%s', (_caso, [base, filtros, corte, extension], esperado) => {
    expect(nombreDeArchivo(base, filtros, corte, extension)).toBe(esperado);
  });

  it('writes Spanish words in ASCII', () => {
    expect(enSlug('Transición: Ibagué, Tolima (año 2023)')).toBe(
      'Transicion-Ibague-Tolima-ano-2023',
    );
  });
});
