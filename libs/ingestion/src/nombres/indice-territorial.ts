/**
 * Finds a department or a municipality as people write it: by DIVIPOLA code
 * (with its leading zero lost or not; a code DANE annulled is read as the one
 * that replaced it, with a note), or by name without case, accents,
 * punctuation or spacing, DANE's name or a common one ("Cali", "Mompós"), or
 * an alias an editor taught. A name several municipalities share needs the
 * department, and a municipality named under another department is refused
 * saying where it is. Built once per import: maps from normalised name to
 * codes, and each distinct (department, value) written resolved once.
 */
import {
  BAJO_OTRO_DEPARTAMENTO,
  CODIGOS_ANTERIORES,
  NOMBRES_COMUNES_DEPARTAMENTO,
  NOMBRES_COMUNES_MUNICIPIO,
} from '@tablero/domain';
import { divipola, normalizar, ValorDesconocido, ValorInvalido } from '../valores';
import { AliasConocido } from './buscador';

export interface TerritorioConocido {
  readonly codigo: string;
  readonly nombre: string;
}

/** A territory found: its code, and a note when it is not what the value literally says. */
export interface Resuelto {
  readonly codigo: string;
  readonly nota?: string;
}

/** What a value may stand for. */
type Nivel = 'departamento' | 'municipio' | 'territorio';

const PREFIJOS: Readonly<Record<'departamento' | 'municipio', readonly string[]>> = {
  departamento: ['gobernaciondel', 'gobernacionde', 'departamentodel', 'departamentode'],
  municipio: ['alcaldiamunicipalde', 'alcaldiadel', 'alcaldiade', 'municipiodel', 'municipiode'],
};

/** "Albania, La Guajira", "Armenia (Quindío)", "Tumaco - Nariño": a municipality and its department in one cell. */
const CON_DEPARTAMENTO = /^(.+?)\s*(?:,|\(|\s-\s)\s*([^,()]+?)\)?\s*$/;
const MEMORIA_MAXIMA = 50_000;

export class IndiceTerritorial {
  private readonly nombres = new Map<string, string>();
  private readonly municipios = new Map<string, string[]>();
  private readonly departamentos = new Map<string, string>();
  private readonly memoria = new Map<string, Resuelto | ValorInvalido>();

  constructor(territorios: readonly TerritorioConocido[], alias: readonly AliasConocido[] = []) {
    for (const t of territorios) this.nombres.set(t.codigo, t.nombre);
    const conocidos = [
      ...territorios,
      ...NOMBRES_COMUNES_DEPARTAMENTO,
      ...NOMBRES_COMUNES_MUNICIPIO,
    ].map((t) => ({ clave: normalizar(t.nombre), codigo: t.codigo }));
    for (const { clave, codigo } of [...conocidos, ...alias]) {
      if (!this.nombres.has(codigo)) continue;
      if (codigo.length === 2) this.departamentos.set(clave, codigo);
      else {
        const codigos = this.municipios.get(clave) ?? [];
        if (!codigos.includes(codigo)) this.municipios.set(clave, [...codigos, codigo]);
      }
    }
    for (const [clave, codigos] of this.municipios) this.municipios.set(clave, codigos.sort());
  }

  /** The territory's DANE name. */
  nombre(codigo: string): string | undefined {
    return this.nombres.get(codigo);
  }

  /** Whether the code is of a department or a municipality the catalogue holds. */
  existe(codigo: string): boolean {
    return this.nombres.has(codigo);
  }

  /** A department, by code or name. */
  departamento(valor: string): Resuelto {
    return this.recordar('departamento', valor, null);
  }

  /** A municipality, by code or name; `departamento` (a code) narrows a name and must hold a code. */
  municipio(valor: string, departamento: string | null): Resuelto {
    return this.recordar('municipio', valor, departamento);
  }

  /** A department or a municipality, where either is a valid answer (an activity's place, a plan's entity). */
  territorio(valor: string, departamento: string | null): Resuelto {
    return this.recordar('territorio', valor, departamento);
  }

  private recordar(nivel: Nivel, valor: string, departamento: string | null): Resuelto {
    const clave = `${nivel}\u0000${departamento ?? ''}\u0000${valor}`;
    let resultado = this.memoria.get(clave);
    if (resultado === undefined) {
      try {
        resultado = this.resolver(nivel, valor.trim(), departamento);
      } catch (error) {
        if (!(error instanceof ValorInvalido)) throw error;
        resultado = error;
      }
      if (this.memoria.size >= MEMORIA_MAXIMA) this.memoria.clear();
      this.memoria.set(clave, resultado);
    }
    if (resultado instanceof ValorInvalido) throw resultado;
    return resultado;
  }

  private resolver(nivel: Nivel, valor: string, departamento: string | null): Resuelto {
    if (/^\d+$/.test(valor)) return this.porCodigo(nivel, valor, departamento);
    const clave = normalizar(valor);
    for (const prefijoDe of ['departamento', 'municipio'] as const) {
      if (nivel !== 'territorio' && nivel !== prefijoDe) continue;
      const nombres = prefijoDe === 'departamento' ? this.departamentos : this.municipios;
      // "Gobernación de La Guajira" also starts with "gobernaciondel": the rest must be a name.
      const resto = PREFIJOS[prefijoDe]
        .filter((p) => clave.startsWith(p))
        .map((p) => clave.slice(p.length))
        .find((r) => nombres.has(r));
      if (resto) return this.porNombre(prefijoDe, valor, resto, departamento);
    }
    return this.porNombre(nivel, valor, clave, departamento);
  }

