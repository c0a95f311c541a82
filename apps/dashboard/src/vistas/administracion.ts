/** Administración: users, API tokens and the audit log, for admins. */
import { formatearFechaHora, nombreDeAccion, ROLES } from '@tablero/domain';
import { pedir } from '../api';
import { botonDeAccion, campo, desplazable, el, formularioDeAccion, mensaje, tabla } from '../dom';
import { enviar } from '../sesion';
import { Vista } from '../vista';

interface Usuario {
  readonly id: string;
  readonly nombre: string;
  readonly rol: string;
  readonly departamentos: string[] | null;
  readonly activo: boolean;
  readonly creadoEn: string;
}

interface Token {
  readonly id: string;
  readonly nombre: string;
  readonly rol: string;
  readonly departamentos: string[] | null;
  readonly creadoPor: string;
  readonly creadoEn: string;
  readonly ultimoUso: string | null;
  readonly revocadoEn: string | null;
}

interface EntradaAuditoria {
  readonly en: string;
  readonly quien: string;
  readonly origen: string;
  readonly accion: string;
  readonly detalle: { ruta?: string; estado?: number };
}

const ENTRADAS_VISIBLES = 100;

/** "05, 08" → ["05", "08"]; empty → null (every department). */
function departamentos(texto: string): string[] | null {
  const codigos = texto
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  return codigos.length ? codigos : null;
}

const alcance = (d: string[] | null) => (d ? d.join(', ') : 'Todo el país');

function selectorDeRol(): HTMLSelectElement {
  return el(
    'select',
    { name: 'rol', required: true },
    ...ROLES.map((r) => el('option', { value: r, selected: r === 'lectura' }, r)),
  );
}

async function seccionUsuarios(seccion: HTMLElement, senal: AbortSignal): Promise<void> {
  const usuarios = await pedir<Usuario[]>('/api/v1/usuarios', senal);
  const aviso = el('div', { 'aria-live': 'polite' });
  const redibujar = () => seccionUsuarios(seccion, senal);
  const nombre = el('input', { name: 'usuario', required: true, autocomplete: 'off' });
  const clave = el('input', {
    name: 'clave',
    type: 'password',
    required: true,
    minlength: '12',
    autocomplete: 'new-password',
  });
  const rol = selectorDeRol();
  const deptos = el('input', { name: 'departamentos', placeholder: 'Todos; o 05, 08' });
  seccion.replaceChildren(
    el('h2', {}, 'Usuarios'),
    desplazable(
      tabla(
        'Usuarios del tablero',
        ['Usuario', 'Rol', 'Departamentos', 'Estado', 'Creado', 'Acciones'],
        usuarios.map((u) => {
          const cambiar = botonDeAccion(
            u.activo ? 'Desactivar' : 'Activar',
            () =>
              enviar('PATCH', `/api/v1/usuarios/${u.id}`, { activo: !u.activo }).then(redibujar),
            aviso,
          );
          return [
            u.nombre,
            u.rol,
            alcance(u.departamentos),
            u.activo ? 'Activo' : 'Inactivo',
            formatearFechaHora(u.creadoEn),
            cambiar,
          ];
        }),
      ),
    ),
    aviso,
    formularioDeAccion(
      'Nuevo usuario',
      [
        campo('Usuario', nombre),
        campo('Clave (12 caracteres o más)', clave),
        campo('Rol', rol),
        campo('Departamentos (códigos DIVIPOLA)', deptos),
      ],
      'Crear usuario',
      async () => {
        await enviar('POST', '/api/v1/usuarios', {
          usuario: nombre.value,
          clave: clave.value,
          rol: rol.value,
          departamentos: departamentos(deptos.value),
        });
        await redibujar();
      },
      aviso,
    ),
  );
}

