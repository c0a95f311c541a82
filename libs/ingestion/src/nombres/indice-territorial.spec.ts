import { DIVIPOLA, NOMBRES_COMUNES_DEPARTAMENTO, NOMBRES_COMUNES_MUNICIPIO } from '@tablero/domain';
import { normalizar, ValorDesconocido, ValorInvalido } from '../valores';
import { IndiceTerritorial, Resuelto } from './indice-territorial';

const territorios = [...DIVIPOLA.departamentos, ...DIVIPOLA.municipios];
const indice = new IndiceTerritorial(territorios);

/** What a resolution gives, in one comparable shape: the code and note, or the error and its reason. */
function resultado(resolver: () => Resuelto) {
  try {
    return resolver();
  } catch (error) {
    if (!(error instanceof ValorInvalido)) throw error;
    return {
      [error instanceof ValorDesconocido ? 'desconocido' : 'invalido']: error.message,
    };
  }
}

describe('a municipality by code', () => {
  it.each([
    ['05001', null, { codigo: '05001' }],
    ['5001', null, { codigo: '05001' }],
    ['11001', '11', { codigo: '11001' }],
    ['88001', null, { codigo: '88001' }],
    [
      '94663',
      null,
      {
        codigo: '94343',
        nota: 'el código 94663 (Mapiripana) dejó de existir en 2019: se lee 94343 Barrancominas, que lo absorbió',
      },
    ],
    [
      '27086',
      '27',
      {
        codigo: '27493',
        nota: 'el código 27086 (Belén de Bajirá) fue anulado en 2007: se lee 27493 Nuevo Belén de Bajirá',
      },
    ],
    [
      '11001',
      '25',
      {
        codigo: '11001',
        nota: 'Bogotá, D.C. es un distrito capital, no un municipio de Cundinamarca: se lee 11001',
      },
    ],
    ['05999', null, { desconocido: 'el código 05999 no es de ningún municipio de la DIVIPOLA' }],
    [
      '17001',
      '05',
      { invalido: 'el municipio 17001 Manizales es de Caldas (17001), no de Antioquia' },
    ],
    ['05', null, { invalido: 'el código de municipio debe tener 5 dígitos' }],
    [
      '999',
      null,
      { invalido: 'el código DIVIPOLA debe tener 2 dígitos (departamento) o 5 (municipio)' },
    ],
  ])('%p in department %p → %p', (valor, departamento, esperado) => {
    expect(resultado(() => indice.municipio(valor, departamento))).toEqual(esperado);
  });
});

