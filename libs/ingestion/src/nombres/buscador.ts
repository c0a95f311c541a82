/**
 * Finds a catalogue entry (a group, an ally, a type, a modality, a
 * subregion) as people write it: by its code, its name, its acronym, its name
 * without the acronym in parentheses ("Consejos Territoriales de Planeación"
 * for "Consejos Territoriales de Planeación (CTP)"), or an alias an editor
 * taught; without case, accents or punctuation. The index is built once per
 * import; each distinct value written is looked up once.
 */
import { CatalogoAlias } from '@tablero/domain';
import { normalizar, sinSiglaFinal, ValorDesconocido, ValorInvalido } from '../valores';

export interface Entrada {
  readonly codigo: string;
  readonly nombre: string;
  readonly sigla?: string | null;
}

/** An alias as the index reads it: the normalised value and the code it stands for. */
export interface AliasConocido {
  readonly clave: string;
  readonly codigo: string;
}

/** An acronym in parentheses: capitals and digits, like CTP or APC-COLOMBIA. */
const SIGLA = /^[A-ZÁÉÍÓÚÑ0-9][A-ZÁÉÍÓÚÑ0-9-]{1,14}$/;
const MEMORIA_MAXIMA = 10_000;

export class Buscador {
  readonly codigos: readonly string[];
  private readonly porClave = new Map<string, string[]>();
  private readonly nombres = new Map<string, string>();
  /** Each distinct value as written, resolved once: files repeat the same few values. */
  private readonly memoria = new Map<string, string | ValorInvalido>();

  constructor(
    readonly catalogo: CatalogoAlias,
    entradas: readonly Entrada[],
    alias: readonly AliasConocido[] = [],
  ) {
    this.codigos = entradas.map((e) => e.codigo);
    for (const e of entradas) {
      this.nombres.set(e.codigo, e.nombre);
      const [sinSigla, sigla] = sinSiglaFinal(e.nombre);
      for (const nombre of [e.codigo, e.nombre, sinSigla, e.sigla]) this.agregar(nombre, e.codigo);
      if (sigla && SIGLA.test(sigla)) this.agregar(sigla, e.codigo);
    }
    for (const a of alias) this.agregar(a.clave, a.codigo);
  }

  private agregar(nombre: string | null | undefined, codigo: string): void {
    if (!nombre) return;
    const clave = normalizar(nombre);
    const codigos = this.porClave.get(clave) ?? [];
    if (!codigos.includes(codigo)) this.porClave.set(clave, [...codigos, codigo]);
  }

  /** The codes a value may stand for: none when unknown, several when ambiguous. */
  candidatos(valor: string): readonly string[] {
    const [sinSigla, sigla] = sinSiglaFinal(valor);
    for (const forma of sigla ? [valor, sinSigla, sigla] : [valor]) {
      const codigos = this.porClave.get(normalizar(forma));
      if (codigos) return codigos;
    }
    return [];
  }

  /** The code a value stands for, or undefined when it is unknown or ambiguous. */
  buscar(valor: string): string | undefined {
    const codigos = this.candidatos(valor);
    return codigos.length === 1 ? codigos[0] : undefined;
  }

  /**
   * The code a value stands for. An unknown value throws ValorDesconocido with
   * `desconocido` as the reason; an ambiguous one says which entries it could be.
   */
  resolver(valor: string, desconocido: string): string {
    const clave = `${desconocido}\u0000${valor}`;
    let resultado = this.memoria.get(clave);
    if (resultado === undefined) {
      const codigos = this.candidatos(valor);
      if (codigos.length === 1) resultado = codigos[0];
      else if (codigos.length === 0)
        resultado = new ValorDesconocido(this.catalogo, valor, desconocido);
      else
        resultado = new ValorInvalido(
          `«${valor}» puede ser ${codigos.map((c) => `${this.nombres.get(c)} (${c})`).join(' o ')}`,
        );
      if (this.memoria.size >= MEMORIA_MAXIMA) this.memoria.clear();
      this.memoria.set(clave, resultado);
    }
    if (resultado instanceof ValorInvalido) throw resultado;
    return resultado;
  }

  nombre(codigo: string): string | undefined {
    return this.nombres.get(codigo);
  }
}
