/**
 * A few DOM helpers: elements built from data, text always set as text (never as HTML), and
 * drawings read as SVG.
 */
type Hijo = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  etiqueta: K,
  atributos: Record<string, string | boolean | undefined> = {},
  ...hijos: Hijo[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(etiqueta);
  for (const [nombre, valor] of Object.entries(atributos)) {
    if (valor === true) e.setAttribute(nombre, '');
    else if (typeof valor === 'string') e.setAttribute(nombre, valor);
  }
  e.append(
    ...hijos.filter((h): h is Node | string => h !== null && h !== undefined && h !== false),
  );
  return e;
}

/** An accessible table: caption, header row, one row per item. */
export function tabla(
  titulo: string,
  encabezados: readonly string[],
  filas: readonly (readonly (Node | string)[])[],
  numericas: readonly number[] = [],
): HTMLTableElement {
  return el(
    'table',
    { class: 'tabla' },
    el('caption', {}, titulo),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...encabezados.map((h, i) =>
          el('th', { scope: 'col', class: numericas.includes(i) ? 'num' : undefined }, h),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      ...filas.map((f) =>
        el(
          'tr',
          {},
          ...f.map((c, i) => el('td', { class: numericas.includes(i) ? 'num' : undefined }, c)),
        ),
      ),
    ),
  );
}

/**
 * A wide table in a box that scrolls sideways on a narrow screen, reachable by keyboard so that
 * its hidden columns can be scrolled into view without a mouse.
 */
export function desplazable(contenido: HTMLTableElement): HTMLElement {
  return el(
    'div',
    {
      class: 'tabla-desplazable',
      tabindex: '0',
      role: 'group',
      'aria-label': contenido.caption?.textContent ?? undefined,
    },
    contenido,
  );
}

export function mensaje(clase: 'vacio' | 'error' | 'cargando', texto: string): HTMLElement {
  return el('p', { class: clase, role: clase === 'error' ? 'alert' : undefined }, texto);
}

/** A labelled control: the label's text above it. */
export function campo(etiqueta: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'campo' }, el('span', {}, etiqueta), control);
}

/** Runs an action; if it fails, says why in `aviso` (the API's Spanish message). */
function alFallarDecir(accion: () => Promise<unknown>, aviso: HTMLElement): void {
  aviso.replaceChildren();
  accion().catch((error: Error) => aviso.replaceChildren(mensaje('error', error.message)));
}

/** A button that runs `accion`; a failure is said in `aviso`. */
export function botonDeAccion(
  texto: string,
  accion: () => Promise<unknown>,
  aviso: HTMLElement,
): HTMLButtonElement {
  const boton = el('button', { type: 'button' }, texto);
  boton.addEventListener('click', () => alFallarDecir(accion, aviso));
  return boton;
}

/** A form, named for assistive technology, whose submission runs `accion`; a failure is said in `aviso`. */
export function formularioDeAccion(
  titulo: string,
  controles: readonly HTMLElement[],
  boton: string,
  accion: () => Promise<unknown>,
  aviso: HTMLElement,
): HTMLFormElement {
  const form = el(
    'form',
    { class: 'importar', 'aria-label': titulo },
    ...controles,
    el('button', { type: 'submit' }, boton),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    alFallarDecir(accion, aviso);
  });
  return form;
}

/** A JSON block the server wrote into the page (`<script type="application/json" id=…>`), or null. */
export function datosDeLaPagina<T>(id: string): T | null {
  return JSON.parse(document.getElementById(id)?.textContent || 'null') as T | null;
}

/** A chart drawn by the server, read as SVG (XML), never as HTML. */
export function dibujoSvg(texto: string): Element {
  const documento = new DOMParser().parseFromString(texto, 'image/svg+xml');
  const raiz = documento.documentElement;
  if (raiz.namespaceURI !== 'http://www.w3.org/2000/svg')
    throw new Error('el dibujo que llegó no es un SVG');
  return document.importNode(raiz, true);
}
