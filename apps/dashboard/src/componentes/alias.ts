/**
 * The values an import did not know, mapped by an editor to a catalogue entry
 * (an alias, which every later import uses), and the re-run of the rows they
 * held back; and the list of aliases in force, each of which can be retired.
 */
import {
  CATALOGOS_ALIAS,
  CatalogoAlias,
  formatearFechaHora,
  formatearNumero,
} from '@tablero/domain';
import { pedir } from '../api';
import { botonDeAccion, desplazable, el, formularioDeAccion, mensaje, tabla } from '../dom';
import { enviar } from '../sesion';

interface Entrada {
  readonly codigo: string;
  readonly nombre: string;
}

interface AliasVigente {
  readonly id: string;
  readonly catalogo: CatalogoAlias;
  readonly valor: string;
  readonly entrada: string;
  readonly nombreEntrada: string;
  readonly creadoPor: string;
  readonly creadoEn: string;
}

interface Desconocidos {
  readonly importacionId: string;
  readonly pendientes: number;
  readonly valores: readonly {
    readonly catalogo: CatalogoAlias;
    readonly valor: string;
    readonly filas: number;
    readonly alias: Pick<AliasVigente, 'entrada' | 'nombreEntrada'> | null;
  }[];
}

/** Above this many entries a catalogue is chosen by typing (a list with suggestions), not from a menu. */
const MENU_MAXIMO = 60;

/** What the page does after a change: redraw what depends on aliases and imports. */
export interface Cambios {
  /** A re-run's report, to show as any import's. */
  alReintentar(informe: unknown): void;
  alCambiarAlias(): Promise<unknown>;
}

const entradasPorCatalogo = new Map<CatalogoAlias, Promise<Entrada[]>>();

function entradas(catalogo: CatalogoAlias): Promise<Entrada[]> {
  let lista = entradasPorCatalogo.get(catalogo);
  if (!lista) {
    lista = pedir<Entrada[]>(`/api/v1/alias/entradas/${catalogo}`);
    entradasPorCatalogo.set(catalogo, lista);
    lista.catch(() => entradasPorCatalogo.delete(catalogo));
  }
  return lista;
}

/**
 * A control to choose an entry of the catalogue, labelled: a menu, or for the
 * long catalogues a field with suggestions (its list beside it).
 */
async function selectorDeEntrada(
  catalogo: CatalogoAlias,
  id: string,
): Promise<{ control: HTMLInputElement | HTMLSelectElement; nodos: HTMLElement[] }> {
  const lista = await entradas(catalogo);
  if (lista.length <= MENU_MAXIMO) {
    const control = el(
      'select',
      { name: 'entrada', required: true, 'aria-label': 'Se lee como' },
      el('option', { value: '' }, 'Elija…'),
      ...lista.map((e) => el('option', { value: e.codigo }, e.nombre)),
    );
    return { control, nodos: [control] };
  }
  const control = el('input', {
    name: 'entrada',
    list: id,
    required: true,
    'aria-label': 'Se lee como',
    autocomplete: 'off',
    placeholder: 'Código o nombre',
  });
  const sugerencias = el(
    'datalist',
    { id },
    ...lista.map((e) => el('option', { value: e.codigo, label: e.nombre })),
  );
  return { control, nodos: [control, sugerencias] };
}

/** The code chosen: a menu's value, or a typed code or an entry's exact name. */
async function codigoElegido(
  catalogo: CatalogoAlias,
  control: HTMLInputElement | HTMLSelectElement,
): Promise<string> {
  const escrito = control.value.trim();
  const lista = await entradas(catalogo);
  return (
    lista.find((e) => e.codigo === escrito || e.nombre.toLowerCase() === escrito.toLowerCase())
      ?.codigo ?? escrito
  );
}

