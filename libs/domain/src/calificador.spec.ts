import { Calificador, combinarCalificadores, sumarCifras } from './calificador';

describe('combinarCalificadores', () => {
  it.each<[Calificador, Calificador, Calificador]>([
    ['exacto', 'exacto', 'exacto'],
    ['exacto', 'minimo', 'minimo'],
    ['minimo', 'exacto', 'minimo'],
    ['exacto', 'aproximado', 'aproximado'],
    ['minimo', 'aproximado', 'aproximado'],
    ['aproximado', 'minimo', 'aproximado'],
    ['minimo', 'minimo', 'minimo'],
  ])('%s + %s = %s', (a, b, esperado) => {
    expect(combinarCalificadores(a, b)).toBe(esperado);
  });
});

describe('sumarCifras', () => {
  it('is exact and zero for no figures', () => {
    expect(sumarCifras([])).toEqual({ valor: 0, calificador: 'exacto', valorNoExacto: 0 });
  });

  it('adds phase II as FACTS.md does: 21.712, of which 2.300 approximate or lower bounds', () => {
    expect(
      sumarCifras([
        { valor: 300, calificador: 'minimo' },
        { valor: 1700, calificador: 'aproximado' },
        { valor: 300, calificador: 'aproximado' },
        { valor: 3715, calificador: 'exacto' },
        { valor: 11551, calificador: 'exacto' },
        { valor: 3641, calificador: 'exacto' },
        { valor: 505, calificador: 'exacto' },
      ]),
    ).toEqual({ valor: 21712, calificador: 'aproximado', valorNoExacto: 2300 });
  });

  it('keeps a lower bound when only lower bounds and exact figures are added', () => {
    expect(
      sumarCifras([
        { valor: 300, calificador: 'minimo' },
        { valor: 3715, calificador: 'exacto' },
      ]),
    ).toEqual({ valor: 4015, calificador: 'minimo', valorNoExacto: 300 });
  });
});
