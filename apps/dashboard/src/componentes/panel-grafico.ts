/**
 * A chart of the shared catalogue on the page: its rows from the API and its
 * drawing from the server (the same definition and renderer as the images, at
 * the panel's width), and around it what every chart offers: PNG and SVG, "Ver
 * datos" as an accessible table, the numbers as .xlsx, what an item reads under
 * the pointer, and a click that filters the page.
 */
import {
  cifraDeFila,
  DatosGrafico,
  filasQueSeDibujan,
  filtrosDelGrafico,
  GRAFICO,
  lecturaDeFila,
  rutaDelDibujo,
  rutaDelGrafico,
} from '@tablero/charts';
import { pedir, pedirTexto } from '../api';
import { dibujoSvg, el, mensaje, tabla } from '../dom';
import { CampoFiltro, nombreDeArchivo } from '@tablero/metrics';
import { filtrar } from '../estado';
import { puede } from '../sesion';
import { ContextoVista } from '../vista';

/** The filter a click on a category sets, by the dimension the chart breaks down. */
const FILTRO_DE_DIMENSION: Readonly<Record<string, CampoFiltro>> = {
  fase: 'fase',
  tipo: 'tipo',
  departamento: 'departamento',
  municipio: 'municipio',
  subregion: 'subregion',
  grupo: 'grupo',
  aliado: 'aliado',
  modalidad: 'modalidad',
};

let siguiente = 0;