/** The unknown values of one import, each mapped or with a form to map it, and the re-run of its rows. */
export async function seccionDesconocidos(
  seccion: HTMLElement,
  importacionId: string,
  cambios: Cambios,
): Promise<void> {
  const d = await pedir<Desconocidos>(`/api/v1/importaciones/${importacionId}/desconocidos`);
  const aviso = el('div', { 'aria-live': 'polite' });
  const redibujar = () => seccionDesconocidos(seccion, importacionId, cambios);
  const filas = await Promise.all(
    d.valores.map(async (v, i) => {
      if (v.alias)
        return [
          CATALOGOS_ALIAS[v.catalogo],
          v.valor,
          formatearNumero(v.filas),
          `${v.alias.nombreEntrada} (${v.alias.entrada})`,
        ];
      const { control, nodos } = await selectorDeEntrada(
        v.catalogo,
        `entradas-${importacionId}-${i}`,
      );
      const formulario = formularioDeAccion(
        `Asociar «${v.valor}»`,
        nodos,
        'Asociar',
        async () => {
          await enviar('POST', '/api/v1/alias', {
            catalogo: v.catalogo,
            valor: v.valor,
            entrada: await codigoElegido(v.catalogo, control),
            importacion: importacionId,
          });
          await Promise.all([redibujar(), cambios.alCambiarAlias()]);
        },
        aviso,
      );
      formulario.classList.add('asociar');
      return [CATALOGOS_ALIAS[v.catalogo], v.valor, formatearNumero(v.filas), formulario];
    }),
  );
  const reintentar =
    d.pendientes > 0
      ? botonDeAccion(
          `Volver a procesar ${d.pendientes === 1 ? 'la fila pendiente' : `las ${formatearNumero(d.pendientes)} filas pendientes`}`,
          async () => {
            cambios.alReintentar(
              await enviar('POST', `/api/v1/importaciones/${importacionId}/reintento`),
            );
            await redibujar();
          },
          aviso,
        )
      : null;
  seccion.replaceChildren(
    el('h2', {}, `Valores desconocidos de la importación ${importacionId}`),
    d.valores.length
      ? el(
          'p',
          {},
          'Asocie cada valor a una entrada del catálogo: desde entonces toda importación lo lee así. ' +
            'Después vuelva a procesar las filas que rechazó, sin subir otra vez el archivo.',
        )
      : mensaje('vacio', 'Esta importación no rechazó valores desconocidos.'),
    d.valores.length
      ? desplazable(
          tabla(
            'Valores que ningún catálogo reconoció',
            ['Catálogo', 'Valor', 'Filas', 'Se lee como'],
            filas,
            [2],
          ),
        )
      : '',
    aviso,
    reintentar ??
      (d.valores.length
        ? mensaje('vacio', 'No quedan filas pendientes de volver a procesar.')
        : ''),
  );
}

/** The aliases in force, newest first, each with its Retirar button. */
export async function seccionAlias(seccion: HTMLElement, senal?: AbortSignal): Promise<void> {
  const alias = await pedir<AliasVigente[]>('/api/v1/alias', senal);
  const aviso = el('div', { 'aria-live': 'polite' });
  const redibujar = () => seccionAlias(seccion);
  seccion.replaceChildren(
    el('h2', {}, 'Alias vigentes'),
    alias.length
      ? desplazable(
          tabla(
            'Valores que las importaciones leen como una entrada del catálogo',
            ['Catálogo', 'Valor escrito', 'Se lee como', 'Creado por', 'Creado', 'Acciones'],
            alias.map((a) => [
              CATALOGOS_ALIAS[a.catalogo],
              a.valor,
              `${a.nombreEntrada} (${a.entrada})`,
              a.creadoPor,
              formatearFechaHora(a.creadoEn),
              botonDeAccion(
                'Retirar',
                () => enviar('DELETE', `/api/v1/alias/${a.id}`).then(redibujar),
                aviso,
              ),
            ]),
          ),
        )
      : mensaje(
          'vacio',
          'No hay alias todavía: se crean desde los valores desconocidos de una importación.',
        ),
    aviso,
  );
}
