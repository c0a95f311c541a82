/**
 * ECharts with only the chart types and components the catalogue's charts use: the page
 * imports it when a chart is drawn (its own file, which the page preloads), so that the
 * view's figures are asked for while it still downloads.
 */
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MatrixComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { fuenteDeMapa, geometriaDe, mapasDe, NombreMapa } from '@tablero/charts';
import type { EChartsOption } from 'echarts';
import { topologia } from './mapas';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  AriaComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MatrixComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  SVGRenderer,
]);

const registrados = new Map<NombreMapa, Promise<void>>();

/** The maps an option draws, registered once each. */
export function cargarMapas(opcion: EChartsOption): Promise<void[]> {
  return Promise.all(
    mapasDe(opcion).map((nombre) => {
      if (!registrados.has(nombre)) {
        registrados.set(
          nombre,
          topologia(fuenteDeMapa(nombre)).then((t) =>
            echarts.registerMap(nombre, geometriaDe(t, nombre) as never),
          ),
        );
      }
      return registrados.get(nombre)!;
    }),
  );
}

export { echarts };
