import { celdaSegura } from './celda-segura';

describe('celdaSegura', () => {
  it.each([
    ['=HYPERLINK("http://x","clic")', `'=HYPERLINK("http://x","clic")`],
    ['+57 300', `'+57 300`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Taller de Ibagué', 'Taller de Ibagué'],
    ['', ''],
    ['1=1', '1=1'],
  ])('%p → %p', (valor, esperado) => {
    expect(celdaSegura(valor)).toBe(esperado);
  });
});
