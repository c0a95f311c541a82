/** ECharts with only the chart types and components the catalogue's charts use. */
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { ARCHIVO_MAPA_COLOMBIA, MAPA_COLOMBIA } from '@tablero/charts';

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
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

let mapa: Promise<void> | undefined;

/** The map of Colombia, fetched once, the first time a map is drawn. */
export function cargarMapa(): Promise<void> {
  mapa ??= fetch(`/${ARCHIVO_MAPA_COLOMBIA}`)
    .then((r) => r.json())
    .then((geo) => echarts.registerMap(MAPA_COLOMBIA, geo));
  return mapa;
}

export { echarts };
