/**
 * Territorio: the maps (departments and municipalities, or one department's
 * municipalities) and the ranking; a click on a department (map, bar or table)
 * drills down to its municipalities. Coverage tells apart places with figures
 * of their own, places reached only within a figure declared for several
 * together, and places not reached, and says what is national coverage.
 */
import { contar, formatearNumero } from '@tablero/domain';
import type { Cobertura } from '@tablero/metrics';
import { pedir } from '../api';
import { graficosDeTerritorio, rutaDeCobertura } from '@tablero/charts';
import { panelGrafico } from '../componentes/panel-grafico';
import { desplazable, el, tabla } from '../dom';
import { filtrar } from '../estado';
import { opcionesDeFiltro } from '../filtros';
import { Vista } from '../vista';

const ESTADO = {
  propia: 'Con cifra propia',
  conjunta: 'Solo en cifras conjuntas',
  sin_alcanzar: 'Sin alcanzar',
} as const;

export const territorio: Vista = async (contenedor, vista) => {
  const { filtros } = vista.estado;
  const departamento = filtros.departamento;
  const graficos = el('div', { class: 'rejilla' });
  const titulo = el('h1', {}, 'Territorio');
  const volver = el('button', { type: 'button', class: 'secundario' }, '← Todo el país');
  volver.addEventListener('click', () =>
    filtrar({ departamento: undefined, municipio: undefined }),
  );
  contenedor.append(titulo, departamento ? volver : '', graficos);
  for (const id of graficosDeTerritorio(filtros)) panelGrafico(graficos, id, vista);
  const [{ departamentos }, cobertura] = await Promise.all([
    opcionesDeFiltro(),
    pedir<Cobertura>(rutaDeCobertura(filtros), vista.senal),
  ]);
  const nombre = departamentos.find((d) => d.codigo === departamento)?.nombre;
  if (nombre) titulo.textContent = `Territorio: ${nombre}`;
  const { departamentos: d, municipios: m } = cobertura;
  const ambito = (a: Cobertura['departamentos'], unidad: string) =>
    `${unidad}: ${formatearNumero(a.alcanzados)} con participantes propios` +
    (a.enCifrasConjuntas
      ? `, ${contar(a.enCifrasConjuntas, 'alcanzado', 'alcanzados')} solo en cifras conjuntas`
      : '') +
    ` y ${formatearNumero(a.sinAlcanzar.length)} sin alcanzar, de ${formatearNumero(a.total)}.`;
  const lista = (nombres: { nombre: string }[], vacio: string) =>
    nombres.length
      ? el('ul', { class: 'columnas' }, ...nombres.map((t) => el('li', {}, t.nombre)))
      : el('p', {}, vacio);
  contenedor.append(
    el(
      'section',
      { class: 'cobertura', 'aria-labelledby': 'titulo-cobertura' },
      el('h2', { id: 'titulo-cobertura' }, 'Cobertura territorial'),
      el('p', { class: 'destacado' }, ambito(d, 'Departamentos')),
      el('p', { class: 'destacado' }, ambito(m, 'Municipios')),
      cobertura.nacional.valor
        ? el(
            'p',
            {},
            `Además, ${cobertura.nacional.texto} participantes en actividades en todo el territorio nacional, ` +
              'sin un lugar propio (como los talleres presenciales de la fase II): cobertura nacional.',
          )
        : '',
      el(
        'p',
        { class: 'nota' },
        'Una cifra conjunta es la que la fuente declara para varios lugares juntos (los eventos de una subregión, ' +
          'un ciclo en varias ciudades): alcanza esos lugares, pero no dice cuántos participantes tuvo cada uno.',
      ),
      desplazable(
        tabla(
          'Participantes por departamento',
          ['Departamento', 'Situación', 'Participantes', 'Municipios alcanzados'],
          cobertura.porDepartamento.map((fila) => {
            const boton = el(
              'button',
              { type: 'button', class: 'enlace', title: `Ver los municipios de ${fila.nombre}` },
              fila.nombre,
            );
            boton.addEventListener('click', () =>
              filtrar({ departamento: fila.codigo, municipio: undefined }),
            );
            return [
              boton,
              ESTADO[fila.estado],
              fila.participantes.texto,
              `${formatearNumero(fila.municipiosAlcanzados)}` +
                (fila.municipiosEnCifrasConjuntas
                  ? ` (+${formatearNumero(fila.municipiosEnCifrasConjuntas)} en cifras conjuntas)`
                  : '') +
                ` de ${formatearNumero(fila.municipiosTotal)}`,
            ];
          }),
          [2, 3],
        ),
      ),
      el(
        'details',
        { open: d.sinAlcanzar.length <= 12 },
        el('summary', {}, `Departamentos sin alcanzar (${formatearNumero(d.sinAlcanzar.length)})`),
        lista(d.sinAlcanzar, 'Todos los departamentos están alcanzados.'),
      ),
      el(
        'details',
        {},
        el('summary', {}, `Municipios sin alcanzar (${formatearNumero(m.sinAlcanzar.length)})`),
        lista(m.sinAlcanzar, 'Todos los municipios están alcanzados.'),
      ),
    ),
  );
};
