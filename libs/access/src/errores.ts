import { HttpException, HttpStatus } from '@nestjs/common';

/** An access error with the API's error body: a stable code and a Spanish message. */
export class AccesoError extends HttpException {
  constructor(status: HttpStatus, codigo: string, mensaje: string) {
    super({ estado: status, codigo, mensaje }, status);
  }
}

export const noAutenticado = () =>
  new AccesoError(
    HttpStatus.UNAUTHORIZED,
    'NO_AUTENTICADO',
    'Inicie sesión en el tablero o envíe un token de API (Authorization: Bearer …).',
  );

export const sinPermiso = (que: string) =>
  new AccesoError(HttpStatus.FORBIDDEN, 'SIN_PERMISO', `Su rol no permite ${que}.`);
