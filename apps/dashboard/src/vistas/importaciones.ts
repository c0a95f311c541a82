/**
 * Importaciones: upload a file, read the validation report, download the
 * rejected rows; map the values an import did not know and run its rows
 * again; the recent imports, the aliases in force and the phase targets.
 */
import { FASES, formatearFechaHora, formatearNumero, TIPOS_IMPORTACION } from '@tablero/domain';
import { ErrorDeApi, pedir } from '../api';
import { Cambios, seccionAlias, seccionDesconocidos } from '../componentes/alias';
import { botonDeAccion, campo, desplazable, el, formularioDeAccion, mensaje, tabla } from '../dom';
import { enviar } from '../sesion';
import { Vista } from '../vista';

interface Meta {
  readonly fase: string;
  readonly metrica: string;
  readonly etiqueta: string;
  readonly valor: number;
}

interface Metrica {
  readonly id: string;
  readonly etiqueta: string;
  readonly agregacion: string;
}

interface Informe {
  readonly id: string | null;
  readonly dryRun: boolean;
  readonly archivo: { readonly nombre: string };
  readonly filas: Record<
    'leidas' | 'aceptadas' | 'actualizadas' | 'duplicadas' | 'rechazadas' | 'omitidas',
    number
  >;
  readonly columnasIgnoradas: string[];
  readonly novedades: string[];
  readonly rechazos: {
    fila: number;
    columna: string | null;
    valor: string | null;
    motivo: string;
    catalogo?: string;
  }[];
  readonly avisos: { fila: number; columna: string; valor: string | null; nota: string }[];
  readonly totalAvisos: number;
  readonly reintentoDe: string | null;
}

interface ImportacionRegistrada {
  readonly id: string;
  readonly tipo: string;
  readonly formato: string;
  readonly archivoNombre: string;
  readonly usuario: string;
  readonly creadaEn: string;
  readonly filasLeidas: number;
  readonly aceptadas: number;
  readonly rechazadas: number;
  readonly avisos: number;
  readonly reintentoDe: string | null;
}

const RECIENTES = 15;

const CONTEOS: readonly [keyof Informe['filas'], string][] = [
  ['leidas', 'Filas leídas'],
  ['aceptadas', 'Nuevas'],
  ['actualizadas', 'Actualizadas'],
  ['duplicadas', 'Ya estaban (sin cambios)'],
  ['rechazadas', 'Rechazadas'],
  ['omitidas', 'Omitidas'],
];

/** The targets KPI cards measure progress against: listed, set, changed and removed. */
async function seccionMetas(seccion: HTMLElement, senal: AbortSignal): Promise<void> {
  const [{ metas }, catalogo] = await Promise.all([
    pedir<{ metas: Meta[] }>('/api/v1/metas', senal),
    pedir<Metrica[]>('/api/v1/metricas', senal),
  ]);
  const aviso = el('div', { 'aria-live': 'polite' });
  const redibujar = () => seccionMetas(seccion, senal);
  const fase = el(
    'select',
    { name: 'fase' },
    ...FASES.map((f) => el('option', { value: f }, `Fase ${f}`)),
  );
  const metrica = el(
    'select',
    { name: 'metrica' },
    ...catalogo
      .filter((m) => m.agregacion === 'suma')
      .map((m) => el('option', { value: m.id }, m.etiqueta)),
  );
  const valor = el('input', { name: 'valor', type: 'number', min: '0', step: '1', required: true });
  const formulario = formularioDeAccion(
    'Fijar una meta',
    [campo('Fase', fase), campo('Métrica', metrica), campo('Meta', valor)],
    'Fijar meta',
    () =>
      enviar('PUT', `/api/v1/metas/${fase.value}/${metrica.value}`, {
        valor: valor.valueAsNumber,
      }).then(redibujar),
    aviso,
  );
  seccion.replaceChildren(
    el('h2', {}, 'Metas por fase'),
    metas.length
      ? tabla(
          'Metas vigentes',
          ['Fase', 'Métrica', 'Meta', 'Acciones'],
          metas.map((m) => {
            const retirar = botonDeAccion(
              'Retirar',
              () => enviar('DELETE', `/api/v1/metas/${m.fase}/${m.metrica}`).then(redibujar),
              aviso,
            );
            return [`Fase ${m.fase}`, m.etiqueta, formatearNumero(m.valor), retirar];
          }),
          [2],
        )
      : mensaje('vacio', 'Ninguna fase tiene metas todavía.'),
    aviso,
    formulario,
  );
}

