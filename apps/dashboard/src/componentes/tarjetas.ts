/** KPI cards: the figure with its qualifier, target and progress, and the change against the month before. */
import { formatearFecha, formatearNumero } from '@tablero/domain';
import type { Kpi, Kpis } from '@tablero/metrics';
import { el } from '../dom';

function cambio(kpi: Kpi, fechaAnterior: string | null): HTMLElement | null {
  if (!kpi.anterior || !fechaAnterior) return null;
  // Figures declared at this cut-off had nothing before it: "+N" would read as a month's growth.
  if (kpi.anterior.valor === 0 && kpi.cifra.valor > 0) {
    return el('p', { class: 'cambio' }, `Sin cifras al ${formatearFecha(fechaAnterior)}`);
  }
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

export function tarjetasKpi(titulo: string, kpis: Kpis, metricas: readonly string[]): HTMLElement {
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
          el(
            'p',
            {
              class: 'cifra',
              title:
                k.cifra.calificador === 'aproximado'
                  ? 'Cifra aproximada ("cerca de")'
                  : k.cifra.calificador === 'minimo'
                    ? 'Cifra mínima ("más de")'
                    : undefined,
            },
            k.cifra.texto,
          ),
          el('p', { class: 'unidad' }, k.unidad),
          avance(k),
          cambio(k, kpis.fechaCorteAnterior),
          el('details', {}, el('summary', {}, 'Definición'), el('p', {}, k.definicion)),
        ),
      ),
    ),
  );
}
