/** Importaciones: upload a file, read the validation report, download the rejected rows. */
import { formatearNumero, TIPOS_IMPORTACION } from '@tablero/domain';
import { ErrorDeApi } from '../api';
import { el, mensaje, tabla } from '../dom';
import { Vista } from '../vista';

interface Informe {
  readonly id: string | null;
  readonly dryRun: boolean;
  readonly archivo: { readonly nombre: string };
  readonly filas: Record<
    'leidas' | 'aceptadas' | 'actualizadas' | 'duplicadas' | 'rechazadas' | 'omitidas',
    number
  >;
  readonly columnasIgnoradas: string[];
  readonly rechazos: {
    fila: number;
    columna: string | null;
    valor: string | null;
    motivo: string;
  }[];
}

const CONTEOS: readonly [keyof Informe['filas'], string][] = [
  ['leidas', 'Filas leídas'],
  ['aceptadas', 'Nuevas'],
  ['actualizadas', 'Actualizadas'],
  ['duplicadas', 'Ya estaban (sin cambios)'],
  ['rechazadas', 'Rechazadas'],
  ['omitidas', 'Omitidas'],
];

export const importaciones: Vista = (contenedor) => {
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
  const prueba = el('input', { type: 'checkbox', name: 'dry_run' });
  const plantilla = el('a', { download: true }, 'Descargar la plantilla');
  const actualizarPlantilla = () =>
    plantilla.setAttribute('href', `/api/v1/importaciones/plantillas/${tipo.value}`);
  tipo.addEventListener('change', actualizarPlantilla);
  actualizarPlantilla();
  const informe = el('div', { 'aria-live': 'polite' });
  const formulario = el(
    'form',
    { class: 'importar' },
    el('label', { class: 'campo' }, el('span', {}, 'Tipo de datos'), tipo),
    el('label', { class: 'campo' }, el('span', {}, 'Archivo CSV o Excel'), archivo),
    el('label', { class: 'casilla' }, prueba, ' Solo validar, sin guardar'),
    el('button', { type: 'submit' }, 'Importar'),
    plantilla,
  );
  formulario.addEventListener('submit', async (e) => {
    e.preventDefault();
    const datos = new FormData();
    datos.append('archivo', archivo.files![0]);
    informe.replaceChildren(mensaje('cargando', 'Importando…'));
    try {
      const respuesta = await fetch(
        `/api/v1/importaciones/${tipo.value}${prueba.checked ? '?dry_run=true' : ''}`,
        { method: 'POST', body: datos },
      );
      const cuerpo = await respuesta.json();
      if (!respuesta.ok) throw new ErrorDeApi(respuesta.status, cuerpo.mensaje);
      informe.replaceChildren(verInforme(cuerpo as Informe));
    } catch (error) {
      informe.replaceChildren(mensaje('error', `No se importó: ${(error as Error).message}`));
    }
  });
  contenedor.append(el('h1', {}, 'Importaciones'), formulario, informe);
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
        : `Importación de ${i.archivo.nombre}`,
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
    i.rechazos.length
      ? tabla(
          'Primeras filas rechazadas',
          ['Fila', 'Columna', 'Valor', 'Motivo'],
          i.rechazos.map((r) => [String(r.fila), r.columna ?? '—', r.valor ?? '—', r.motivo]),
          [0],
        )
      : '',
    i.id && i.filas.rechazadas
      ? el(
          'a',
          { href: `/api/v1/importaciones/${i.id}/rechazos`, download: true },
          'Descargar todas las filas rechazadas (.xlsx)',
        )
      : '',
  );
}
