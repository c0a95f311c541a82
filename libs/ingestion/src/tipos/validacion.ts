import { Celda, enmascarar, texto, ValorInvalido, vacia } from '../valores';
import { Columna, Rechazo } from './tipo-importacion';

/** Reads the fields of one row, collecting every reason to reject it rather than stopping at the first. */
export class Validacion {
  readonly rechazos: Rechazo[] = [];
  private readonly columnas: ReadonlyMap<string, Columna>;

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
      this.rechazar(campo, error.message);
      return undefined;
    }
  }

  rechazar(campo: string | null, motivo: string): void {
    const celda = campo === null ? null : this.fila[campo];
    const valor = vacia(celda) ? null : texto(celda).slice(0, 200);
    this.rechazos.push({
      columna: campo,
      valor:
        valor !== null && campo && this.columnas.get(campo)?.personal ? enmascarar(valor) : valor,
      motivo,
    });
  }

  get valida(): boolean {
    return this.rechazos.length === 0;
  }
}

export function formatoFecha(iso: string): string {
  const [a, m, d] = iso.split('-');
  return `${d}/${m}/${a}`;
}
