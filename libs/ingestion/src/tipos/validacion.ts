import { Resuelto } from '../nombres/indice-territorial';
import { Celda, enmascarar, texto, ValorDesconocido, ValorInvalido, vacia } from '../valores';
import { Aviso, Columna, FilaConservada, Rechazo, ValorStage } from './tipo-importacion';

/** The field of a kept row that holds the person's keyed hash (hex) in place of their document or e-mail. */
export const CLAVE_PERSONA = 'persona_clave';

/** Reads the fields of one row, collecting every reason to reject it rather than stopping at the first. */
export class Validacion {
  readonly rechazos: Rechazo[] = [];
  readonly avisos: Aviso[] = [];
  private readonly columnas: ReadonlyMap<string, Columna>;
  private persona: Buffer | undefined;

  constructor(
    private readonly fila: Readonly<Record<string, Celda>>,
    columnas: readonly Columna[],
  ) {
    this.columnas = new Map(columnas.map((c) => [c.campo, c]));
  }

  /** The field read by `leer`; null when optional and empty; undefined when rejected. */
  campo<T>(campo: string, leer: (celda: Celda) => T, respaldo?: string): T | null | undefined {
    const celda = vacia(this.fila[campo]) ? respaldo : this.fila[campo];
    if (vacia(celda)) {
      if (this.columnas.get(campo)?.obligatoria) {
        this.rechazar(campo, `la columna ${campo} es obligatoria y está vacía`);
        return undefined;
      }
      return null;
    }
    try {
      return leer(celda);
    } catch (error) {
      if (!(error instanceof ValorInvalido)) throw error;
      this.rechazar(
        campo,
        error.message,
        error instanceof ValorDesconocido
          ? { catalogo: error.catalogo, desconocido: error.valor.slice(0, 200) }
          : {},
      );
      return undefined;
    }
  }

  /** A territory's code read by `leer`; a note that came with it becomes an aviso of the row. */
  territorio(
    campo: string,
    leer: (valor: string) => Resuelto,
    respaldo?: string,
  ): string | null | undefined {
    const resuelto = this.campo(campo, (c) => leer(texto(c)), respaldo);
    if (resuelto?.nota) this.avisar(campo, resuelto.nota);
    return resuelto && resuelto.codigo;
  }

  rechazar(campo: string | null, motivo: string, desconocido: Partial<Rechazo> = {}): void {
    this.rechazos.push({ columna: campo, valor: this.valorDe(campo), motivo, ...desconocido });
  }

  avisar(campo: string, nota: string): void {
    this.avisos.push({ columna: campo, valor: this.valorDe(campo), nota });
  }

  private valorDe(campo: string | null): string | null {
    const celda = campo === null ? null : this.fila[campo];
    const valor = vacia(celda) ? null : texto(celda).slice(0, 200);
    return valor !== null && campo && this.columnas.get(campo)?.personal
      ? enmascarar(valor)
      : valor;
  }

  /**
   * The person's keyed hash: the one kept with the row when it is run again,
   * else computed from the row's document or e-mail by `calcular`.
   */
  identificar(calcular: () => Buffer | undefined): Buffer | undefined {
    const guardada = this.fila[CLAVE_PERSONA];
    this.persona = typeof guardada === 'string' ? Buffer.from(guardada, 'hex') : calcular();
    return this.persona;
  }

  get valida(): boolean {
    return this.rechazos.length === 0;
  }

  aceptada(valores: ValorStage[]) {
    return this.avisos.length ? { valores, avisos: this.avisos } : { valores };
  }

  /** The rejection; with the row kept when every reason is a value an alias can teach. */
  rechazada() {
    const conservable = this.rechazos.every((r) => r.catalogo);
    return conservable
      ? { rechazos: this.rechazos, conservada: this.conservada() }
      : { rechazos: this.rechazos };
  }

  private conservada(): FilaConservada {
    const fila: FilaConservada = {};
    for (const [campo, columna] of this.columnas) {
      const celda = this.fila[campo];
      if (columna.personal || vacia(celda)) continue;
      fila[campo] = typeof celda === 'number' ? celda : texto(celda);
    }
    if (this.persona) fila[CLAVE_PERSONA] = this.persona.toString('hex');
    return fila;
  }
}

export function formatoFecha(iso: string): string {
  const [a, m, d] = iso.split('-');
  return `${d}/${m}/${a}`;
}
