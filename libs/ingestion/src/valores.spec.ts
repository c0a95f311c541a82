import {
  divipola,
  enmascarar,
  entero,
  fecha,
  textoHasta,
  normalizar,
  numeroDocumento,
  tipoDocumento,
  uno,
  ValorInvalido,
} from './valores';

const invalido = (f: () => unknown) => expect(f).toThrow(ValorInvalido);

describe('fecha', () => {
  it.each([
    ['17/07/2023', '2023-07-17'],
    ['3/8/2023', '2023-08-03'],
    ['11-10-2023', '2023-10-11'],
    ['2023-07-17', '2023-07-17'],
    ['2023-07-17 10:30:00', '2023-07-17'],
    [45124, '2023-07-17'],
    ['45124', '2023-07-17'],
    [new Date(Date.UTC(2023, 6, 17)), '2023-07-17'],
  ])('%p → %s', (celda, esperado) => {
    expect(fecha(celda)).toBe(esperado);
  });

  it.each(['2023-08-03 09:15:00', '03/08/2023, 9:15 a. m.', '2023-08-03T09:15:00.123-05:00'])(
    'reads %p, a date with its time, as 2023-08-03',
    (celda) => expect(fecha(celda)).toBe('2023-08-03'),
  );

  it.each([
    '31/02/2023',
    '2023-13-01',
    '17 de julio',
    '',
    'mañana',
    '07/17/2023',
    '04/09/2023 ; DROP TABLE',
    '2023-09-04 cualquier cosa',
  ])('refuses %p', (celda) => invalido(() => fecha(celda)));
});

describe('entero', () => {
  it.each([
    ['11.991', 11991],
    ['11991', 11991],
    ['1.250.000', 1250000],
    [' 540 ', 540],
    ['505,00', 505],
    [3715, 3715],
    ['0', 0],
  ])('%p → %p', (celda, esperado) => {
    expect(entero(celda)).toBe(esperado);
  });

  it.each(['-5', -5, 1.5, '1.5', '1,5', '12.34.567', 'mil', ''])('refuses %p', (celda) =>
    invalido(() => entero(celda)),
  );
});

describe('divipola', () => {
  it.each([
    [5001, '05001'],
    ['5001', '05001'],
    ['05001', '05001'],
    ['76001', '76001'],
    [5, '05'],
    ['5', '05'],
    ['11', '11'],
  ])('%p → %s', (celda, esperado) => {
    expect(divipola(celda)).toBe(esperado);
  });

  it.each(['123', '123456', 'ANT', '', '05-001'])('refuses %p', (celda) =>
    invalido(() => divipola(celda)),
  );
});

describe('documents', () => {
  it.each([
    ['1.020.304.050', '1020304050'],
    [' 0012345678 ', '12345678'],
    ['12 345 678', '12345678'],
    [1020304050, '1020304050'],
    ['ab123456', 'AB123456'],
  ])('numeroDocumento(%p) = %s', (celda, esperado) => {
    expect(numeroDocumento(celda)).toBe(esperado);
  });

  it.each(['', '0000', '12', 'x'.repeat(25), '123/456'])('refuses document %p', (celda) =>
    invalido(() => numeroDocumento(celda)),
  );

  it.each([
    ['c.c.', 'CC'],
    [' ppt ', 'PPT'],
    ['Cédula', 'CC'],
    ['Cédula de ciudadanía', 'CC'],
    ['Cédula de ciudadanía (CC)', 'CC'],
    ['CÉDULA DE EXTRANJERÍA', 'CE'],
    ['Tarjeta de identidad', 'TI'],
    ['Pasaporte', 'PA'],
    ['Permiso por Protección Temporal (PPT)', 'PPT'],
  ])('reads the document type %p, as forms offer it, as %s', (celda, esperado) => {
    expect(tipoDocumento(celda)).toBe(esperado);
  });

  it.each(['Licencia de conducción', 'XX', 'Cédula de vecindad'])(
    'refuses the document type %p',
    (c) => invalido(() => tipoDocumento(c)),
  );

  it.each([
    ['1020304050', '******4050'],
    ['123', '***'],
    ['persona@dnp.gov.co', 'p***@dnp.gov.co'],
  ])('masks %p as %p', (valor, esperado) => {
    expect(enmascarar(valor)).toBe(esperado);
  });
});

describe('names', () => {
  it.each([
    ['Bogotá, D.C.', 'BOGOTA D.C.'],
    ['Bogotá, D.C.', 'bogota dc'],
    ['Pto. Asís', 'PUERTO ASIS'],
    ['Sta. Rosa de Osos', 'Santa Rosa de Osos'],
    ['Piendamó - Tunía', 'PIENDAMO TUNIA'],
    ['Consejos Territoriales de Planeación', 'CONSEJOS  TERRITORIALES DE PLANEACION'],
  ])('%p and %p compare equal', (a, b) => {
    expect(normalizar(a)).toBe(normalizar(b));
  });

  it('keeps different names apart', () => {
    expect(normalizar('Cartagena')).not.toBe(normalizar('Cartagena del Chairá'));
  });
});

describe('closed values', () => {
  it('compares without case, accents, spaces or underscores', () => {
    expect(normalizar('Código_Municipio ')).toBe('codigomunicipio');
    expect(normalizar('¿Número de documento?')).toBe('numerodedocumento');
    expect(uno('Híbrida', ['presencial', 'virtual', 'hibrida'], 'La modalidad')).toBe('hibrida');
    expect(() => uno('mixta', ['presencial', 'virtual'], 'La modalidad')).toThrow(
      'La modalidad debe ser uno de: presencial, virtual',
    );
  });
});

describe('textoHasta', () => {
  it('keeps a text up to its maximum and rejects a longer one with its length, never cutting it', () => {
    expect(textoHasta(5)(' abcde ')).toBe('abcde');
    expect(() => textoHasta(5)('abcdef')).toThrow('el texto tiene 6 caracteres; el máximo es 5');
  });
});
