/** The filter bar: every view's filters, read from and written to the URL. */
import type { OpcionesDeFiltro } from '@tablero/metrics';
import { pedir } from './api';
import { el } from './dom';
import { Estado, navegar, ParametroFiltro, PARAMETROS_FILTRO } from './estado';

let opciones: Promise<OpcionesDeFiltro> | undefined;

/** The filters' values and names, asked for once. */
export function opcionesDeFiltro(): Promise<OpcionesDeFiltro> {
  opciones ??= pedir<OpcionesDeFiltro>('/api/v1/filtros');
  return opciones;
}

const SELECTORES: readonly [ParametroFiltro, string, keyof OpcionesDeFiltro, string][] = [
  ['fase', 'Fase', 'fases', 'Todas las fases'],
  ['departamento', 'Departamento', 'departamentos', 'Todo el país'],
  ['tipo', 'Tipo de actividad', 'tipos', 'Todos los tipos'],
  ['aliado', 'Entidad aliada', 'aliados', 'Todas las entidades'],
  ['grupo', 'Grupo de valor', 'grupos', 'Todos los grupos'],
  ['modalidad', 'Modalidad', 'modalidades', 'Todas las modalidades'],
];

function campo(etiqueta: string, control: HTMLSelectElement | HTMLInputElement): HTMLElement {
  control.id = `filtro-${control.name}`;
  return el('div', { class: 'campo' }, el('label', { for: control.id }, etiqueta), control);
}

export async function pintarFiltros(formulario: HTMLFormElement, estado: Estado): Promise<void> {
  const listas = await opcionesDeFiltro();
  const controles: HTMLElement[] = SELECTORES.map(([parametro, etiqueta, lista, todos]) => {
    const select = el(
      'select',
      { name: parametro },
      el('option', { value: '' }, todos),
      ...listas[lista].map((o) =>
        el(
          'option',
          { value: o.codigo, selected: estado.filtros[parametro] === o.codigo },
          parametro === 'fase' ? `Fase ${o.codigo}: ${o.nombre}` : o.nombre,
        ),
      ),
    );
    select.addEventListener('change', () =>
      navegar({
        [parametro]: select.value || undefined,
        ...(parametro === 'departamento' ? { municipio: undefined } : {}),
        pagina: undefined,
      }),
    );
    return campo(etiqueta, select);
  });
  for (const [parametro, etiqueta] of [
    ['hasta', 'Hasta'],
    ['desde', 'Desde'],
  ] as const) {
    const fecha = el('input', { type: 'date', name: parametro, value: estado.filtros[parametro] });
    fecha.addEventListener('change', () =>
      navegar({ [parametro]: fecha.value || undefined, pagina: undefined }),
    );
    controles.splice(1, 0, campo(etiqueta, fecha));
  }
  const activos = PARAMETROS_FILTRO.filter((p) => estado.filtros[p]);
  const limpiar = el(
    'button',
    { type: 'button', class: 'secundario', disabled: activos.length === 0 },
    'Quitar filtros',
  );
  limpiar.addEventListener('click', () =>
    navegar(Object.fromEntries([...activos, 'pagina'].map((p) => [p, undefined]))),
  );
  const municipio = estado.filtros.municipio
    ? el(
        'p',
        { class: 'chip' },
        `Municipio: ${estado.filtros.municipio} `,
        quitar('municipio', 'Quitar el filtro de municipio'),
      )
    : null;
  formulario.replaceChildren(...controles, municipio ?? '', limpiar);
  formulario.onsubmit = (e) => e.preventDefault();
}

function quitar(parametro: ParametroFiltro, titulo: string): HTMLElement {
  const boton = el('button', { type: 'button', 'aria-label': titulo, title: titulo }, '×');
  boton.addEventListener('click', () => navegar({ [parametro]: undefined }));
  return boton;
}
