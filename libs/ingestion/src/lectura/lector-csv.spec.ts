import { ArchivoInvalido } from './archivo-invalido';
import { LectorCsv, MAX_CARACTERES_FILA } from './lector-csv';

/** The rows of text given in these chunks, as [line, cells]. */
function filas(trozos: string[], separador = ','): [number, string[]][] {
  const lector = new LectorCsv(separador);
  const leidas = trozos.flatMap((t) => [...lector.leer(t)]);
  return [...leidas, ...lector.terminar()].map((f) => [f.numero, f.celdas as string[]]);
}

describe('LectorCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, numbering rows by their first line', () => {
    expect(filas(['a,"b,c","d ""e""",f\r\n', '"g\nh",i\n', 'j'])).toEqual([
      [1, ['a', 'b,c', 'd "e"', 'f']],
      [2, ['g\nh', 'i']],
      [4, ['j']],
    ]);
  });

  it('gives a blank line as one empty cell, and rows of any width', () => {
    expect(filas(['x;y;z\n\n;\n1'], ';')).toEqual([
      [1, ['x', 'y', 'z']],
      [2, ['']],
      [3, ['', '']],
      [4, ['1']],
    ]);
  });

  it('joins what chunks cut: a \\r\\n, a doubled quote, a field', () => {
    expect(filas(['a,"b"', '"c",d\r', '\ne', 'f\n'])).toEqual([
      [1, ['a', 'b"c', 'd']],
      [2, ['ef']],
    ]);
  });

  it('keeps a quote inside an unquoted field and text after a closing quote', () => {
    expect(filas(['Ana "la jefa",x\n"a"b,c\n'])).toEqual([
      [1, ['Ana "la jefa"', 'x']],
      [2, ['ab', 'c']],
    ]);
  });

  it.each([
    ['an unclosed quote', ['a,"b\n'], 'CSV_MAL_FORMADO'],
    ['a NUL character', ['a,b\nc\0,d\n'], 'ARCHIVO_NO_LEGIBLE'],
    ['a row longer than the limit', ['"', 'x'.repeat(MAX_CARACTERES_FILA)], 'FILA_DEMASIADO_LARGA'],
  ])('refuses %s, naming its line', (_caso, trozos, codigo) => {
    let error: unknown;
    try {
      filas(trozos);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchivoInvalido);
    expect((error as ArchivoInvalido).codigo).toBe(codigo);
    expect((error as Error).message).toMatch(/línea \d/);
  });
});
