/** Ingresar: sign in; on a fresh install, create the first administrator with the server's one-time code. */
import { el, mensaje } from '../dom';
import { cargarSesion, enviar } from '../sesion';
import { Vista } from '../vista';

function campo(etiqueta: string, atributos: Record<string, string | boolean>): HTMLElement {
  return el('label', { class: 'campo' }, etiqueta, el('input', { required: true, ...atributos }));
}

export const ingresar: Vista = async (contenedor, { estado }) => {
  const sesion = await cargarSesion();
  const codigo = estado.parametros.get('codigo');
  const primerAdmin = sesion.primerAdministradorPendiente;
  const aviso = el('div', { role: 'alert' });
  const formulario = el(
    'form',
    { class: 'ingreso', 'aria-labelledby': 'titulo-ingreso' },
    el(
      'h2',
      { id: 'titulo-ingreso' },
      primerAdmin ? 'Crear el primer administrador' : 'Ingresar al tablero',
    ),
    primerAdmin &&
      el(
        'p',
        {},
        'Aún no hay usuarios. Use el código de un solo uso que el servidor mostró al iniciar.',
      ),
    primerAdmin && campo('Código', { name: 'codigo', value: codigo ?? '', autocomplete: 'off' }),
    campo('Usuario', { name: 'usuario', autocomplete: 'username' }),
    campo('Clave', {
      name: 'clave',
      type: 'password',
      autocomplete: primerAdmin ? 'new-password' : 'current-password',
      minlength: primerAdmin ? '12' : '1',
    }),
    el('button', { type: 'submit' }, primerAdmin ? 'Crear y entrar' : 'Entrar'),
    aviso,
  );
  formulario.addEventListener('submit', (evento) => {
    evento.preventDefault();
    const datos = Object.fromEntries(new FormData(formulario)) as Record<string, string>;
    aviso.replaceChildren();
    void (async () => {
      try {
        if (primerAdmin) await enviar('POST', '/api/v1/sesion/primer-administrador', datos);
        await enviar('POST', '/api/v1/sesion', { usuario: datos.usuario, clave: datos.clave });
        location.assign('/resumen');
      } catch (error) {
        aviso.replaceChildren(mensaje('error', (error as Error).message));
      }
    })();
  });
  contenedor.append(
    el('h1', {}, 'Ingresar'),
    sesion.usuario ? mensaje('vacio', `Ya ingresó como ${sesion.usuario.nombre}.`) : formulario,
  );
};