/** `secreto`: the token just created, shown this once (the server keeps only its hash). */
async function seccionTokens(
  seccion: HTMLElement,
  senal: AbortSignal,
  secreto?: string,
): Promise<void> {
  const tokens = await pedir<Token[]>('/api/v1/tokens', senal);
  const aviso = el(
    'div',
    { 'aria-live': 'polite' },
    secreto &&
      el(
        'p',
        { class: 'secreto', role: 'status' },
        'Copie el token ahora; no se volverá a mostrar: ',
        el('code', {}, secreto),
      ),
  );
  const redibujar = () => seccionTokens(seccion, senal);
  const nombre = el('input', { name: 'nombre', required: true, autocomplete: 'off' });
  const rol = selectorDeRol();
  const deptos = el('input', { name: 'departamentos', placeholder: 'Todos; o 05, 08' });
  seccion.replaceChildren(
    el('h2', {}, 'Tokens de API'),
    desplazable(
      tabla(
        'Tokens de API para scripts',
        [
          'Nombre',
          'Rol',
          'Departamentos',
          'Creado por',
          'Creado',
          'Último uso',
          'Estado',
          'Acciones',
        ],
        tokens.map((t) => {
          const revocar = t.revocadoEn
            ? ''
            : botonDeAccion(
                'Revocar',
                () => enviar('DELETE', `/api/v1/tokens/${t.id}`).then(redibujar),
                aviso,
              );
          return [
            t.nombre,
            t.rol,
            alcance(t.departamentos),
            t.creadoPor,
            formatearFechaHora(t.creadoEn),
            t.ultimoUso ? formatearFechaHora(t.ultimoUso) : 'Nunca',
            t.revocadoEn ? `Revocado el ${formatearFechaHora(t.revocadoEn)}` : 'Vigente',
            revocar,
          ];
        }),
      ),
    ),
    aviso,
    formularioDeAccion(
      'Nuevo token',
      [campo('Nombre', nombre), campo('Rol', rol), campo('Departamentos', deptos)],
      'Crear token',
      async () => {
        const creado = await enviar<{ secreto: string }>('POST', '/api/v1/tokens', {
          nombre: nombre.value,
          rol: rol.value,
          departamentos: departamentos(deptos.value),
        });
        await seccionTokens(seccion, senal, creado.secreto);
      },
      aviso,
    ),
  );
}

async function seccionAuditoria(seccion: HTMLElement, senal: AbortSignal): Promise<void> {
  const entradas = await pedir<EntradaAuditoria[]>('/api/v1/auditoria', senal);
  seccion.replaceChildren(
    el('h2', {}, 'Auditoría'),
    el(
      'p',
      {},
      el('a', { href: '/api/v1/auditoria?formato=xlsx', download: true }, 'Descargar (.xlsx)'),
      ' · ',
      el('a', { href: '/api/v1/auditoria?formato=csv', download: true }, 'Descargar (.csv)'),
    ),
    entradas.length
      ? desplazable(
          tabla(
            `Últimas ${Math.min(entradas.length, ENTRADAS_VISIBLES)} entradas`,
            ['Fecha y hora', 'Quién', 'Desde', 'Acción', 'Ruta', 'Estado'],
            entradas
              .slice(0, ENTRADAS_VISIBLES)
              .map((e) => [
                formatearFechaHora(e.en),
                e.quien,
                e.origen,
                nombreDeAccion(e.accion),
                e.detalle.ruta ?? '—',
                e.detalle.estado ? String(e.detalle.estado) : '—',
              ]),
          ),
        )
      : mensaje('vacio', 'La auditoría no tiene entradas todavía.'),
  );
}

export const administracion: Vista = async (contenedor, { senal }) => {
  const secciones = [seccionUsuarios, seccionTokens, seccionAuditoria].map((dibujar) => ({
    dibujar,
    seccion: el('section', { class: 'administracion' }),
  }));
  contenedor.append(el('h1', {}, 'Administración'), ...secciones.map((s) => s.seccion));
  await Promise.all(secciones.map(({ dibujar, seccion }) => dibujar(seccion, senal)));
};
