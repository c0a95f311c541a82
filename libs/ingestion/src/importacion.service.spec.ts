import { conFechaDelNombre } from './importacion.service';

describe('conFechaDelNombre', () => {
  it.each([
    ['Contenido 2023-04-01_2023-12-31 Canal DNP.csv', {}, { fechaCorte: '2023-12-31' }],
    ['Table data.csv', {}, {}],
    [
      'Contenido 2023-04-01_2023-12-31.csv',
      { fechaCorte: '2024-01-15' },
      { fechaCorte: '2024-01-15' },
    ],
    ['vistas.csv', { actividad: 'X' }, { actividad: 'X' }],
  ])('%s with %o → %o', (nombre, opciones, esperado) => {
    expect(conFechaDelNombre(opciones, nombre)).toEqual(esperado);
  });
});
