import { HttpStatus } from '@nestjs/common';
import { ApiError } from './api-error';

type Clase = 'texto' | 'booleano' | 'fecha';
type Valor<C extends Clase> = C extends 'booleano' ? boolean : string;

/**
 * The query parameters a route accepts, checked at the edge: an unknown
 * parameter or a malformed value is a 400 that names it, in Spanish.
 */
export function validarConsulta<E extends Record<string, Clase>>(
  consulta: Record<string, unknown>,
  esperados: E,
): { [K in keyof E]?: Valor<E[K]> } {
  const resultado: Record<string, unknown> = {};
  for (const [nombre, valor] of Object.entries(consulta)) {
    const clase = esperados[nombre];
    if (!clase) {
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
    resultado[nombre] = leer(nombre, clase, valor);
  }
  return resultado as { [K in keyof E]?: Valor<E[K]> };
}

function leer(nombre: string, clase: Clase, valor: string): string | boolean {
  if (clase === 'booleano') {
    if (['true', '1', 'si', 'sí'].includes(valor.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(valor.toLowerCase())) return false;
    throw invalido(nombre, 'debe ser true o false');
  }
  if (clase === 'fecha') {
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
  if (valor.trim() === '' || valor.length > 100)
    throw invalido(nombre, 'no puede estar vacío ni pasar de 100 caracteres');
  return valor.trim();
}

function invalido(nombre: string, motivo: string): ApiError {
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'PARAMETRO_INVALIDO',
    `El parámetro «${nombre}» ${motivo}.`,
  );
}