describe('a municipality by name', () => {
  it.each([
    // DANE's name, written in every way.
    ['Manizales', null, '17001'],
    ['MANIZALES', null, '17001'],
    ['Valledupar', null, '20001'],
    ['QUIBDO', null, '27001'],
    ['Santa Marta', null, '47001'],
    ['sincelejo', null, '70001'],
    ['Arauca', null, '81001'],
    ['Bogotá, D.C.', null, '11001'],
    ['BOGOTA D.C.', null, '11001'],
    ['Bogota DC', null, '11001'],
    ['  Medellín ', null, '05001'],
    ['Pto. Asís', null, '86568'],
    ['PIENDAMO TUNIA', null, '19548'],
    ['Santafé de Antioquia', null, '05042'],
    ['Don Matías', null, '05237'],
    // DANE's older and common names.
    ['Bogotá', null, '11001'],
    ['Santafé de Bogotá', null, '11001'],
    ['Cali', null, '76001'],
    ['CALI', '76', '76001'],
    ['Santiago de Cali', null, '76001'],
    ['Cartagena', null, '13001'],
    ['Cartagena de Indias', null, '13001'],
    ['Cartagena del Chairá', null, '18150'],
    ['Mompós', null, '13468'],
    ['Mompox', '13', '13468'],
    ['Cúcuta', null, '54001'],
    ['Cucuta', '54', '54001'],
    ['Tumaco', null, '52835'],
    ['Buga', null, '76111'],
    ['Barranca', null, '68081'],
    ['Mariquita', null, '73443'],
    ['Villa de Leiva', null, '15407'],
    ['Carmen de Viboral', null, '05148'],
    ['Tolú', null, '70820'],
    ['Belén de Bajirá', null, '27493'],
    // With the department, a shared name is one municipality.
    ['Armenia', '63', '63001'],
    ['Armenia', '05', '05059'],
    ['Albania', '44', '44035'],
    ['San Andrés', '88', '88001'],
    ['San Andrés', '68', '68669'],
    ['Manaure', '44', '44560'],
    ['Manaure', '20', '20443'],
    ['Caldas', '15', '15131'],
    // The department in the same cell.
    ['Albania, La Guajira', null, '44035'],
    ['Armenia (Quindío)', null, '63001'],
    ['San Andrés - San Andrés y Providencia', null, '88001'],
    // A municipality or mayor's office written as such.
    ['Municipio de Pasto', null, '52001'],
    ['Alcaldía de Ibagué', null, '73001'],
  ])('%p in department %p → %s', (valor, departamento, codigo) => {
    expect(resultado(() => indice.municipio(valor, departamento))).toEqual({ codigo });
  });

  it.each([
    [
      'Albania',
      null,
      {
        invalido:
          'hay varios municipios con ese nombre: indique el departamento (Albania: Caquetá 18029, La Guajira 44035, Santander 68020)',
      },
    ],
    [
      'Armenia',
      null,
      {
        invalido:
          'hay varios municipios con ese nombre: indique el departamento (Armenia: Antioquia 05059, Quindío 63001)',
      },
    ],
    [
      'Manaure',
      null,
      {
        invalido:
          'hay varios municipios con ese nombre: indique el departamento (Manaure: Cesar 20443, La Guajira 44560)',
      },
    ],
    [
      'Manizales',
      '05',
      { invalido: 'el municipio «Manizales» es de Caldas (17001), no de Antioquia' },
    ],
    [
      'Albania',
      '73',
      {
        invalido:
          'el municipio «Albania» es de Caquetá (18029), La Guajira (44035) o Santander (68020), no de Tolima',
      },
    ],
    ['Mompoz', '13', { desconocido: 'no hay un municipio «Mompoz» en Bolívar' }],
    ['Macondo', null, { desconocido: 'no hay un municipio «Macondo» en la DIVIPOLA' }],
    ['Tolima', null, { invalido: '«Tolima» es un departamento: escriba el municipio' }],
  ])('%p in department %p → %p', (valor, departamento, esperado) => {
    expect(resultado(() => indice.municipio(valor, departamento))).toEqual(esperado);
  });
});

describe('a department', () => {
  it.each([
    ['05', '05'],
    ['5', '05'],
    ['Antioquia', '05'],
    ['ANTIOQUIA', '05'],
    ['Atlantico', '08'],
    ['Bogotá', '11'],
    ['Bogotá, D.C.', '11'],
    ['Valle', '76'],
    ['Valle del Cauca', '76'],
    ['Guajira', '44'],
    ['Nte. de Santander', '54'],
    ['Norte de Santander', '54'],
    ['San Andrés', '88'],
    ['Archipiélago de San Andrés, Providencia y Santa Catalina', '88'],
    ['Gobernación del Cesar', '20'],
    ['Departamento de Nariño', '52'],
  ])('%p → %s', (valor, codigo) => {
    expect(resultado(() => indice.departamento(valor))).toEqual({ codigo });
  });

  it.each([
    ['Valle del Cauka', { desconocido: 'no hay un departamento «Valle del Cauka» en la DIVIPOLA' }],
    ['98', { desconocido: 'el código 98 no es de ningún departamento de la DIVIPOLA' }],
    ['05001', { invalido: 'el código de departamento debe tener 2 dígitos' }],
  ])('%p → %p', (valor, esperado) => {
    expect(resultado(() => indice.departamento(valor))).toEqual(esperado);
  });
});

