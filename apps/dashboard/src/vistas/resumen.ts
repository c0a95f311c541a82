/** Resumen: the strategy's KPI cards, each phase's, and the two charts of the whole. */
import type { Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { tarjetasKpi } from '../componentes/tarjetas';
import { panelGrafico } from '../componentes/panel-grafico';
import { el } from '../dom';
import { consultaDeFiltros } from '../estado';
import { opcionesDeFiltro } from '../filtros';
import { Vista } from '../vista';

export const METRICAS_RESUMEN = [
  'alcance',
  'actividades',
  'vistas',
  'certificados',
  'asistentes_presenciales',
  'asistentes_remotos',
  'participantes',
];

export const resumen: Vista = async (contenedor, vista) => {
  const { filtros } = vista.estado;
  const graficos = el('div', { class: 'rejilla' });
  contenedor.append(el('h1', {}, 'Resumen'), graficos);
  for (const id of ['alcance-por-fase', 'alcance-acumulado']) panelGrafico(graficos, id, vista);
  const { fases } = await opcionesDeFiltro();
  const ambitos = [
    { titulo: filtros.fase ? `Fase ${filtros.fase}` : 'Toda la estrategia', filtros },
    ...(filtros.fase
      ? []
      : fases.map((f) => ({
          titulo: `Fase ${f.codigo}: ${f.nombre}`,
          filtros: { ...filtros, fase: f.codigo },
        }))),
  ];
  const tarjetas = await Promise.all(
    ambitos.map((a) => pedir<Kpis>(`/api/v1/kpis${consultaDeFiltros(a.filtros)}`, vista.senal)),
  );
  graficos.before(...tarjetas.map((k, i) => tarjetasKpi(ambitos[i].titulo, k, METRICAS_RESUMEN)));
};