/** `extra`: the view's own parameters the chart's figures depend on (the PDT states' date). */
export function panelGrafico(
  padre: HTMLElement,
  id: string,
  vista: ContextoVista,
  extra: Record<string, string> = {},
): void {
  const definicion = GRAFICO.get(id);
  if (!definicion) throw new Error(`Gráfico desconocido: ${id}`);
  const filtros = filtrosDelGrafico(definicion, vista.estado.filtros);
  const idDatos = `grafico-${++siguiente}-datos`;
  const lienzo = el('div', { class: 'lienzo', role: 'img', 'aria-label': definicion.titulo });
  const estado = mensaje('cargando', 'Cargando…');
  const datos = el('div', { class: 'datos', id: idDatos, hidden: true });
  const verDatos = el(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': idDatos },
    'Ver datos',
  );
  // The table is built when first shown or printed: a municipal map's has a row per municipality.
  let construirTabla = () => {};
  verDatos.addEventListener('click', () => {
    construirTabla();
    datos.hidden = !datos.hidden;
    verDatos.setAttribute('aria-expanded', String(!datos.hidden));
    verDatos.textContent = datos.hidden ? 'Ver datos' : 'Ocultar datos';
  });
  // Named as the API names the file, once the figures' cut-off date is known.
  const descargas: HTMLAnchorElement[] = [];
  const descarga = (formato: 'png' | 'svg' | 'xlsx', texto: string, titulo: string) => {
    const a = el(
      'a',
      {
        href: rutaDelGrafico(id, formato, vista.estado.filtros, extra),
        download: true,
        title: titulo,
        'data-formato': formato,
      },
      texto,
    );
    descargas.push(a);
    return a;
  };
  padre.append(
    el(
      'section',
      { class: 'panel', 'data-grafico': id },
      el('h2', { class: 'solo-lectores' }, definicion.titulo),
      el(
        'div',
        { class: 'herramientas', role: 'group', 'aria-label': `Opciones de ${definicion.titulo}` },
        puede('imagenes') && descarga('png', 'PNG', 'Descargar la imagen en PNG'),
        puede('imagenes') && descarga('svg', 'SVG', 'Descargar la imagen en SVG'),
        verDatos,
        puede('exportar') && descarga('xlsx', 'Datos (.xlsx)', 'Descargar las cifras en Excel'),
      ),
      estado,
      lienzo,
      datos,
    ),
  );

  const seccion = padre.lastElementChild as HTMLElement;
  const dibujar = (ancho: number, senal = vista.senal) =>
    pedirTexto(rutaDelDibujo(id, ancho, vista.estado.filtros, extra), senal);
  let ancho = 0;
  // The drawing is asked for beside the figures, once the view has placed all its panels (the
  // first alone in its grid would measure the whole row).
  const primerDibujo = Promise.resolve().then(() => dibujar((ancho = anchoDelDibujo(lienzo))));
  primerDibujo.catch(() => {});
  const dibujado = pedir<DatosGrafico>(
    rutaDelGrafico(id, 'json', vista.estado.filtros, extra),
    vista.senal,
  )
    .then(async ({ filas, contexto, fechaCorte }) => {
      for (const a of descargas)
        a.download = nombreDeArchivo(id, filtros, fechaCorte, a.dataset.formato!);
      const conCifra = filasQueSeDibujan(filas);
      // Without figures the panel says so once: no empty chart, no empty table, no files of nothing.
      if (conCifra.length === 0) {
        // The note still says where the figures are (in joint figures, with no place).
        estado.replaceWith(
          mensaje('vacio', `${definicion.titulo}: ${contexto.vacio}.`),
          contexto.nota ? el('p', { class: 'nota' }, contexto.nota) : '',
        );
        lienzo.remove();
        seccion.querySelector('.herramientas')?.remove();
        seccion.dataset.estado = 'vacio';
        return;
      }
      // Drawn by the server from the same definition as the images, at the panel's width.
      lienzo.replaceChildren(dibujoSvg(await primerDibujo));
      if (vista.senal.aborted) return;
      let redibujo: AbortController | undefined;
      const redimensionar = () => {
        const nuevo = anchoDelDibujo(lienzo);
        if (nuevo === ancho) return;
        ancho = nuevo;
        // Only the latest width is drawn: a drawing still on its way for another one is dropped.
        redibujo?.abort();
        const este = (redibujo = new AbortController());
        vista.senal.addEventListener('abort', () => este.abort(), { once: true });
        dibujar(nuevo, este.signal)
          .then((svg) => lienzo.replaceChildren(dibujoSvg(svg)))
          // The drawing at the former width stays, stretched to the new one.
          .catch(() => {});
      };
      vista.graficos.push({ redimensionar });
      // The window may have changed while the first drawing was on its way.
      redimensionar();
      imprimirAlAnchoDelPapel(lienzo, () => ancho, dibujar, vista.senal);
      const por = 'por' in definicion.consulta ? definicion.consulta.por : undefined;
      const filtro = por ? FILTRO_DE_DIMENSION[por] : undefined;
      if (filtro) {
        lienzo.classList.add('interactivo');
        lienzo.addEventListener('click', (evento) => {
          const clave = (evento.target as Element)
            .closest('[data-clave]')
            ?.getAttribute('data-clave');
          if (clave) filtrar({ [filtro]: clave });
        });
      }
      leerAlPasar(lienzo, vista.senal);
      const conSeries = filas.some((f) => f.serie);
      lienzo.setAttribute(
        'aria-label',
        `${definicion.titulo}. ${contexto.filtrosEnPalabras}. ` +
          conCifra.slice(0, 8).map(lecturaDeFila).join('; ') +
          (conCifra.length > 8 ? '; y más en «Ver datos».' : '.'),
      );
      estado.replaceWith(contexto.nota ? el('p', { class: 'nota' }, contexto.nota) : '');
      seccion.dataset.estado = 'listo';
      construirTabla = () => {
        construirTabla = () => {};
        datos.append(
          tabla(
            `${definicion.titulo} · ${contexto.filtrosEnPalabras}` +
              (contexto.fechaCorte ? ` · Corte: ${contexto.fechaCorte}` : ''),
            conSeries ? ['Categoría', 'Serie', 'Cifra'] : ['Categoría', 'Cifra'],
            filas.map((f) => [
              filtro && f.clave ? botonFiltro(f.etiqueta, filtro, f.clave) : f.etiqueta,
              ...(conSeries ? [f.serie ?? ''] : []),
              cifraDeFila(f),
            ]),
            [conSeries ? 2 : 1],
          ),
        );
      };
      if (!datos.hidden) construirTabla();
      addEventListener('beforeprint', () => construirTabla(), { signal: vista.senal });
    })
    .catch((error: Error) => {
      if (vista.senal.aborted) return;
      estado.replaceWith(mensaje('error', `No se pudo cargar el gráfico: ${error.message}`));
      seccion.dataset.estado = 'error';
    });
  vista.pendientes.push(dibujado);
}

