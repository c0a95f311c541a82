/** What every view gets to draw itself, and what it must release when the page changes. */
import type { echarts } from './echarts';
import { Estado } from './estado';

export interface ContextoVista {
  readonly estado: Estado;
  /** Aborted when the view is replaced: its pending requests stop. */
  readonly senal: AbortSignal;
  /** Charts drawn, disposed when the view is replaced. */
  readonly graficos: ReturnType<typeof echarts.init>[];
  /** Charts still being drawn: the view is complete when all have settled. */
  readonly pendientes: Promise<void>[];
}

export type Vista = (contenedor: HTMLElement, contexto: ContextoVista) => Promise<void> | void;
