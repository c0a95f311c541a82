/** Participación: by grupo de valor, allied entity and channel; unique persons against attendances. */
import { GRAFICOS_DE_PARTICIPACION, rutaDeKpis, rutaDePersonasUnicas } from '@tablero/charts';
import { formatearNumero } from '@tablero/domain';
import type { CifraPublicada, Kpis } from '@tablero/metrics';
import { pedir } from '../api';
import { panelGrafico } from '../componentes/panel-grafico';
import { cifraDeTarjeta, notaDeLugar } from '../componentes/tarjetas';
import { el } from '../dom';
import { Vista } from '../vista';

export const participacion: Vista = async (contenedor, vista) => {
  const { filtros } = vista.estado;
  const personasYAsistencias = el('section', {
    class: 'grupo-kpi',
    'aria-labelledby': 'titulo-personas',
  });
  const graficos = el('div', { class: 'rejilla' });
  contenedor.append(
    el('h1', {}, 'Participación'),
    notaDeLugar(filtros),
    personasYAsistencias,
    graficos,
  );
  for (const id of GRAFICOS_DE_PARTICIPACION) panelGrafico(graficos, id, vista);
  const [kpis, personas] = await Promise.all([
    pedir<Kpis>(rutaDeKpis(filtros), vista.senal),
    pedir<{ cifra: CifraPublicada }>(rutaDePersonasUnicas(filtros), vista.senal),
  ]);
  const asistencias = kpis.kpis.find((k) => k.metrica === 'asistencias')!.cifra;
  const tarjeta = (titulo: string, cifra: CifraPublicada, nota: string) =>
    el(
      'article',
      { class: 'tarjeta' },
      el('h3', {}, titulo),
      ...cifraDeTarjeta(cifra),
      el('p', { class: 'unidad' }, nota),
    );
  // An average of persons over attendances only where both are records: declared figures name no one.
  const promedio =
    personas.cifra.valor && asistencias.valor && asistencias.calificador === 'exacto'
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
        asistencias,
        'persona × actividad: quien fue a tres talleres cuenta tres veces',
      ),
      tarjeta(
        'Personas únicas',
        personas.cifra,
        'personas distintas entre los registros uno a uno',
      ),
    ),
    el('p', {}, promedio),
  );
};