/**
 * The width a panel's drawing is asked at: its canvas's, in steps of ten pixels (a drawing serves
 * widths that differ by a few), stretched to the rest by the stylesheet.
 */
function anchoDelDibujo(lienzo: HTMLElement): number {
  return Math.max(ANCHO_MINIMO, Math.floor(lienzo.clientWidth / 10) * 10);
}

const ANCHO_MINIMO = 200;

/** A printed page's width in CSS pixels, A4 or carta upright, inside the print stylesheet's margins. */
const ANCHO_EN_PAPEL = 680;

/**
 * A drawing much wider than the paper would print with its type shrunk to fit: its drawing at the
 * paper's width is asked for once the one on screen is in, and takes its place while the page
 * prints (printing does not wait for a request).
 */
function imprimirAlAnchoDelPapel(
  lienzo: HTMLElement,
  ancho: () => number,
  dibujar: (ancho: number) => Promise<string>,
  senal: AbortSignal,
): void {
  let pedido = false;
  let enPapel: Element | undefined;
  const pedir = () => {
    if (pedido || ancho() <= ANCHO_EN_PAPEL * 1.15) return;
    pedido = true;
    dibujar(ANCHO_EN_PAPEL)
      .then((svg) => (enPapel = dibujoSvg(svg)))
      .catch(() => {});
  };
  setTimeout(pedir);
  addEventListener('resize', pedir, { signal: senal });
  let enPantalla: Element | null = null;
  addEventListener(
    'beforeprint',
    () => {
      if (!enPapel) return;
      enPantalla = lienzo.firstElementChild;
      lienzo.replaceChildren(enPapel);
    },
    { signal: senal },
  );
  addEventListener(
    'afterprint',
    () => {
      if (enPantalla) lienzo.replaceChildren(enPantalla);
      enPantalla = null;
    },
    { signal: senal },
  );
}

/** What an item reads (its `data-lectura`) follows the pointer over it, as a chart's tooltip. */
function leerAlPasar(lienzo: HTMLElement, senal: AbortSignal): void {
  const globo = globoDeLectura();
  // A click that filters the page redraws it under the pointer: what it read goes with it.
  senal.addEventListener('abort', () => (globo.hidden = true), { once: true });
  lienzo.addEventListener('pointermove', (evento) => {
    const texto = (evento.target as Element)
      .closest('[data-lectura]')
      ?.getAttribute('data-lectura');
    globo.hidden = !texto;
    if (!texto) return;
    globo.textContent = texto;
    // Beside the pointer, turned to the left near the right edge so that it stays on screen.
    const izquierda = evento.clientX + 14 + globo.offsetWidth > innerWidth;
    globo.style.left = `${izquierda ? Math.max(4, evento.clientX - 14 - globo.offsetWidth) : evento.clientX + 14}px`;
    globo.style.top = `${evento.clientY + 14}px`;
  });
  lienzo.addEventListener('pointerleave', () => {
    globo.hidden = true;
  });
}

/** One for the page: only one item is under the pointer at a time. */
function globoDeLectura(): HTMLElement {
  let globo = document.getElementById('lectura');
  if (!globo) {
    globo = el('div', { id: 'lectura', class: 'lectura', 'aria-hidden': 'true', hidden: true });
    document.body.append(globo);
  }
  return globo;
}

/** The keyboard's way to do what a click on a bar or region does. */
function botonFiltro(etiqueta: string, filtro: CampoFiltro, clave: string): HTMLElement {
  const boton = el(
    'button',
    { type: 'button', class: 'enlace', title: `Filtrar la página por ${etiqueta}` },
    etiqueta,
  );
  boton.addEventListener('click', () => filtrar({ [filtro]: clave }));
  return boton;
}
