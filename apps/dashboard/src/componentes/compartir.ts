/**
 * Sharing a view: "Copiar enlace" copies the page's URL, which holds the view and its filters, and
 * says so in a live region; the workbook and the report of a phase for those allowed to export,
 * the workbook's file named as the API names it.
 */
import { FASES } from '@tablero/domain';
import { Filtros, nombreDeArchivo, consultaDeFiltros } from '@tablero/metrics';
import { el } from '../dom';
import { puede } from '../sesion';

/** The button, the read-only field a browser without clipboard access selects instead, and the confirmation. */
export function copiarEnlace(): HTMLElement {
  const boton = el('button', { type: 'button', class: 'copiar-enlace' }, 'Copiar enlace');
  const campo = el('input', {
    type: 'text',
    readonly: true,
    class: 'enlace-a-copiar',
    'aria-label': 'Enlace de esta vista',
    hidden: true,
  });
  const aviso = el('span', { class: 'aviso-copia', role: 'status', 'aria-live': 'polite' });
  boton.addEventListener('click', () => {
    const enlace = location.href;
    aviso.textContent = '';
    navigator.clipboard
      .writeText(enlace)
      .then(() => {
        campo.hidden = true;
        aviso.textContent = 'Enlace copiado';
      })
      .catch(() => {
        // No clipboard (an insecure origin, a refused permission): the link, selected, to copy by hand.
        campo.value = enlace;
        campo.hidden = false;
        campo.select();
        aviso.textContent = 'Copie el enlace seleccionado (Ctrl+C).';
      });
  });
  return el('div', { class: 'compartir' }, boton, campo, aviso);
}

/**
 * The balance workbook for the view's filters and the PDF report of the phase chosen (of each phase
 * when none is), for roles that may export; nothing for the others.
 */
export function informes(filtros: Filtros, fechaCorte: string | null): HTMLElement | null {
  if (!puede('exportar')) return null;
  const fases = filtros.fase ? [filtros.fase] : FASES;
  return el(
    'nav',
    { class: 'informes', 'aria-label': 'Informes para descargar' },
    el(
      'a',
      {
        href: `/api/v1/reportes/balance${consultaDeFiltros(filtros)}`,
        download: nombreDeArchivo('balance', filtros, fechaCorte, 'xlsx'),
      },
      filtros.fase ? `Balance de la fase ${filtros.fase} (.xlsx)` : 'Balance general (.xlsx)',
    ),
    ...fases.map((fase) =>
      el(
        'a',
        {
          href: `/api/v1/reportes/informe?fase=${fase}`,
          // The report's route names its file.
          download: true,
        },
        `Informe de la fase ${fase} (PDF)`,
      ),
    ),
  );
}