/** The latest imports; one with rejections can be reviewed for its unknown values. */
async function seccionRecientes(
  seccion: HTMLElement,
  revisar: (id: string) => Promise<void>,
  senal?: AbortSignal,
): Promise<void> {
  const lista = (await pedir<ImportacionRegistrada[]>('/api/v1/importaciones', senal)).slice(
    0,
    RECIENTES,
  );
  const aviso = el('div', { 'aria-live': 'polite' });
  seccion.replaceChildren(
    el('h2', {}, 'Importaciones recientes'),
    lista.length
      ? desplazable(
          tabla(
            'Las importaciones más recientes, con sus filas',
            [
              'N.º',
              'Fecha',
              'Tipo',
              'Archivo',
              'Leídas',
              'Nuevas',
              'Rechazadas',
              'Avisos',
              'Acciones',
            ],
            lista.map((i) => [
              i.id,
              formatearFechaHora(i.creadaEn),
              i.tipo.replaceAll('_', ' '),
              i.reintentoDe
                ? `${i.archivoNombre} (reintento de la ${i.reintentoDe})`
                : i.archivoNombre,
              formatearNumero(i.filasLeidas),
              formatearNumero(i.aceptadas),
              formatearNumero(i.rechazadas),
              formatearNumero(i.avisos),
              i.rechazadas && !i.reintentoDe
                ? botonDeAccion('Revisar valores', () => revisar(i.id), aviso)
                : '',
            ]),
            [4, 5, 6, 7],
          ),
        )
      : mensaje('vacio', 'No se ha importado ningún archivo.'),
    aviso,
  );
}

export const importaciones: Vista = async (contenedor, { senal }) => {
  const tipo = el(
    'select',
    { name: 'tipo', required: true },
    ...TIPOS_IMPORTACION.map((t) => el('option', { value: t }, t.replaceAll('_', ' '))),
  );
  const archivo = el('input', {
    type: 'file',
    name: 'archivo',
    required: true,
    accept: '.csv,.xlsx,text/csv',
  });
  const actividad = el('input', {
    name: 'actividad',
    autocomplete: 'off',
    placeholder: 'F2-CAP-01',
  });
  const prueba = el('input', { type: 'checkbox', name: 'dry_run' });
  const plantilla = el('a', { download: true }, 'Descargar la plantilla');
  const actualizarPlantilla = () =>
    plantilla.setAttribute('href', `/api/v1/importaciones/plantillas/${tipo.value}`);
  tipo.addEventListener('change', actualizarPlantilla);
  actualizarPlantilla();
  const informe = el('div', { 'aria-live': 'polite' });
  const revision = el('section', { class: 'revision', 'aria-live': 'polite' });
  const recientes = el('section', { class: 'recientes' });
  const alias = el('section', { class: 'alias' });
  const cambios: Cambios = {
    alReintentar: (nuevo) => {
      informe.replaceChildren(verInforme(nuevo as Informe));
      void seccionRecientes(recientes, revisar);
    },
    alCambiarAlias: () => seccionAlias(alias),
  };
  async function revisar(id: string): Promise<void> {
    await seccionDesconocidos(revision, id, cambios);
    revision.scrollIntoView({ block: 'start' });
  }
  const formulario = el(
    'form',
    { class: 'importar' },
    campo('Tipo de datos', tipo),
    campo('Archivo CSV o Excel', archivo),
    campo('Actividad (Teams, Meet, formularios)', actividad),
    el('label', { class: 'casilla' }, prueba, ' Solo validar, sin guardar'),
    el('button', { type: 'submit' }, 'Importar'),
    plantilla,
  );
  formulario.addEventListener('submit', async (e) => {
    e.preventDefault();
    const datos = new FormData();
    datos.append('archivo', archivo.files![0]);
    const consulta = new URLSearchParams();
    if (prueba.checked) consulta.set('dry_run', 'true');
    if (actividad.value.trim()) consulta.set('actividad', actividad.value.trim());
    informe.replaceChildren(mensaje('cargando', 'Importando…'));
    revision.replaceChildren();
    try {
      const respuesta = await fetch(
        `/api/v1/importaciones/${tipo.value}${consulta.size ? `?${consulta}` : ''}`,
        { method: 'POST', body: datos },
      );
      const cuerpo = await respuesta.json();
      if (!respuesta.ok) throw new ErrorDeApi(respuesta.status, cuerpo.mensaje);
      const nuevo = cuerpo as Informe;
      informe.replaceChildren(verInforme(nuevo));
      if (nuevo.id && nuevo.rechazos.some((r) => r.catalogo))
        await seccionDesconocidos(revision, nuevo.id, cambios);
      if (nuevo.id) await seccionRecientes(recientes, revisar);
    } catch (error) {
      informe.replaceChildren(mensaje('error', `No se importó: ${(error as Error).message}`));
    }
  });
  const metas = el('section', { class: 'metas' });
  contenedor.append(
    el('h1', {}, 'Importaciones'),
    formulario,
    informe,
    revision,
    recientes,
    alias,
    metas,
  );
  await Promise.all([
    seccionRecientes(recientes, revisar, senal),
    seccionAlias(alias, senal),
    seccionMetas(metas, senal),
  ]);
};

