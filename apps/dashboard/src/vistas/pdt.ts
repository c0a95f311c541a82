/**
 * Phase III's own content: where each entity's development plan stands on a
 * date (the data's latest unless one is chosen), the milestone funnel, the overdue entities
 * with their days late and the technical assistance over time.
 */
import { filtrosTerritoriales, consultaDeFiltros } from '@tablero/metrics';
import type { EntidadPdt, ResumenPdt } from '@tablero/metrics';
import {
  formatearFecha,
  formatearNumero,
  formatearPorcentaje,
  NOMBRES_HITO,
} from '@tablero/domain';
import { pedir } from '../api';
import { panelGrafico } from '../componentes/panel-grafico';
import { el, mensaje, tabla } from '../dom';
import { navegar } from '../estado';
import { ContextoVista } from '../vista';

/** The charts of the plans' milestones, drawn where some entity in scope has one. */
const GRAFICOS_DE_HITOS = [
  'pdt-estados',
  'pdt-estados-por-departamento',
  'pdt-aprobado-por-departamento',
  'pdt-embudo',
  'pdt-vencidas-por-hito',
];

const GRAFICO_DE_ASISTENCIAS = 'pdt-asistencias-por-mes';

/** The date the states are read on: a view option, kept in the URL like the filters. */
const PARAMETRO_FECHA = 'fecha_corte';

/**
 * The section says once what it lacks: the milestones' charts and the overdue entities need
 * milestones, and the source gives none for phase III; without milestones nor technical
 * assistance, one message stands for all of them.
 */
export async function seccionPdt(contenedor: HTMLElement, vista: ContextoVista): Promise<void> {
  const fecha = vista.estado.parametros.get(PARAMETRO_FECHA) ?? '';
  const selector = el('input', { type: 'date', name: PARAMETRO_FECHA, value: fecha });
  selector.addEventListener('change', () =>
    navegar({ [PARAMETRO_FECHA]: selector.value || undefined }),
  );
  const cifras = el('p', { class: 'cifras-pdt', 'aria-live': 'polite' });
  const graficos = el('div', { class: 'rejilla' });
  const vencidas = el('section', {
    class: 'panel',
    'aria-labelledby': 'pdt-vencidas',
    'data-lista': 'pdt-vencidas',
  });
  contenedor.append(
    el(
      'section',
      { class: 'pdt', 'aria-labelledby': 'pdt-titulo' },
      el('h2', { id: 'pdt-titulo' }, 'Planes de desarrollo territorial 2024-2027'),
      el('label', { class: 'campo' }, 'Estados a la fecha ', selector),
      el(
        'p',
        {},
        'Plazos de la Ley 152 de 1994: radicación ante el CTP hasta el 29/02/2024, concepto del CTP dentro del mes siguiente, radicación ante la asamblea o el concejo hasta el 30/04/2024 y aprobación hasta el 31/05/2024.',
      ),
      cifras,
      graficos,
      vencidas,
    ),
  );
  const extra: Record<string, string> = fecha ? { [PARAMETRO_FECHA]: fecha } : {};
  const consulta = consultaDeFiltros(filtrosTerritoriales(vista.estado.filtros), extra);
  const [{ conHitos, entidades }, resumen] = await Promise.all([
    pedir<{ conHitos: number; entidades: EntidadPdt[] }>(
      `/api/v1/pdt/vencidas${consulta}`,
      vista.senal,
    ),
    pedir<ResumenPdt>(`/api/v1/pdt/resumen${consulta}`, vista.senal),
  ]);
  if (!conHitos && !resumen.asistencias.total) {
    graficos.replaceWith(
      mensaje(
        'vacio',
        'Sin hitos de los planes de desarrollo ni asistencias técnicas registrados para estos filtros.',
      ),
      el(
        'p',
        { class: 'nota' },
        'El documento fuente no trae cifras de la fase III. El estado de los planes, su embudo de hitos, los plazos vencidos y las asistencias técnicas se muestran aquí cuando se cargan sus registros.',
      ),
    );
    vencidas.remove();
    return;
  }
  if (conHitos) for (const id of GRAFICOS_DE_HITOS) panelGrafico(graficos, id, vista, extra);
  panelGrafico(graficos, GRAFICO_DE_ASISTENCIAS, vista, extra);
  if (!conHitos) {
    vencidas.replaceWith(
      mensaje(
        'vacio',
        'Sin hitos de los planes de desarrollo registrados para estos filtros: no hay estados, embudo ni plazos vencidos que mostrar.',
      ),
    );
    return;
  }
  cifras.textContent = enPalabras(resumen);
  vencidas.append(
    el('h3', { id: 'pdt-vencidas' }, 'Entidades con un plazo vencido'),
    entidades.length
      ? tabla(
          'Entidades con un plazo vencido, de más a menos días de retraso',
          ['Entidad territorial', 'Departamento', 'Hito pendiente', 'Plazo', 'Días de retraso'],
          entidades.map((e) => [
            `${e.nombre} (${e.codigo})`,
            e.departamentoNombre,
            NOMBRES_HITO[e.hitoPendiente!],
            formatearFecha(e.plazoPendiente!),
            formatearNumero(e.diasRetraso),
          ]),
          [4],
        )
      : mensaje('vacio', 'Ninguna entidad tiene un plazo vencido en esta fecha.'),
  );
}

/** The headline figures of the date in one sentence. */
function enPalabras({
  fecha,
  entidades,
  porEstado,
  aprobadoATiempo,
  asistencias,
}: ResumenPdt): string {
  const { nacional, asistidas, noAsistidas } = aprobadoATiempo;
  const enEstado = (estado: string) => porEstado.find((e) => e.estado === estado)!.entidades;
  return (
    `Al ${formatearFecha(fecha)}: ${formatearNumero(nacional.aprobadasATiempo)} de ${formatearNumero(entidades)} ` +
    `entidades con el PDT aprobado a tiempo (${formatearPorcentaje(nacional.porcentaje)}); ` +
    `${formatearNumero(enEstado('vencido'))} con un plazo vencido; ` +
    `${formatearNumero(enEstado('sin_iniciar'))} sin hitos registrados; ${formatearNumero(asistencias.total)} asistencias técnicas ` +
    `(${formatearNumero(asistencias.horas)} horas) a ${formatearNumero(asistencias.entidades)} entidades. ` +
    `Aprobado a tiempo entre las asistidas: ${formatearPorcentaje(asistidas.porcentaje)}; ` +
    `entre las no asistidas: ${formatearPorcentaje(noAsistidas.porcentaje)}.`
  );
}
