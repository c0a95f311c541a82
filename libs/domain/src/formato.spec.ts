import {
  contar,
  formatearPeriodo,
  formatearCifra,
  formatearFecha,
  formatearFechaHora,
  formatearNumero,
} from './formato';

describe('formato es-CO', () => {
  it.each([
    [11991, '11.991'],
    [20743, '20.743'],
    [540, '540'],
    [1250000.5, '1.250.000,5'],
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [-1234567, '-1.234.567'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('formatearNumero(%p) = %s', (valor, esperado) => {
    expect(formatearNumero(valor)).toBe(esperado);
  });

  it('groups whole numbers exactly as Intl does for es-CO, for every length and sign', () => {
    const intl = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });
    const valores = [-0, 1e21, 12.345];
    for (let cifras = 1; cifras <= 16; cifras++) {
      for (const inicio of [1, 4, 9]) {
        const valor = Number(String(inicio).repeat(cifras).slice(0, cifras));
        valores.push(valor, -valor, valor - 1);
      }
    }
    for (const valor of valores) expect(formatearNumero(valor)).toBe(intl.format(valor));
  });

  it('writes dates as dd/mm/aaaa', () => {
    expect(formatearFecha('2023-07-17')).toBe('17/07/2023');
  });

  it('writes instants as dd/mm/aaaa hh:mm in Colombian time (UTC−5), on a 24-hour clock', () => {
    expect(formatearFechaHora('2023-07-17T21:05:00Z')).toBe('17/07/2023 16:05');
    expect(formatearFechaHora(new Date('2024-01-01T03:30:00Z'))).toBe('31/12/2023 22:30');
  });

  it.each([
    [{ valor: 11991, calificador: 'exacto' as const }, '11.991'],
    [{ valor: 300, calificador: 'minimo' as const }, '> 300'],
    [{ valor: 1700, calificador: 'aproximado' as const }, '≈ 1.700'],
  ])('formatearCifra(%o) = %s', (cifra, esperado) => {
    expect(formatearCifra(cifra)).toBe(esperado);
  });
});

describe('formatearPeriodo', () => {
  it.each([
    ['2023-07-17', '2023-07-17', '17/07/2023'],
    ['2023-04-01', '2023-07-31', 'abril a julio de 2023'],
    ['2023-06-01', '2023-06-30', 'junio de 2023'],
    ['2023-06-01', '2024-01-31', 'junio de 2023 a enero de 2024'],
    ['2023-08-03', '2023-10-11', '03/08/2023 a 11/10/2023'],
    ['2023-04-01', '2023-06-29', '01/04/2023 a 29/06/2023'],
    ['2023-01-01', '2023-12-31', '2023'],
    ['2023-01-01', '2024-12-31', 'enero de 2023 a diciembre de 2024'],
    [null, null, '—'],
  ])('%s a %s → %s', (desde, hasta, texto) => {
    expect(formatearPeriodo(desde, hasta)).toBe(texto);
  });
});

describe('contar', () => {
  it.each([
    [1, '1 departamento alcanzado'],
    [0, '0 departamentos alcanzados'],
    [4, '4 departamentos alcanzados'],
    [1122, '1.122 departamentos alcanzados'],
  ])('%p', (n, esperado) => {
    expect(contar(n, 'departamento alcanzado', 'departamentos alcanzados')).toBe(esperado);
  });
});
