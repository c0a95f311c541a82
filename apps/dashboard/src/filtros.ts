/** The filter bar: every filter with a control in the filters' table, read from and written to the URL. */
import {
  CampoFiltro,
  DefinicionFiltro,
  FILTROS,
  Opcion,
  OpcionesDeFiltro,
  opcionesDeLista,
} from '@tablero/metrics';
import { pedir } from './api';
import { el } from './dom';
import { CAMPOS_DEL_TABLERO, Estado, filtrar } from './estado';

let opciones: Promise<OpcionesDeFiltro> | undefined;

/** The filters' values and names, asked for once. */
export function opcionesDeFiltro(): Promise<OpcionesDeFiltro> {
  opciones ??= pedir<OpcionesDeFiltro>('/api/v1/filtros');
  return opciones;
}

/** A filter that another narrows: choosing a department leaves its former municipality behind. */
const DEPENDIENTES: Partial<Record<CampoFiltro, CampoFiltro>> = { departamento: 'municipio' };

function campoDeFormulario(etiqueta: string, control: HTMLSelectElement | HTMLInputElement) {
  control.id = `filtro-${control.name}`;
  return el('div', { class: 'campo' }, el('label', { for: control.id }, etiqueta), control);
}

/** Choices, under their group's heading where they have one (a subregion's kind). */
function opcionesDeLaLista(campo: CampoFiltro, lista: readonly Opcion[], elegida?: string) {
  const opcion = (o: Opcion) =>
    el(
      'option',
      { value: o.codigo, selected: elegida === o.codigo },
      campo === 'fase' ? `Fase ${o.codigo}: ${o.nombre}` : o.nombre,
    );
  const grupos = [...new Set(lista.map((o) => o.grupo))];
  if (grupos.length === 1 && grupos[0] === undefined) return lista.map(opcion);
  return grupos.map((grupo) =>
    el('optgroup', { label: grupo ?? '' }, ...lista.filter((o) => o.grupo === grupo).map(opcion)),
  );
}

export async function pintarFiltros(formulario: HTMLFormElement, estado: Estado): Promise<void> {
  const listas = await opcionesDeFiltro();
  const controles: HTMLElement[] = [];
  const chips: HTMLElement[] = [];
  for (const campo of CAMPOS_DEL_TABLERO) {
    const { parametro, etiqueta, control, catalogo }: DefinicionFiltro = FILTROS[campo];
    const valor = estado.filtros[campo];
    const cambiar = (nuevo: string) => {
      const dependiente = DEPENDIENTES[campo];
      filtrar({
        [campo]: nuevo || undefined,
        ...(dependiente ? { [dependiente]: undefined } : {}),
      });
    };
    if (!control) continue;
    if (control.tipo === 'chip') {
      if (valor) chips.push(chip(campo, `${etiqueta}: ${valor} `));
    } else if (control.tipo === 'fecha') {
      const fecha = el('input', { type: 'date', name: parametro, value: valor });
      fecha.addEventListener('change', () => cambiar(fecha.value));
      controles.push(campoDeFormulario(etiqueta, fecha));
    } else {
      const lista = catalogo?.opciones ? listas[catalogo.opciones] : opcionesDeLista(campo);
      const select = el(
        'select',
        { name: parametro },
        el('option', { value: '' }, control.todos),
        ...opcionesDeLaLista(campo, lista, valor),
      );
      select.addEventListener('change', () => cambiar(select.value));
      controles.push(campoDeFormulario(etiqueta, select));
    }
  }
  const activos = CAMPOS_DEL_TABLERO.filter((campo) => estado.filtros[campo]);
  const limpiar = el(
    'button',
    { type: 'button', class: 'secundario', disabled: activos.length === 0 },
    'Quitar filtros',
  );
  limpiar.addEventListener('click', () =>
    filtrar(Object.fromEntries(activos.map((campo) => [campo, undefined]))),
  );
  formulario.replaceChildren(...controles, ...chips, limpiar);
  formulario.onsubmit = (e) => e.preventDefault();
}

function chip(campo: CampoFiltro, texto: string): HTMLElement {
  const titulo = `Quitar el filtro de ${FILTROS[campo].etiqueta.toLowerCase()}`;
  const boton = el('button', { type: 'button', 'aria-label': titulo, title: titulo }, '×');
  boton.addEventListener('click', () => filtrar({ [campo]: undefined }));
  return el('p', { class: 'chip' }, texto, boton);
}
