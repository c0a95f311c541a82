import { FueraDeSusDepartamentos, limitarADepartamentos, periodoInvertido } from './filtros';

describe('limitarADepartamentos', () => {
  it.each([
    ['a user with no limit keeps the filters as asked', { fase: 'II' }, null, { fase: 'II' }],
    [
      'a limited user gets their departments forced in',
      { fase: 'II' },
      ['05', '08'],
      { fase: 'II', departamentos: ['05', '08'] },
    ],
    [
      'one of their departments asked for is kept, with the limit',
      { departamento: '08' },
      ['05', '08'],
      { departamento: '08', departamentos: ['05', '08'] },
    ],
    [
      'a municipality of one of their departments is kept',
      { municipio: '05001' },
      ['05'],
      { municipio: '05001', departamentos: ['05'] },
    ],
  ] as const)('%s', (_caso, pedidos, departamentos, esperados) => {
    expect(limitarADepartamentos(pedidos, departamentos)).toEqual(esperados);
  });

  it.each([
    ['departamento', { departamento: '11' }],
    ['municipio', { municipio: '11001' }],
  ] as const)('refuses another %s, naming the parameter', (parametro, pedidos) => {
    expect(() => limitarADepartamentos(pedidos, ['05'])).toThrow(FueraDeSusDepartamentos);
    expect(() => limitarADepartamentos(pedidos, ['05'])).toThrow(`«${parametro}»`);
  });

  it('refuses a subregion with none of their departments, and keeps one with some', () => {
    expect(() => limitarADepartamentos({ subregion: 'catatumbo' }, ['05'], ['54'])).toThrow(
      '«subregion»',
    );
    expect(limitarADepartamentos({ subregion: 'x' }, ['05'], ['05', '54'])).toEqual({
      subregion: 'x',
      departamentos: ['05'],
    });
  });
});

describe('periodoInvertido', () => {
  it.each([
    ['no dates', {}],
    ['only «Desde»', { desde: '2023-12-31' }],
    ['«Desde» before «Hasta»', { desde: '2023-01-01', hasta: '2023-12-31' }],
    ['one day', { desde: '2023-07-17', hasta: '2023-07-17' }],
  ])('accepts %s', (_caso, filtros) => {
    expect(periodoInvertido(filtros)).toBeUndefined();
  });

  it('refuses «Desde» after «Hasta», naming both dates as users write them', () => {
    expect(periodoInvertido({ desde: '2023-12-31', hasta: '2023-01-01' })).toBe(
      'La fecha «Desde» (31/12/2023) es posterior a la fecha «Hasta» (01/01/2023): ' +
        'elija un periodo que empiece antes de terminar.',
    );
  });
});
