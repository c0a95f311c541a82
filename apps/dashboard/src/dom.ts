/** A few DOM helpers: elements built from data, text always set as text (never as HTML). */
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

export function mensaje(clase: 'vacio' | 'error' | 'cargando', texto: string): HTMLElement {
  return el('p', { class: clase, role: clase === 'error' ? 'alert' : undefined }, texto);
}