  private porCodigo(nivel: Nivel, valor: string, departamento: string | null): Resuelto {
    let codigo = divipola(valor);
    if (nivel === 'departamento' && codigo.length !== 2)
      throw new ValorInvalido('el código de departamento debe tener 2 dígitos');
    if (nivel === 'municipio' && codigo.length !== 5)
      throw new ValorInvalido('el código de municipio debe tener 5 dígitos');
    const anterior = CODIGOS_ANTERIORES[codigo];
    if (anterior) codigo = anterior.codigo;
    if (!this.nombres.has(codigo)) {
      const porAlias = this.municipios.get(codigo)?.[0] ?? this.departamentos.get(codigo);
      if (!porAlias)
        throw new ValorDesconocido(
          'territorio',
          valor,
          `el código ${codigo} no es de ningún ${codigo.length === 2 ? 'departamento' : 'municipio'} de la DIVIPOLA`,
        );
      codigo = porAlias;
    }
    const enSuDepartamento = this.enDepartamento(codigo, valor, departamento);
    const nota = [anterior?.nota, enSuDepartamento.nota].filter(Boolean).join('; ');
    return nota ? { codigo, nota } : { codigo };
  }

  private porNombre(
    nivel: Nivel,
    valor: string,
    clave: string,
    departamento: string | null,
  ): Resuelto {
    const depto = this.departamentos.get(clave);
    if (nivel === 'departamento') {
      if (depto) return { codigo: depto };
      throw new ValorDesconocido(
        'territorio',
        valor,
        `no hay un departamento «${valor}» en la DIVIPOLA`,
      );
    }
    const municipios = this.municipios.get(clave) ?? [];
    if (municipios.length === 0 && depto) {
      if (nivel === 'municipio')
        throw new ValorInvalido(`«${valor}» es un departamento: escriba el municipio`);
      if (!departamento || departamento === depto) return { codigo: depto };
      throw new ValorInvalido(
        `«${valor}» es un departamento distinto de ${this.nombres.get(departamento)}`,
      );
    }
    if (departamento) {
      const suyos = municipios.filter((m) => m.startsWith(departamento));
      if (suyos.length === 1) return { codigo: suyos[0] };
      if (nivel === 'territorio' && depto === departamento) return { codigo: depto };
      if (municipios.length === 0) throw this.desconocido(nivel, valor, departamento);
      return this.enDepartamento(municipios[0], valor, departamento, municipios);
    }
    if (municipios.length === 0) {
      const partes = CON_DEPARTAMENTO.exec(valor);
      const suDepartamento = partes && this.departamentos.get(normalizar(partes[2]));
      if (partes && suDepartamento)
        return this.porNombre(nivel, partes[1], normalizar(partes[1]), suDepartamento);
      throw this.desconocido(nivel, valor, null);
    }
    if (depto && nivel === 'territorio') {
      // Bogotá, D.C. is a department of one municipality: the name is that municipality.
      const suyos = this.municipiosDe(depto);
      if (suyos.length === 1 && municipios.includes(suyos[0])) return { codigo: suyos[0] };
      throw new ValorInvalido(
        `«${valor}» puede ser el departamento (${depto}) o ${this.lista(municipios)}: ` +
          `escriba el código, o «Gobernación de ${valor}» o «Alcaldía de ${valor}»`,
      );
    }
    if (municipios.length === 1) return { codigo: municipios[0] };
    throw new ValorInvalido(
      `hay varios municipios con ese nombre: indique el departamento (${valor}: ${municipios
        .map((m) => `${this.nombres.get(m.slice(0, 2))} ${m}`)
        .join(', ')})`,
    );
  }

  private municipiosDe(departamento: string): string[] {
    return [...this.nombres.keys()].filter((c) => c.length === 5 && c.startsWith(departamento));
  }

  /** A municipality's code against the department the row gives: its own, or refused saying which it is. */
  private enDepartamento(
    codigo: string,
    valor: string,
    departamento: string | null,
    candidatos: readonly string[] = [codigo],
  ): Resuelto {
    if (!departamento || codigo.slice(0, 2) === departamento) return { codigo };
    if (codigo.length === 2)
      throw new ValorInvalido(
        `el código ${codigo} es el departamento ${this.nombres.get(codigo)}, no ${this.nombres.get(departamento)}`,
      );
    const otro = BAJO_OTRO_DEPARTAMENTO[codigo];
    if (otro?.departamento === departamento) return { codigo, nota: otro.nota };
    const donde = candidatos.map((c) => `${this.nombres.get(c.slice(0, 2))} (${c})`);
    const es = donde.length === 1 ? donde[0] : `${donde.slice(0, -1).join(', ')} o ${donde.at(-1)}`;
    const nombre = /^\d+$/.test(valor) ? `${codigo} ${this.nombres.get(codigo)}` : `«${valor}»`;
    throw new ValorInvalido(
      `el municipio ${nombre} es de ${es}, no de ${this.nombres.get(departamento)}`,
    );
  }

  private lista(municipios: readonly string[]): string {
    const nombres = municipios.map((m) => `${this.nombres.get(m)} ${m}`).join(', ');
    return `${municipios.length === 1 ? 'el municipio' : 'uno de los municipios'} ${nombres}`;
  }

  private desconocido(nivel: Nivel, valor: string, departamento: string | null) {
    const que =
      nivel === 'territorio' && !departamento ? 'un departamento ni un municipio' : 'un municipio';
    const donde = departamento ? `en ${this.nombres.get(departamento)}` : 'en la DIVIPOLA';
    return new ValorDesconocido('territorio', valor, `no hay ${que} «${valor}» ${donde}`);
  }
}
