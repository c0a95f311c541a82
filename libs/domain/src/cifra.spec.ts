import { publicarPartes, sinCifra } from './cifra';

describe('publicarPartes', () => {
  it.each([
    [
      'no part: no figure, never zero',
      [],
      { valor: null, calificador: null, texto: '—', motivo: 'sin cifra en la fuente' },
    ],
    [
      'an exact zero is a measured zero',
      [{ componente: 'vistas', calificador: 'exacto', valor: 0 }],
      { valor: 0, calificador: 'exacto', texto: '0' },
    ],
    [
      'parts of one qualifier add up',
      [
        { componente: 'vistas', calificador: 'exacto', valor: 11991 },
        { componente: 'vistas', calificador: 'exacto', valor: 11551 },
      ],
      { valor: 23542, calificador: 'exacto', texto: '23.542' },
    ],
    [
      'the launch: "más de 300" in person and "cerca de 1.700" remote, never ≈ 2.000',
      [
        { componente: 'asistentes_presenciales', calificador: 'minimo', valor: 300 },
        { componente: 'asistentes_remotos', calificador: 'aproximado', valor: 1700 },
      ],
      {
        valor: 2000,
        calificador: 'aproximado',
        texto: '> 300 presenciales · ≈ 1.700 remotos',
      },
    ],
    [
      'one kind of fact of two qualifiers',
      [
        { componente: 'asistentes_remotos', calificador: 'aproximado', valor: 300 },
        { componente: 'asistentes_remotos', calificador: 'minimo', valor: 500 },
      ],
      { valor: 800, calificador: 'aproximado', texto: '> 500 · ≈ 300' },
    ],
    [
      'phase II as FACTS.md adds it: ≈ 21.712, of which 2.300 approximate or lower bounds',
      [
        { componente: 'asistentes_presenciales', calificador: 'minimo', valor: 300 },
        { componente: 'asistentes_remotos', calificador: 'aproximado', valor: 1700 },
        { componente: 'asistentes_remotos', calificador: 'aproximado', valor: 300 },
        { componente: 'asistentes_presenciales', calificador: 'exacto', valor: 3715 },
        { componente: 'vistas', calificador: 'exacto', valor: 11551 },
        { componente: 'asistentes_remotos', calificador: 'exacto', valor: 3641 + 505 },
      ],
      {
        valor: 21712,
        calificador: 'aproximado',
        texto: '≈ 21.712',
        detalle: 'incluye 2.300 aproximadas o mínimas',
      },
    ],
    [
      'an exact part and lower bounds',
      [
        { componente: 'asistentes_presenciales', calificador: 'minimo', valor: 300 },
        { componente: 'asistentes_presenciales', calificador: 'exacto', valor: 3715 },
      ],
      {
        valor: 4015,
        calificador: 'minimo',
        texto: '> 4.015',
        detalle: 'incluye 300 mínimas («más de»)',
      },
    ],
  ] as const)('%s', (_caso, partes, esperada) => {
    expect(publicarPartes(partes)).toEqual(esperada);
  });

  it('says why there is no figure', () => {
    expect(publicarPartes([], 'en la cifra del ciclo Webinars de la fase I: 11.991')).toEqual(
      sinCifra('en la cifra del ciclo Webinars de la fase I: 11.991'),
    );
  });
});
