/** Fases I, II, III: one phase at a time, its cards and its charts. */
import type { Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { panelGrafico } from '../componentes/panel-grafico';
import { tarjetasKpi } from '../componentes/tarjetas';
import { el } from '../dom';
import { consultaDeFiltros, navegar } from '../estado';
import { opcionesDeFiltro } from '../filtros';
import { Vista } from '../vista';
import { seccionPdt } from './pdt';
import { METRICAS_RESUMEN } from './resumen';

export const GRAFICOS_DE_FASE = [
  'actividades-por-tipo',
  'vistas-por-webinar',
  'asistencias-por-modalidad',
  'actividades-por-mes',
];

export const fasesVista: Vista = async (contenedor, vista) => {
  const { fases } = await opcionesDeFiltro();
  const fase = fases.find((f) => f.codigo === vista.estado.filtros.fase);
  if (!fase) {
    navegar({ fase: fases[0].codigo });
    return;
  }
  const pestanas = el(
    'nav',
    { class: 'pestanas', 'aria-label': 'Fases' },
    ...fases.map((f) => {
      const boton = el(
        'button',
        { type: 'button', 'aria-current': f.codigo === fase.codigo ? 'page' : undefined },
        `Fase ${f.codigo}`,
      );
      boton.addEventListener('click', () => navegar({ fase: f.codigo }));
      return boton;
    }),
  );
  const graficos = el('div', { class: 'rejilla' });
  contenedor.append(el('h1', {}, `Fase ${fase.codigo}: ${fase.nombre}`), pestanas, graficos);
  for (const id of GRAFICOS_DE_FASE) panelGrafico(graficos, id, vista);
  // Phase III is the development plans: their follow-up comes first, the activity figures after.
  const pdt = fase.codigo === 'III' ? el('div') : null;
  if (pdt) pestanas.after(pdt);
  const [kpis] = await Promise.all([
    pedir<Kpis>(`/api/v1/kpis${consultaDeFiltros(vista.estado.filtros)}`, vista.senal),
    pdt && seccionPdt(pdt, vista),
  ]);
  graficos.before(tarjetasKpi(`Cifras de la fase ${fase.codigo}`, kpis, METRICAS_RESUMEN));
};
