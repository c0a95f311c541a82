/** What every view gets to draw itself, and what it must release when the page changes. */
import { Estado } from './estado';

/** A chart on the page. */
export interface GraficoDibujado {
  /**
   * Draws it again at its canvas's width, or at most `anchoMaximo` (a printed page's): its
   * title wraps, and its height follows, as when it was first drawn at that width.
   */
  redimensionar(anchoMaximo?: number): void;
  dispose(): void;
}

export interface ContextoVista {
  readonly estado: Estado;
  /** Aborted when the view is replaced: its pending requests stop. */
  readonly senal: AbortSignal;
  /** Charts drawn, disposed when the view is replaced. */
  readonly graficos: GraficoDibujado[];
  /** Charts still being drawn: the view is complete when all have settled. */
  readonly pendientes: Promise<void>[];
}

export type Vista = (contenedor: HTMLElement, contexto: ContextoVista) => Promise<void> | void;
