/** Actividades: the searchable, sortable, paged table of activities, its state in the URL. */
import { consultaDeFiltros } from '@tablero/metrics';
import { formatearNumero, formatearPeriodo, nombreDeModalidad } from '@tablero/domain';
import type { ActividadListada } from '@tablero/metrics';
import { pedir } from '../api';
import { campo, el, mensaje } from '../dom';
import { navegar } from '../estado';
import { Vista } from '../vista';

const COLUMNAS: readonly { titulo: string; orden?: string; num?: boolean }[] = [
  { titulo: 'Código', orden: 'codigo' },
  { titulo: 'Actividad', orden: 'titulo' },
  { titulo: 'Fase', orden: 'fase' },
  { titulo: 'Tipo', orden: 'tipo' },
  // As the source gives it: a day, whole months («abril a julio de 2023») or two days.
  { titulo: 'Fecha o periodo', orden: 'fecha_inicio' },
  { titulo: 'Modalidad' },
  { titulo: 'Aliados' },
  { titulo: 'Alcance', num: true },
];

const TAMANO = 25;

export const actividades: Vista = async (contenedor, vista) => {
  const p = vista.estado.parametros;
  const pagina = Math.max(1, Number(p.get('pagina')) || 1);
  const orden = p.get('orden') ?? 'fecha_inicio';
  const direccion = p.get('direccion') === 'desc' ? 'desc' : 'asc';
  const buscar = p.get('buscar') ?? '';

  const caja = el('input', {
    type: 'search',
    name: 'buscar',
    value: buscar,
    placeholder: 'Título o código',
  });
  const busqueda = el(
    'form',
    { class: 'busqueda', role: 'search' },
    campo('Buscar actividades', caja),
    el('button', { type: 'submit' }, 'Buscar'),
  );
  busqueda.addEventListener('submit', (e) => {
    e.preventDefault();
    navegar({ buscar: caja.value.trim() || undefined, pagina: undefined });
  });
  const resultado = el('div', { class: 'tabla-desplazable' }, mensaje('cargando', 'Cargando…'));
  contenedor.append(el('h1', {}, 'Actividades'), busqueda, resultado);

  const respuesta = await pedir<{ total: number; filas: ActividadListada[] }>(
    `/api/v1/actividades${consultaDeFiltros(vista.estado.filtros, {
      pagina: String(pagina),
      tamano: String(TAMANO),
      orden,
      direccion,
      ...(buscar ? { buscar } : {}),
    })}`,
    vista.senal,
  );
  if (respuesta.total === 0) {
    resultado.replaceChildren(mensaje('vacio', 'Sin datos para estos filtros.'));
    return;
  }
  const encabezado = COLUMNAS.map((c) => {
    const activa = c.orden === orden;
    const th = el('th', {
      scope: 'col',
      class: c.num ? 'num' : undefined,
      'aria-sort': activa ? (direccion === 'asc' ? 'ascending' : 'descending') : undefined,
    });
    if (!c.orden) {
      th.append(c.titulo);
      return th;
    }
    const boton = el(
      'button',
      { type: 'button', class: 'enlace', title: `Ordenar por ${c.titulo.toLowerCase()}` },
      c.titulo,
      activa ? (direccion === 'asc' ? ' ▲' : ' ▼') : '',
    );
    boton.addEventListener('click', () =>
      navegar({
        orden: c.orden,
        direccion: activa && direccion === 'asc' ? 'desc' : 'asc',
        pagina: undefined,
      }),
    );
    th.append(boton);
    return th;
  });
  const paginas = Math.ceil(respuesta.total / TAMANO);
  const irA = (n: number, texto: string) => {
    const b = el('button', { type: 'button', disabled: n < 1 || n > paginas }, texto);
    b.addEventListener('click', () => navegar({ pagina: n > 1 ? String(n) : undefined }));
    return b;
  };
  resultado.replaceChildren(
    el(
      'table',
      { class: 'tabla' },
      el(
        'caption',
        {},
        `${formatearNumero(respuesta.total)} actividades` +
          (buscar ? ` que contienen «${buscar}»` : ''),
      ),
      el('thead', {}, el('tr', {}, ...encabezado)),
      el(
        'tbody',
        {},
        ...respuesta.filas.map((a) =>
          el(
            'tr',
            {},
            el('td', {}, a.codigo),
            el('td', {}, a.titulo),
            el('td', {}, a.fase),
            el('td', {}, a.tipo),
            el('td', {}, formatearPeriodo(a.fechaInicio, a.fechaFin)),
            el('td', {}, nombreDeModalidad(a.modalidad)),
            el('td', {}, a.aliados.join(', ') || '—'),
            el(
              'td',
              { class: 'num' },
              a.cifras.interacciones.valor === 0 && a.ciclo
                ? el(
                    'span',
                    {
                      title: `Sus participantes se declararon en una sola cifra del ciclo ${a.ciclo}`,
                    },
                    `En la cifra del ciclo`,
                  )
                : a.cifras.interacciones.texto,
            ),
          ),
        ),
      ),
    ),
    el(
      'nav',
      { class: 'paginacion', 'aria-label': 'Páginas' },
      irA(pagina - 1, '← Anterior'),
      el('span', {}, `Página ${formatearNumero(pagina)} de ${formatearNumero(paginas)}`),
      irA(pagina + 1, 'Siguiente →'),
    ),
  );
};
