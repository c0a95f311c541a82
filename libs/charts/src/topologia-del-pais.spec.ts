import { RUTA_TOPOLOGIA_MUNICIPAL } from '@tablero/domain';
import type { Position } from 'geojson';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { geometriaDe, MAPA_DEPARTAMENTOS, MAPA_MUNICIPIOS } from './mapa';
import { topologiaDelPais } from './topologia-del-pais';

const completa = JSON.parse(readFileSync(RUTA_TOPOLOGIA_MUNICIPAL, 'utf8')) as Topology;

function puntos(topologia: Topology, mapa: typeof MAPA_MUNICIPIOS): Position[] {
  return geometriaDe(topologia, mapa).features.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? f.geometry.coordinates.flat()
      : f.geometry.type === 'MultiPolygon'
        ? f.geometry.coordinates.flat(2)
        : [],
  );
}

describe('topologiaDelPais', () => {
  const pais = topologiaDelPais(completa);

  it('keeps every municipality and department, with its code and name', () => {
    for (const mapa of [MAPA_MUNICIPIOS, MAPA_DEPARTAMENTOS]) {
      const propiedades = (t: Topology) => geometriaDe(t, mapa).features.map((f) => f.properties);
      expect(propiedades(pais)).toEqual(propiedades(completa));
    }
  });

  it('keeps a small share of the points, each exactly where the complete map has it', () => {
    const todos = puntos(completa, MAPA_MUNICIPIOS);
    const guardados = puntos(pais, MAPA_MUNICIPIOS);
    expect(guardados.length).toBeLessThan(todos.length * 0.25);
    const enLaCompleta = new Set(todos.map((p) => p.join(',')));
    expect(guardados.filter((p) => !enLaCompleta.has(p.join(',')))).toEqual([]);
  });

  it('is quantized on the complete map’s grid, small enough to send to a phone', () => {
    expect(pais.transform).toEqual(completa.transform);
    expect(JSON.stringify(pais).length).toBeLessThan(JSON.stringify(completa).length / 2);
  });
});
