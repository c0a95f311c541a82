/** KPI cards: the figure with its qualifier, target and progress, and the change against the month before. */
import { formatearFecha, formatearNumero } from '@tablero/domain';
import { filtrosTerritoriales } from '@tablero/metrics';
import type { CifraPublicada, Filtros, Kpi, Kpis } from '@tablero/metrics';
import { el, mensaje } from '../dom';

/** The change against the month before, where the API found what held then (null otherwise). */
function cambio(kpi: Kpi, fechaAnterior: string | null): HTMLElement | null {
  if (!kpi.anterior || !fechaAnterior || kpi.anterior.valor === null || kpi.cifra.valor === null)
    return null;
  const diferencia = kpi.cifra.valor - kpi.anterior.valor;
  const texto =
    diferencia === 0
      ? 'Sin cambio'
      : `${diferencia > 0 ? '+' : '−'}${formatearNumero(Math.abs(diferencia))}`;
  return el(
    'p',
    { class: `cambio ${diferencia > 0 ? 'sube' : diferencia < 0 ? 'baja' : ''}` },
    `${texto} frente al ${formatearFecha(fechaAnterior)} (${kpi.anterior.texto})`,
  );
}

function avance(kpi: Kpi): HTMLElement | null {
  if (kpi.meta === null || kpi.avance === null) return null;
  const porcentaje = Math.round(kpi.avance * 100);
  const relleno = el('span');
  relleno.style.width = `${Math.min(porcentaje, 100)}%`;
  return el(
    'div',
    { class: 'avance' },
    el(
      'div',
      {
        class: 'barra',
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(Math.min(porcentaje, 100)),
        'aria-label': `Avance frente a la meta de ${kpi.etiqueta}`,
      },
      relleno,
    ),
    el('p', {}, `${formatearNumero(porcentaje)} % de la meta (${formatearNumero(kpi.meta)})`),
  );
}

/** The text with each figure and its qualifier ("≈ 1.700", "> 300") on one line. */
function sinPartirCifras(texto: string): (string | HTMLElement)[] {
  return texto
    .split(/([≈>]\s\d[\d.,]*)/u)
    .map((parte, i) => (i % 2 ? el('span', { class: 'junta' }, parte) : parte))
    .filter((parte) => parte !== '');
}

/** A figure as a card tells it: the figure, what of it is not exact, or why there is none. */
export function cifraDeTarjeta(cifra: CifraPublicada): HTMLElement[] {
  return [
    el(
      'p',
      {
        class: `cifra${cifra.valor === null ? ' sin-cifra' : ''}${/\p{L}/u.test(cifra.texto) ? ' en-palabras' : ''}`,
        title:
          cifra.calificador === 'aproximado'
            ? 'Cifra aproximada ("cerca de")'
            : cifra.calificador === 'minimo'
              ? 'Cifra mínima ("más de")'
              : undefined,
      },
      ...sinPartirCifras(cifra.texto),
    ),
    ...(cifra.detalle ? [el('p', { class: 'detalle' }, cifra.detalle)] : []),
    ...(cifra.motivo ? [el('p', { class: 'detalle' }, cifra.motivo)] : []),
  ];
}

/**
 * Said above a page's figures when a place is among their filters: what the source places nowhere
 * is in no place's figures, and an empty place is not one the strategy did not reach.
 */
export function notaDeLugar(filtros: Filtros): HTMLElement | '' {
  return Object.keys(filtrosTerritoriales(filtros)).length
    ? el(
        'p',
        { class: 'nota' },
        'Con un territorio elegido, las cifras son las de las actividades hechas en él y las de los ' +
          'participantes registrados allí. Las actividades de todo el territorio nacional y las ' +
          'virtuales, que la fuente no reparte por lugar, no se cuentan en ningún territorio.',
      )
    : '';
}

/** No activity and no figure of any metric in scope. */
export function sinCifras(kpis: Kpis): boolean {
  return kpis.kpis.every((k) => !k.cifra.valor);
}

/** A group of cards, or, without any figure, one sentence that says so. */
export function tarjetasKpi(titulo: string, kpis: Kpis, metricas: readonly string[]): HTMLElement {
  if (sinCifras(kpis)) {
    return el(
      'section',
      { class: 'grupo-kpi', 'aria-label': titulo },
      el('h2', {}, titulo),
      mensaje('vacio', 'Sin actividades ni cifras registradas para estos filtros.'),
    );
  }
  const elegidas = metricas
    .map((id) => kpis.kpis.find((k) => k.metrica === id))
    .filter((k): k is Kpi => k !== undefined);
  return el(
    'section',
    { class: 'grupo-kpi', 'aria-label': titulo },
    el('h2', {}, titulo),
    el(
      'p',
      { class: 'corte' },
      kpis.fechaCorte
        ? `Cifras con corte al ${formatearFecha(kpis.fechaCorte)}`
        : 'Sin cifras para estos filtros',
    ),
    el(
      'div',
      { class: 'tarjetas' },
      ...elegidas.map((k) =>
        el(
          'article',
          { class: 'tarjeta', 'data-metrica': k.metrica },
          el('h3', {}, k.etiqueta),
          ...cifraDeTarjeta(k.cifra),
          el('p', { class: 'unidad' }, k.unidad),
          avance(k),
          cambio(k, kpis.fechaCorteAnterior),
        ),
      ),
    ),
    el(
      'details',
      { class: 'definiciones' },
      el('summary', {}, 'Definiciones'),
      el(
        'dl',
        {},
        ...elegidas.flatMap((k) => [el('dt', {}, k.etiqueta), el('dd', {}, k.definicion)]),
      ),
    ),
  );
}
