import { nombreDeModalidad, parseFase } from './vocabularios';

describe('parseFase', () => {
  it.each([
    ['I', 'I'],
    ['ii', 'II'],
    [' III ', 'III'],
    ['2', 'II'],
    ['IV', undefined],
    ['', undefined],
    ['fase I', undefined],
  ])('%p → %p', (texto, esperado) => {
    expect(parseFase(texto)).toBe(esperado);
  });
});

describe('nombreDeModalidad', () => {
  it.each([
    ['hibrida', 'Híbrida'],
    ['presencial', 'Presencial'],
    [null, '—'],
    ['semipresencial', 'semipresencial'],
  ])('%p → %p', (codigo, nombre) => {
    expect(nombreDeModalidad(codigo)).toBe(nombre);
  });
});
