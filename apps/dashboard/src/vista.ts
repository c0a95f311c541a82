/** What every view gets to draw itself, and what it must release when the page changes. */
import { Estado } from './estado';

/** A chart on the page. */
export interface GraficoDibujado {
  /** Asks for its drawing again at its canvas's new width: its title wraps, its height follows. */
  redimensionar(): void;
}

export interface ContextoVista {
  readonly estado: Estado;
  /** Aborted when the view is replaced: its pending requests stop. */
  readonly senal: AbortSignal;
  /** Charts drawn, drawn again when the window's width changes. */
  readonly graficos: GraficoDibujado[];
  /** Charts still being drawn: the view is complete when all have settled. */
  readonly pendientes: Promise<void>[];
}

export type Vista = (contenedor: HTMLElement, contexto: ContextoVista) => Promise<void> | void;
