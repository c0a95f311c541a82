import { cambioDeEdicion, comoNombrePropio } from './territorios.import';

describe('comoNombrePropio', () => {
  it.each([
    ['SANTA FÉ DE ANTIOQUIA', 'Santa Fé de Antioquia'],
    ['BOGOTÁ, D.C.', 'Bogotá, D.C.'],
    ['EL CARMEN DE VIBORAL', 'El Carmen de Viboral'],
    ['PIENDAMÓ - TUNÍA', 'Piendamó - Tunía'],
    ['VALLE DEL GUAMUEZ', 'Valle del Guamuez'],
    ['LA UNIÓN', 'La Unión'],
    [
      'ARCHIPIÉLAGO DE SAN ANDRÉS, PROVIDENCIA Y SANTA CATALINA',
      'Archipiélago de San Andrés, Providencia y Santa Catalina',
    ],
    // Written in mixed case: kept as written.
    ['San José de Cúcuta', 'San José de Cúcuta'],
    ['santa marta', 'santa marta'],
  ])('%s → %s', (dane, nombre) => {
    expect(comoNombrePropio(dane)).toBe(nombre);
  });
});

describe('cambioDeEdicion', () => {
  const medellin = {
    codigo: '05001',
    nombre: 'Medellín',
    nivel: 'municipio' as const,
    tipo: 'Municipio',
    categoria: 'especial',
  };

  it('says nothing changed when only case, accents or punctuation differ', () => {
    expect(cambioDeEdicion({ ...medellin, nombre: 'Medellin' }, medellin)).toBeNull();
    expect(cambioDeEdicion({ ...medellin, tipo: null, categoria: null }, medellin)).toBeNull();
  });

  it('adds a territory the database does not have', () => {
    expect(cambioDeEdicion(medellin, undefined)).toEqual({
      territorio: medellin,
      nuevo: true,
      descripcion: 'nuevo municipio (Municipio)',
    });
  });

  it('renames, retypes and recategorises, keeping what the file does not give', () => {
    expect(
      cambioDeEdicion(
        { ...medellin, nombre: 'Medellín Distrito', tipo: null, categoria: '1' },
        medellin,
      ),
    ).toEqual({
      territorio: { ...medellin, nombre: 'Medellín Distrito', categoria: '1' },
      nuevo: false,
      descripcion: 'nombre «Medellín» → «Medellín Distrito»; categoría especial → 1',
    });
    expect(cambioDeEdicion({ ...medellin, nombre: 'MEDELLIN', tipo: 'Isla' }, medellin)).toEqual({
      territorio: { ...medellin, tipo: 'Isla' },
      nuevo: false,
      descripcion: 'tipo Municipio → Isla',
    });
  });
});
