/** Fases I, II, III: one phase at a time, its cards and its charts. */
import { formatearNumero } from '@tablero/domain';
import { rutaDeKpis } from '@tablero/charts';
import { METRICAS_DE_TARJETA, type FaseDeclarada, type Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { informes } from '../componentes/compartir';
import { panelGrafico } from '../componentes/panel-grafico';
import { notaDeLugar, sinCifras, tarjetasKpi } from '../componentes/tarjetas';
import { desplazable, el, mensaje, tabla } from '../dom';
import { navegar } from '../estado';
import { opcionesDeFiltro } from '../filtros';
import { sesionNacional } from '../sesion';
import { Vista } from '../vista';
import { seccionPdt } from './pdt';

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
  const declarado = el('section', {
    class: 'panel declarado',
    'aria-labelledby': 'titulo-declarado',
    'data-lista': 'declarado',
  });
  const graficos = el('div', { class: 'rejilla' });
  // The three phases side by side, whatever the phase chosen: a panel of its own, the page's width.
  const comparacion = el('div', { class: 'rejilla' });
  contenedor.append(
    el('h1', {}, `Fase ${fase.codigo}: ${fase.nombre}`),
    pestanas,
    declarado,
    graficos,
    comparacion,
  );
  panelGrafico(comparacion, 'fases-lado-a-lado', vista);
  // Phase III is the development plans: their follow-up comes first, the activity figures after.
  const pdt = fase.codigo === 'III' ? el('div') : null;
  if (pdt) pestanas.after(pdt);
  const [kpis, lineas] = await Promise.all([
    pedir<Kpis>(rutaDeKpis(vista.estado.filtros), vista.senal),
    // The phase as declared is national: a department-limited user reads their departments' figures only.
    sesionNacional()
      ? pedir<FaseDeclarada>(`/api/v1/fases/${fase.codigo}/declarado`, vista.senal)
      : undefined,
    pdt && seccionPdt(pdt, vista),
  ]);
  if (lineas) tablaDeclarada(declarado, lineas);
  else declarado.remove();
  const enlaces = informes(vista.estado.filtros, kpis.fechaCorte);
  if (enlaces) pestanas.after(enlaces);
  graficos.before(notaDeLugar(vista.estado.filtros));
  // A phase without figures says so once, instead of empty cards and empty charts.
  if (sinCifras(kpis)) {
    graficos.replaceWith(
      mensaje(
        'vacio',
        `La fase ${fase.codigo} no tiene actividades ni cifras registradas para estos filtros.`,
      ),
    );
    return;
  }
  for (const id of GRAFICOS_DE_FASE) panelGrafico(graficos, id, vista);
  graficos.before(tarjetasKpi(`Cifras de la fase ${fase.codigo}`, kpis, METRICAS_DE_TARJETA));
};

/** The phase's lines as the source document states them. */
function tablaDeclarada(seccion: HTMLElement, fase: FaseDeclarada): void {
  seccion.append(
    el('h2', { id: 'titulo-declarado' }, 'La fase según el documento fuente'),
    el('p', { class: 'nota' }, `${fase.periodo}. ${fase.fuente}.`),
    fase.lineas.length
      ? desplazable(
          tabla(
            `Fase ${fase.fase}: actividades y cifras declaradas`,
            ['Actividad', 'Número', 'Cifra declarada', 'Canal o lugar', 'Fecha o periodo'],
            fase.lineas.map((l) => [
              l.nombre,
              l.actividades === null ? '—' : formatearNumero(l.actividades),
              l.texto,
              [l.canal, l.lugar].filter(Boolean).join(' · ') || '—',
              l.fechas ?? '—',
            ]),
            [1],
          ),
        )
      : mensaje('vacio', 'El documento fuente aún no trae actividades ni cifras de esta fase.'),
  );
}
