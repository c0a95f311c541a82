/**
 * Territorio: the map and the ranking by department; a click on a department
 * (map, bar or table) drills down to its municipalities; what is not yet reached.
 */
import { formatearNumero } from '@tablero/domain';
import type { Cobertura } from '@tablero/metrics';
import { pedir } from '../api';
import { panelGrafico } from '../componentes/panel-grafico';
import { el, tabla } from '../dom';
import { consultaDeFiltros, navegar } from '../estado';
import { opcionesDeFiltro } from '../filtros';
import { Vista } from '../vista';

export const territorio: Vista = async (contenedor, vista) => {
  const { filtros } = vista.estado;
  const { departamentos } = await opcionesDeFiltro();
  const departamento = departamentos.find((d) => d.codigo === filtros.departamento);
  const graficos = el('div', { class: 'rejilla' });
  const volver = el('button', { type: 'button', class: 'secundario' }, '← Todo el país');
  volver.addEventListener('click', () =>
    navegar({ departamento: undefined, municipio: undefined }),
  );
  contenedor.append(
    el('h1', {}, departamento ? `Territorio: ${departamento.nombre}` : 'Territorio'),
    departamento ? volver : '',
    graficos,
  );
  panelGrafico(graficos, 'mapa-alcance-por-departamento', vista);
  panelGrafico(
    graficos,
    departamento ? 'alcance-por-municipio' : 'alcance-por-departamento',
    vista,
  );

  const cobertura = await pedir<Cobertura>(
    `/api/v1/cobertura${consultaDeFiltros(filtros)}`,
    vista.senal,
  );
  const { departamentos: d, municipios: m } = cobertura;
  /** Reached, but its participants are only in a figure declared for several departments together. */
  const enCifrasConjuntas = (fila: Cobertura['porDepartamento'][number]) =>
    fila.participantes.valor === 0 && fila.municipiosAlcanzados > 0;
  const lista = (nombres: { nombre: string }[], vacio: string) =>
    nombres.length
      ? el('ul', { class: 'columnas' }, ...nombres.map((t) => el('li', {}, t.nombre)))
      : el('p', {}, vacio);
  contenedor.append(
    el(
      'section',
      { class: 'cobertura', 'aria-labelledby': 'titulo-cobertura' },
      el('h2', { id: 'titulo-cobertura' }, 'Cobertura territorial'),
      el(
        'p',
        { class: 'destacado' },
        `${formatearNumero(d.alcanzados)} de ${formatearNumero(d.total)} departamentos y ` +
          `${formatearNumero(m.alcanzados)} de ${formatearNumero(m.total)} municipios cargados con al menos un participante.`,
      ),
      el(
        'div',
        { class: 'tabla-desplazable' },
        tabla(
          'Participantes por departamento',
          ['Departamento', 'Participantes', 'Municipios alcanzados'],
          cobertura.porDepartamento.map((fila) => {
            const boton = el(
              'button',
              { type: 'button', class: 'enlace', title: `Ver los municipios de ${fila.nombre}` },
              fila.nombre,
            );
            boton.addEventListener('click', () =>
              navegar({ departamento: fila.codigo, municipio: undefined }),
            );
            return [
              boton,
              enCifrasConjuntas(fila) ? 'En cifras conjuntas¹' : fila.participantes.texto,
              `${formatearNumero(fila.municipiosAlcanzados)} de ${formatearNumero(fila.municipiosTotal)}`,
            ];
          }),
          [1, 2],
        ),
      ),
      cobertura.porDepartamento.some(enCifrasConjuntas)
        ? el(
            'p',
            { class: 'nota' },
            '¹ Alcanzado por actividades cuyos participantes se declararon en una sola cifra ' +
              'para varios departamentos (por subregión o por ciclo): no tienen cifra propia.',
          )
        : '',
      el(
        'details',
        { open: d.sinAlcanzar.length <= 12 },
        el('summary', {}, `Departamentos sin alcanzar (${formatearNumero(d.sinAlcanzar.length)})`),
        lista(d.sinAlcanzar, 'Todos los departamentos tienen al menos un participante.'),
      ),
      el(
        'details',
        {},
        el('summary', {}, `Municipios sin alcanzar (${formatearNumero(m.sinAlcanzar.length)})`),
        lista(m.sinAlcanzar, 'Todos los municipios tienen al menos un participante.'),
      ),
    ),
  );
};