describe('a department or a municipality', () => {
  it.each([
    ['73', null, { codigo: '73' }],
    ['73001', null, { codigo: '73001' }],
    ['Tolima', null, { codigo: '73' }],
    ['Ibagué', null, { codigo: '73001' }],
    ['Bogotá', null, { codigo: '11001' }],
    ['Arauca', '81', { codigo: '81001' }],
    ['Tolima', '73', { codigo: '73' }],
    ['Gobernación de Arauca', null, { codigo: '81' }],
    ['Gobernación de La Guajira', null, { codigo: '44' }],
    ['Gobernación del Valle del Cauca', null, { codigo: '76' }],
    ['Alcaldía de Santiago de Cali', null, { codigo: '76001' }],
    ['Alcaldía de Arauca', null, { codigo: '81001' }],
    ['Caldas', '17', { codigo: '17' }],
    [
      'Arauca',
      null,
      {
        invalido:
          '«Arauca» puede ser el departamento (81) o el municipio Arauca 81001: escriba el código, o «Gobernación de Arauca» o «Alcaldía de Arauca»',
      },
    ],
    [
      'Caldas',
      null,
      {
        invalido:
          '«Caldas» puede ser el departamento (17) o uno de los municipios Caldas 05129, Caldas 15131: escriba el código, o «Gobernación de Caldas» o «Alcaldía de Caldas»',
      },
    ],
    ['Tolima', '05', { invalido: '«Tolima» es un departamento distinto de Antioquia' }],
    ['73', '05', { invalido: 'el código 73 es el departamento Tolima, no Antioquia' }],
    [
      'Macondo',
      null,
      { desconocido: 'no hay un departamento ni un municipio «Macondo» en la DIVIPOLA' },
    ],
    ['Macondo', '73', { desconocido: 'no hay un municipio «Macondo» en Tolima' }],
  ])('%p in department %p → %p', (valor, departamento, esperado) => {
    expect(resultado(() => indice.territorio(valor, departamento))).toEqual(esperado);
  });
});

describe('the common names', () => {
  const departamentoDe = (codigo: string) => codigo.slice(0, 2);

  it('name territories DIVIPOLA holds, each adding a name DANE does not write', () => {
    const nombres = new Map(territorios.map((t) => [t.codigo, t.nombre]));
    for (const { nombre, codigo } of [
      ...NOMBRES_COMUNES_MUNICIPIO,
      ...NOMBRES_COMUNES_DEPARTAMENTO,
    ]) {
      expect([nombre, nombres.has(codigo)]).toEqual([nombre, true]);
      expect([nombre, normalizar(nombre)]).not.toEqual([nombre, normalizar(nombres.get(codigo)!)]);
    }
  });

  it.each(NOMBRES_COMUNES_MUNICIPIO.map((n) => [n.nombre, n.codigo]))(
    '%p with its department is %s',
    (nombre, codigo) => {
      expect(indice.municipio(nombre, departamentoDe(codigo))).toEqual({ codigo });
    },
  );

  it.each(NOMBRES_COMUNES_DEPARTAMENTO.map((n) => [n.nombre, n.codigo]))(
    '%p is department %s',
    (nombre, codigo) => {
      expect(indice.departamento(nombre)).toEqual({ codigo });
    },
  );

  it('share a name with another municipality only where the department is meant to decide', () => {
    const compartidos = NOMBRES_COMUNES_MUNICIPIO.filter(({ nombre, codigo }) =>
      DIVIPOLA.municipios.some(
        (m) => m.codigo !== codigo && normalizar(m.nombre) === normalizar(nombre),
      ),
    ).map((n) => n.nombre);
    expect(compartidos).toEqual(['Manaure', 'El Peñol', 'El Guamo', 'Santuario']);
  });
});

describe('aliases taught by an editor', () => {
  const conAlias = new IndiceTerritorial(territorios, [
    { clave: normalizar('Mompoz'), codigo: '13468' },
    { clave: normalizar('Valle del Cauka'), codigo: '76' },
    { clave: '05999', codigo: '05001' },
  ]);

  it('are one more name of a municipality, still checked against the department', () => {
    expect(conAlias.municipio('MOMPOZ', '13')).toEqual({ codigo: '13468' });
    expect(resultado(() => conAlias.municipio('Mompoz', '05'))).toEqual({
      invalido: 'el municipio «Mompoz» es de Bolívar (13468), no de Antioquia',
    });
    expect(conAlias.departamento('valle del cauka')).toEqual({ codigo: '76' });
    expect(conAlias.municipio('5999', null)).toEqual({ codigo: '05001' });
  });
});
