import { alcanceDeExportacion } from './exportaciones.acceso';

const ana = { usuarioId: '7', tokenId: null, rol: 'analista' as const, departamentos: null };
const etl = { usuarioId: null, tokenId: '3', rol: 'analista' as const, departamentos: null };

describe('alcanceDeExportacion', () => {
  it.each([
    ['its user, national', { usuarioId: '7', tokenId: null, departamentos: null }, ana, 'suya'],
    ['its token', { usuarioId: null, tokenId: '3', departamentos: ['05'] }, etl, 'suya'],
    [
      'another token of the same name',
      { usuarioId: null, tokenId: '4', departamentos: null },
      etl,
      'ajena',
    ],
    [
      'a user whose id is a token id',
      { usuarioId: null, tokenId: '7', departamentos: null },
      ana,
      'ajena',
    ],
    [
      'its user, limited to 05 since',
      { usuarioId: '7', tokenId: null, departamentos: null },
      { ...ana, departamentos: ['05'] },
      'fuera',
    ],
    [
      'its user, limited to 05 since, an export of 05 and 76',
      { usuarioId: '7', tokenId: null, departamentos: ['05', '76'] },
      { ...ana, departamentos: ['05'] },
      'fuera',
    ],
    [
      'its user, limited to 05 and 76, an export of 05',
      { usuarioId: '7', tokenId: null, departamentos: ['05'] },
      { ...ana, departamentos: ['05', '76'] },
      'suya',
    ],
    [
      'a national admin, another owner',
      { usuarioId: '8', tokenId: null, departamentos: null },
      { usuarioId: '1', tokenId: null, rol: 'admin' as const, departamentos: null },
      'suya',
    ],
    [
      'anybody',
      { usuarioId: '8', tokenId: null, departamentos: null },
      { usuarioId: null, tokenId: null, rol: null, departamentos: null },
      'ajena',
    ],
  ])('%s', (_caso, trabajo, quien, esperado) => {
    expect(alcanceDeExportacion(trabajo, quien)).toBe(esperado);
  });
});
