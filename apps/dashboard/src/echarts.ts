/** ECharts with only the chart types and components the catalogue's charts use. */
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
import { geometriaDe, mapasDe, NombreMapa } from '@tablero/charts';
import type { EChartsOption } from 'echarts';
import type { Topology } from 'topojson-specification';

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

let topologia: Promise<Topology> | undefined;
const registrados = new Map<NombreMapa, Promise<void>>();

/**
 * The maps an option draws, made from the territorial topology (fetched once, the first time a
 * map is drawn, from the content-hashed file the page names) once each.
 */
export function cargarMapas(opcion: EChartsOption): Promise<void[]> {
  return Promise.all(
    mapasDe(opcion).map((nombre) => {
      if (!registrados.has(nombre)) {
        topologia ??= fetch(
          document.querySelector<HTMLMetaElement>('meta[name="mapa-territorial"]')!.content,
        ).then((r) => r.json() as Promise<Topology>);
        registrados.set(
          nombre,
          topologia.then((t) => echarts.registerMap(nombre, geometriaDe(t, nombre) as never)),
        );
      }
      return registrados.get(nombre)!;
    }),
  );
}

export { echarts };
