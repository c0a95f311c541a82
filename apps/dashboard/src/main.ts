/** The dashboard: menu, filter bar and the current view, all redrawn from the URL. */
import { RutaVista, VISTAS } from '@tablero/access';
import { copiarEnlace } from './componentes/compartir';
import { el, mensaje } from './dom';
import { alCambiarEstado, enlace, estadoActual, navegar } from './estado';
import { pintarFiltros } from './filtros';
import { ContextoVista, Vista } from './vista';
import { actividades } from './vistas/actividades';
import { administracion } from './vistas/administracion';
import { fasesVista } from './vistas/fases';
import { importaciones } from './vistas/importaciones';
import { ingresar } from './vistas/ingresar';
import { cargarSesion, enviar, puede, Sesion } from './sesion';
import { participacion } from './vistas/participacion';
import { resumen } from './vistas/resumen';
import { territorio } from './vistas/territorio';

const DIBUJAR: Record<RutaVista, Vista> = {
  resumen,
  fases: fasesVista,
  territorio,
  participacion,
  actividades,
  importaciones,
  administracion,
  ingresar,
};

const menu = document.getElementById('menu')!;
const cuenta = document.getElementById('cuenta')!;
const filtros = document.getElementById('filtros') as HTMLFormElement;
const contenido = document.getElementById('contenido')!;
let actual: (ContextoVista & { cancelar: AbortController }) | undefined;

function pintarMenu(vista: RutaVista, parametros: URLSearchParams): void {
  menu.replaceChildren(
    el(
      'ul',
      {},
      ...VISTAS.filter((v) => v.permiso && puede(v.permiso)).map((v) => {
        const a = el(
          'a',
          {
            href: enlace(v.ruta, parametros),
            'aria-current': v.ruta === vista ? 'page' : undefined,
          },
          v.titulo,
        );
        a.addEventListener('click', (e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          navegar(
            { pagina: undefined, orden: undefined, direccion: undefined, buscar: undefined },
            v.ruta,
          );
        });
        return el('li', {}, a);
      }),
    ),
  );
}

/** Who is signed in and a way out, or the way in. */
function pintarCuenta(sesion: Sesion): void {
  if (!sesion.usuario) {
    cuenta.replaceChildren(el('a', { href: '/ingresar' }, 'Ingresar'));
    return;
  }
  const salir = el('button', { type: 'button' }, 'Salir');
  salir.addEventListener('click', () => {
    void enviar('DELETE', '/api/v1/sesion').finally(() => location.assign('/ingresar'));
  });
  cuenta.replaceChildren(
    el('span', {}, `${sesion.usuario.nombre} (${sesion.usuario.rol})`),
    ' ',
    salir,
  );
}

async function dibujar(): Promise<void> {
  // A control of the view that filtered the page (a category of "Ver datos") is redrawn away.
  const focoEnLaVista = contenido.contains(document.activeElement);
  actual?.cancelar.abort();
  const estado = estadoActual();
  const cancelar = new AbortController();
  actual = { estado, senal: cancelar.signal, graficos: [], pendientes: [], cancelar };
  const vista = VISTAS.find((v) => v.ruta === estado.vista)!;
  document.title = `${vista.titulo} · Tablero JPT`;
  const sesion = await cargarSesion();
  if (vista.permiso && !puede(vista.permiso) && !sesion.usuario) {
    navegar({}, 'ingresar');
    return;
  }
  pintarCuenta(sesion);
  pintarMenu(estado.vista, estado.parametros);
  filtros.hidden = vista.permiso !== 'tablero';
  // A filtered view is shared by its link.
  contenido.replaceChildren(filtros.hidden ? '' : copiarEnlace());
  if (focoEnLaVista) contenido.focus();
  contenido.setAttribute('aria-busy', 'true');
  try {
    if (vista.permiso && !puede(vista.permiso)) {
      contenido.append(mensaje('error', `Su rol no permite ver ${vista.titulo}.`));
      return;
    }
    await Promise.all([
      filtros.hidden ? undefined : pintarFiltros(filtros, estado),
      DIBUJAR[estado.vista](contenido, actual),
    ]);
    await Promise.all(actual.pendientes);
    if (!cancelar.signal.aborted) performance.mark('vista-dibujada');
  } catch (error) {
    if (cancelar.signal.aborted) return;
    contenido.append(mensaje('error', `No se pudo mostrar la vista: ${(error as Error).message}`));
  } finally {
    if (!cancelar.signal.aborted) contenido.setAttribute('aria-busy', 'false');
  }
}

alCambiarEstado(() => void dibujar());
// The skip link moves the focus; following its #contenido would redraw the view.
document.querySelector('.saltar')!.addEventListener('click', (e) => {
  e.preventDefault();
  contenido.focus();
});
// Charts are asked for again at their new width once the window has kept it for a moment, not
// at every step of a drag: each new width is a drawing the server makes.
let redimensionando: ReturnType<typeof setTimeout> | undefined;
addEventListener('resize', () => {
  clearTimeout(redimensionando);
  redimensionando = setTimeout(() => {
    for (const g of actual?.graficos ?? []) g.redimensionar();
  }, 250);
});
void dibujar();
