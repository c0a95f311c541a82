/** Resumen: the strategy's KPI cards, each phase's, and the two charts of the whole. */
import { ambitosDeResumen, GRAFICOS_DE_RESUMEN, rutaDeKpis } from '@tablero/charts';
import { METRICAS_DE_TARJETA, type Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { informes } from '../componentes/compartir';
import { notaDeLugar, tarjetasKpi } from '../componentes/tarjetas';
import { panelGrafico } from '../componentes/panel-grafico';
import { el } from '../dom';
import { filtrosEnPalabras, opcionesDeFiltro } from '../filtros';
import { Vista } from '../vista';

export const resumen: Vista = async (contenedor, vista) => {
  const { filtros } = vista.estado;
  const graficos = el('div', { class: 'rejilla' });
  const encabezado = el('h1', {}, 'Resumen');
  contenedor.append(encabezado, graficos);
  for (const id of GRAFICOS_DE_RESUMEN) panelGrafico(graficos, id, vista);
  // The phases' codes are a closed list: their cards are asked for at once, their names alongside.
  const ambitos = ambitosDeResumen(filtros);
  const [listas, ...tarjetas] = await Promise.all([
    opcionesDeFiltro(),
    ...ambitos.map((f) => pedir<Kpis>(rutaDeKpis(f), vista.senal)),
  ]);
  // The first group is the page's filters, said as the charts say them; then each phase's.
  const titulo = (fase: string | undefined) => {
    if (fase === filtros.fase) return filtrosEnPalabras(vista.estado, listas);
    const nombre = listas.fases.find((f) => f.codigo === fase)?.nombre;
    return nombre ? `Fase ${fase}: ${nombre}` : `Fase ${fase}`;
  };
  const enlaces = informes(filtros, tarjetas[0].fechaCorte);
  if (enlaces) encabezado.after(enlaces);
  graficos.before(
    notaDeLugar(filtros),
    ...tarjetas.map((k, i) => tarjetasKpi(titulo(ambitos[i].fase), k, METRICAS_DE_TARJETA)),
  );
};