function verInforme(i: Informe): HTMLElement {
  return el(
    'section',
    { class: 'informe', 'aria-label': 'Informe de validación' },
    el(
      'h2',
      {},
      i.dryRun
        ? `Validación de ${i.archivo.nombre} (nada se guardó)`
        : i.reintentoDe
          ? `Importación ${i.id}: filas de la importación ${i.reintentoDe} procesadas otra vez`
          : `Importación ${i.id} de ${i.archivo.nombre}`,
    ),
    el(
      'dl',
      { class: 'conteos' },
      ...CONTEOS.flatMap(([clave, texto]) => [
        el('dt', {}, texto),
        el('dd', {}, formatearNumero(i.filas[clave])),
      ]),
    ),
    i.columnasIgnoradas.length
      ? el('p', {}, `Columnas ignoradas: ${i.columnasIgnoradas.join(', ')}`)
      : '',
    i.novedades.length
      ? el(
          'details',
          { open: i.novedades.length <= 20 },
          el('summary', {}, `Cambios en el catálogo (${formatearNumero(i.novedades.length)})`),
          el('ul', {}, ...i.novedades.map((n) => el('li', {}, n))),
        )
      : '',
    i.totalAvisos
      ? desplazable(
          tabla(
            `Filas aceptadas con un aviso (${formatearNumero(i.totalAvisos)})`,
            ['Fila', 'Columna', 'Valor', 'Aviso'],
            i.avisos.map((a) => [String(a.fila), a.columna, a.valor ?? '—', a.nota]),
            [0],
          ),
        )
      : '',
    i.rechazos.length
      ? desplazable(
          tabla(
            'Primeras filas rechazadas',
            ['Fila', 'Columna', 'Valor', 'Motivo'],
            i.rechazos.map((r) => [String(r.fila), r.columna ?? '—', r.valor ?? '—', r.motivo]),
            [0],
          ),
        )
      : '',
    i.id && (i.filas.rechazadas || i.totalAvisos)
      ? el(
          'a',
          { href: `/api/v1/importaciones/${i.id}/rechazos`, download: true },
          i.totalAvisos
            ? 'Descargar todas las filas rechazadas y los avisos (.xlsx)'
            : 'Descargar todas las filas rechazadas (.xlsx)',
        )
      : '',
  );
}
