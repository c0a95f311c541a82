/** Participación: by grupo de valor, allied entity and channel; unique persons against attendances. */
import { formatearNumero } from '@tablero/domain';
import type { CifraPublicada, Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { panelGrafico } from '../componentes/panel-grafico';
import { el } from '../dom';
import { consultaDeFiltros } from '../estado';
import { Vista } from '../vista';

export const participacion: Vista = async (contenedor, vista) => {
  const consulta = consultaDeFiltros(vista.estado.filtros);
  const personasYAsistencias = el('section', {
    class: 'grupo-kpi',
    'aria-labelledby': 'titulo-personas',
  });
  const graficos = el('div', { class: 'rejilla' });
  contenedor.append(el('h1', {}, 'Participación'), personasYAsistencias, graficos);
  for (const id of ['asistencias-por-grupo', 'alcance-por-aliado', 'alcance-por-canal']) {
    panelGrafico(graficos, id, vista);
  }
  const [kpis, personas] = await Promise.all([
    pedir<Kpis>(`/api/v1/kpis${consulta}`, vista.senal),
    pedir<{ cifra: CifraPublicada | null }>(`/api/v1/personas-unicas${consulta}`, vista.senal),
  ]);
  const asistencias = kpis.kpis.find((k) => k.metrica === 'asistencias')?.cifra;
  const tarjeta = (titulo: string, texto: string, nota: string) =>
    el(
      'article',
      { class: 'tarjeta' },
      el('h3', {}, titulo),
      el('p', { class: 'cifra' }, texto),
      el('p', { class: 'unidad' }, nota),
    );
  const promedio =
    personas.cifra && asistencias && personas.cifra.valor > 0
      ? `En promedio, cada persona asistió a ${formatearNumero(
          Math.round((asistencias.valor / personas.cifra.valor) * 10) / 10,
        )} actividades.`
      : 'Las cifras declaradas no identifican personas: las personas únicas se cuentan con registros uno a uno.';
  personasYAsistencias.append(
    el('h2', { id: 'titulo-personas' }, 'Personas únicas y asistencias'),
    el(
      'div',
      { class: 'tarjetas' },
      tarjeta(
        'Asistencias',
        asistencias?.texto ?? 'Sin registros',
        'persona × actividad: quien fue a tres talleres cuenta tres veces',
      ),
      tarjeta(
        'Personas únicas',
        personas.cifra?.texto ?? 'Sin registros',
        'personas distintas entre los registros uno a uno',
      ),
    ),
    el('p', {}, promedio),
  );
};
