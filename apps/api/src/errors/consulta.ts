import { HttpStatus } from '@nestjs/common';
import { parseFase } from '@tablero/domain';
import { ApiError } from './api-error';

/** How a query parameter is read: a kind of value, or a closed list of values. */
export type Regla =
  | 'texto'
  | 'booleano'
  | 'fecha'
  | 'fase'
  | 'departamento'
  | 'municipio'
  | 'entero'
  | readonly string[];

type Valor<R extends Regla> = R extends 'booleano' ? boolean : R extends 'entero' ? number : string;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The query parameters a route accepts, checked at the edge: an unknown
 * parameter or a malformed value is a 400 that names it, in Spanish.
 */
export function validarConsulta<E extends Record<string, Regla>>(
  consulta: Record<string, unknown>,
  esperados: E,
): { [K in keyof E]?: Valor<E[K]> } {
  const resultado: Record<string, unknown> = {};
  for (const [nombre, valor] of Object.entries(consulta)) {
    const regla = esperados[nombre];
    if (!regla) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'PARAMETRO_DESCONOCIDO',
        `El parámetro «${nombre.slice(0, 40)}» no existe. Los parámetros son: ${Object.keys(esperados).join(', ')}.`,
      );
    }
    if (typeof valor !== 'string') {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'PARAMETRO_INVALIDO',
        `El parámetro «${nombre}» debe darse una sola vez.`,
      );
    }
    // PostgreSQL cannot hold a NUL in text, and no parameter needs a control character.
    if (CONTROL.test(valor)) throw invalido(nombre, 'contiene caracteres de control');
    if (valor.trim() === '') continue;
    resultado[nombre] = leer(nombre, regla, valor.trim());
  }
  return resultado as { [K in keyof E]?: Valor<E[K]> };
}

function leer(nombre: string, regla: Regla, valor: string): string | boolean | number {
  if (Array.isArray(regla)) {
    if (!regla.includes(valor)) throw invalido(nombre, `debe ser uno de: ${regla.join(', ')}`);
    return valor;
  }
  switch (regla) {
    case 'booleano':
      if (['true', '1', 'si', 'sí'].includes(valor.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(valor.toLowerCase())) return false;
      throw invalido(nombre, 'debe ser true o false');
    case 'fecha': {
      const fecha = new Date(`${valor}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(valor) ||
        Number.isNaN(fecha.getTime()) ||
        fecha.toISOString().slice(0, 10) !== valor
      ) {
        throw invalido(nombre, 'debe ser una fecha aaaa-mm-dd');
      }
      return valor;
    }
    case 'fase': {
      const fase = parseFase(valor);
      if (!fase) throw invalido(nombre, 'debe ser I, II o III');
      return fase;
    }
    case 'departamento':
      if (!/^\d{1,2}$/.test(valor))
        throw invalido(nombre, 'debe ser un código DIVIPOLA de 2 dígitos');
      return valor.padStart(2, '0');
    case 'municipio':
      if (!/^\d{4,5}$/.test(valor))
        throw invalido(nombre, 'debe ser un código DIVIPOLA de 5 dígitos');
      return valor.padStart(5, '0');
    case 'entero':
      if (!/^\d{1,6}$/.test(valor) || Number(valor) < 1)
        throw invalido(nombre, 'debe ser un entero positivo');
      return Number(valor);
    default:
      if (valor.length > 100) throw invalido(nombre, 'no puede pasar de 100 caracteres');
      return valor;
  }
}

export function invalido(nombre: string, motivo: string): ApiError {
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'PARAMETRO_INVALIDO',
    `El parámetro «${nombre}» ${motivo}.`,
  );
}
