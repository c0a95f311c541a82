/**
 * A chart of the shared catalogue on the page: its rows from the API, its
 * option from the same definition the server renders images with, and around
 * it what every chart offers: PNG and SVG (rendered by the server), "Ver datos"
 * as an accessible table, the numbers as .xlsx, and a click that filters the page.
 */
import {
  altoDelLienzo,
  DatosGrafico,
  FilaGrafico,
  filasQueSeDibujan,
  filtrosDelGrafico,
  GRAFICO,
  rutaDelGrafico,
} from '@tablero/charts';
import { pedir } from '../api';
import { el, mensaje, tabla } from '../dom';
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
  // ECharts is evaluated while the figures are on their way.
  const graficador = import('../echarts');
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
      // The note is told above the chart, where it wraps; the image carries it under its drawing.
      // The panel's width wraps titles and sizes a lone figure, as an image's width does.
      const opcionA = (ancho: number) =>
        definicion.opcion(filas, { ...contexto, nota: undefined, ancho: ancho || undefined });
      let ancho = lienzo.clientWidth;
      const opcion = opcionA(ancho);
      const { cargarMapas, echarts } = await graficador;
      await cargarMapas(opcion);
      if (vista.senal.aborted) return;
      lienzo.style.height = `${altoDelLienzo(opcion, ancho, filas.length)}px`;
      const grafico = echarts.init(lienzo, null, { renderer: 'svg' });
      grafico.setOption(opcion);
      vista.graficos.push({
        redimensionar(anchoMaximo = Infinity) {
          const disponible = lienzo.clientWidth;
          const nuevo = Math.min(disponible, anchoMaximo);
          if (nuevo !== ancho) {
            ancho = nuevo;
            const otra = opcionA(ancho);
            lienzo.style.height = `${altoDelLienzo(otra, ancho, filas.length)}px`;
            grafico.setOption(otra, { notMerge: true });
          }
          grafico.resize(nuevo < disponible ? { width: nuevo } : undefined);
        },
        dispose: () => grafico.dispose(),
      });
      const por = 'por' in definicion.consulta ? definicion.consulta.por : undefined;
      const filtro = por ? FILTRO_DE_DIMENSION[por] : undefined;
      if (filtro) {
        lienzo.classList.add('interactivo');
        grafico.on('click', (p) => {
          // A bar's datum is its row; a region's carries its row beside its class.
          const dato = p.data as (FilaGrafico & { fila?: FilaGrafico }) | undefined;
          const clave = dato?.fila?.clave ?? dato?.clave;
          if (clave) filtrar({ [filtro]: clave });
        });
      }
      const conSeries = filas.some((f) => f.serie);
      const texto = (f: FilaGrafico) => (f.conjunta ? 'alcanzado en una cifra conjunta' : f.texto);
      lienzo.setAttribute(
        'aria-label',
        `${definicion.titulo}. ${contexto.filtrosEnPalabras}. ` +
          conCifra
            .slice(0, 8)
            .map((f) => `${f.etiqueta}${f.serie ? ` · ${f.serie}` : ''}: ${texto(f)}`)
            .join('; ') +
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
              texto(f),
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
