import { ArchivoInvalido } from './archivo-invalido';
import { MAX_BYTES_COMPARTIDOS, TextosCompartidos } from './xlsx.reader';

/** Adds `caracteres` characters of `letra` as texts of Excel's longest cell. */
function llenar(textos: TextosCompartidos, letra: string, caracteres: number): void {
  const celda = letra.repeat(32_768);
  for (let resto = caracteres; resto > 0; resto -= celda.length)
    textos.agregar(resto >= celda.length ? celda : letra.repeat(resto));
}

function excesivos(agregar: () => void): unknown {
  try {
    agregar();
    return null;
  } catch (error) {
    return error;
  }
}

describe('TextosCompartidos', () => {
  it('gives back each text by its index, across blocks and alphabets', () => {
    const textos = new TextosCompartidos();
    const todos = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0 ? `Alcaldía ${i}` : i % 3 === 1 ? `€ ${i} 北京` : '',
    );
    for (const t of todos) textos.agregar(t);
    textos.cerrar();
    expect(todos.map((_, i) => textos.obtener(i))).toEqual(todos);
    expect(textos.obtener(10_000)).toBeUndefined();
    expect(textos.obtener(-1)).toBeUndefined();
  });

  it('holds 64 MB of Latin text, and refuses the next character', () => {
    const textos = new TextosCompartidos();
    llenar(textos, 'ñ', MAX_BYTES_COMPARTIDOS);
    const error = excesivos(() => textos.agregar('a'));
    expect(error).toBeInstanceOf(ArchivoInvalido);
    expect(error).toMatchObject({
      codigo: 'XLSX_TEXTOS_EXCESIVOS',
      message:
        'Los textos del archivo .xlsx ocupan más de 64 MB en memoria: divida el archivo o guárdelo como CSV.',
    });
  });

  it('counts text beyond Latin-1 at two bytes a character, as JavaScript keeps it', () => {
    const textos = new TextosCompartidos();
    llenar(textos, '€', MAX_BYTES_COMPARTIDOS / 2);
    expect(excesivos(() => textos.agregar('€'))).toMatchObject({ codigo: 'XLSX_TEXTOS_EXCESIVOS' });
  });

  it('counts a whole block at two bytes once one of its texts needs them', () => {
    const textos = new TextosCompartidos();
    textos.agregar('€');
    llenar(textos, 'a', MAX_BYTES_COMPARTIDOS / 2 - 1);
    expect(excesivos(() => textos.agregar('a'))).toMatchObject({ codigo: 'XLSX_TEXTOS_EXCESIVOS' });
  });
});
