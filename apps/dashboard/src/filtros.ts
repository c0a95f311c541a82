/** The filter bar: every filter with a control in the filters' table, read from and written to the URL. */
import {
  CampoFiltro,
  DefinicionFiltro,
  FILTROS,
  Opcion,
  OpcionesDeFiltro,
  opcionesDeLista,
  periodoInvertido,
  CAMPOS_DEL_TABLERO,
} from '@tablero/metrics';
import { pedir } from './api';
import { datosDeLaPagina, el } from './dom';
import { Estado, filtrar } from './estado';

/** The filters' values and names as the server wrote them into a view's page, if it did. */
const escritas = datosDeLaPagina<OpcionesDeFiltro>('opciones-de-filtro');
let opciones: Promise<OpcionesDeFiltro> | undefined = escritas
  ? Promise.resolve(escritas)
  : undefined;

/** The filters' values and names: those written into the page, or else asked for once. */
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

/** Whether the drawer of filters is open on a narrow screen; it stays so while its filters change. */
let abierto = false;

/** The filters applied, in the words of charts and sheets: "Fase II · Departamento: Tolima". */
export function filtrosEnPalabras(estado: Estado, listas: OpcionesDeFiltro): string {
  const partes = CAMPOS_DEL_TABLERO.flatMap((campo) => {
    const valor = estado.filtros[campo];
    if (!valor) return [];
    const { catalogo, enPalabras }: DefinicionFiltro = FILTROS[campo];
    const lista = catalogo?.opciones ? listas[catalogo.opciones] : opcionesDeLista(campo);
    return [enPalabras(valor, lista.find((o) => o.codigo === valor)?.nombre ?? valor)];
  });
  return partes.length ? partes.join(' · ') : 'Toda la estrategia';
}

/**
 * The filter bar, redrawn from the state: on a narrow screen a drawer behind a button that says
 * what is applied. The control that had the focus has it again once redrawn, so that a keyboard
 * user goes on from where they were.
 */
export async function pintarFiltros(formulario: HTMLFormElement, estado: Estado): Promise<void> {
  const listas = await opcionesDeFiltro();
  const enfocado = formulario.contains(document.activeElement) ? document.activeElement?.id : '';
  const controles: HTMLElement[] = [];
  const chips: HTMLElement[] = [];
  const avisoFechas = el('p', { id: 'filtros-aviso-fechas', class: 'error', role: 'alert' });
  const fechas: [CampoFiltro, HTMLInputElement][] = [];
  let trasLasFechas = 0;
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
      fecha.addEventListener('change', () => {
        // Both dates as typed: a reversed period is said beside them and never asked for.
        const periodo = Object.fromEntries(fechas.map(([c, f]) => [c, f.value || undefined]));
        const invertido = periodoInvertido(periodo);
        avisoFechas.textContent = invertido ?? '';
        for (const [, f] of fechas) {
          if (invertido) {
            f.setAttribute('aria-invalid', 'true');
            f.setAttribute('aria-describedby', avisoFechas.id);
          } else {
            f.removeAttribute('aria-invalid');
            f.removeAttribute('aria-describedby');
          }
        }
        if (!invertido) filtrar(periodo);
      });
      fechas.push([campo, fecha]);
      controles.push(campoDeFormulario(etiqueta, fecha));
      trasLasFechas = controles.length;
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
  controles.splice(trasLasFechas, 0, avisoFechas);
  const activos = CAMPOS_DEL_TABLERO.filter((campo) => estado.filtros[campo]);
  const limpiar = el(
    'button',
    { type: 'button', id: 'filtros-quitar', class: 'secundario', disabled: activos.length === 0 },
    'Quitar filtros',
  );
  limpiar.addEventListener('click', () =>
    filtrar(Object.fromEntries(activos.map((campo) => [campo, undefined]))),
  );
  const cajon = el(
    'div',
    { id: 'filtros-controles', class: 'controles-filtros' },
    ...controles,
    ...chips,
    limpiar,
  );
  const abrir = el(
    'button',
    {
      type: 'button',
      id: 'filtros-abrir',
      class: 'abrir-filtros',
      'aria-expanded': String(abierto),
      'aria-controls': cajon.id,
    },
    el('span', { class: 'titulo-filtros' }, 'Filtros'),
    ' ',
    el('span', { class: 'aplicados' }, filtrosEnPalabras(estado, listas)),
  );
  const alternar = (abrirlo: boolean) => {
    abierto = abrirlo;
    formulario.classList.toggle('abierto', abierto);
    abrir.setAttribute('aria-expanded', String(abierto));
  };
  abrir.addEventListener('click', () => alternar(!abierto));
  cajon.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !abierto) return;
    alternar(false);
    abrir.focus();
  });
  formulario.replaceChildren(abrir, cajon);
  alternar(abierto);
  formulario.onsubmit = (e) => e.preventDefault();
  // A control that is gone (a chip removed) leaves the focus on the drawer's first control.
  if (enfocado) {
    const destino = document.getElementById(enfocado);
    (destino && !(destino as HTMLButtonElement).disabled
      ? destino
      : cajon.querySelector('select')
    )?.focus();
  }
}

function chip(campo: CampoFiltro, texto: string): HTMLElement {
  const titulo = `Quitar el filtro de ${FILTROS[campo].etiqueta.toLowerCase()}`;
  const boton = el(
    'button',
    { type: 'button', id: `filtros-quitar-${campo}`, 'aria-label': titulo, title: titulo },
    '×',
  );
  boton.addEventListener('click', () => filtrar({ [campo]: undefined }));
  return el('p', { class: 'chip' }, texto, boton);
}
