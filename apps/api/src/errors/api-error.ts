import { HttpException, HttpStatus } from '@nestjs/common';

/** The body of every error the API answers: a stable code and a message in Spanish. */
export interface ErrorBody {
  readonly estado: number;
  readonly codigo: string;
  readonly mensaje: string;
}

export class ApiError extends HttpException {
  constructor(status: HttpStatus, codigo: string, mensaje: string) {
    super({ estado: status, codigo, mensaje } satisfies ErrorBody, status);
  }
}
