/**
 * Turns every failure into an ErrorBody: our own errors as they are, the
 * framework's HTTP errors with a Spanish message, and anything unexpected into
 * a 500 that carries no stack trace or SQL (those go to the log).
 */
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { Request, Response } from 'express';
import { ErrorBody } from './api-error';

const POR_ESTADO: Partial<Record<number, { codigo: string; mensaje: string }>> = {
  [HttpStatus.BAD_REQUEST]: { codigo: 'SOLICITUD_INVALIDA', mensaje: 'La solicitud no es válida.' },
  [HttpStatus.NOT_FOUND]: {
    codigo: 'RUTA_NO_ENCONTRADA',
    mensaje: 'La ruta solicitada no existe.',
  },
  [HttpStatus.METHOD_NOT_ALLOWED]: {
    codigo: 'METODO_NO_PERMITIDO',
    mensaje: 'El método no está permitido en esta ruta.',
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    codigo: 'CONTENIDO_DEMASIADO_GRANDE',
    mensaje: 'El contenido enviado supera el tamaño permitido.',
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    codigo: 'TIPO_DE_CONTENIDO_NO_SOPORTADO',
    mensaje: 'El tipo de contenido enviado no está soportado.',
  },
  [HttpStatus.TOO_MANY_REQUESTS]: {
    codigo: 'DEMASIADAS_SOLICITUDES',
    mensaje: 'Demasiadas solicitudes: espere un minuto e intente de nuevo.',
  },
  [HttpStatus.SERVICE_UNAVAILABLE]: {
    codigo: 'SERVICIO_NO_DISPONIBLE',
    mensaje: 'El servicio no está disponible en este momento. Intente de nuevo en unos segundos.',
  },
};

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception, request);
    http.getResponse<Response>().status(body.estado).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isErrorBody(response)) return response;
      const conocido = POR_ESTADO[status];
      if (status === HttpStatus.NOT_FOUND && conocido) {
        return {
          estado: status,
          codigo: conocido.codigo,
          mensaje: `La ruta ${request.method} ${request.originalUrl.split('?')[0]} no existe.`,
        };
      }
      return {
        estado: status,
        codigo: conocido?.codigo ?? `HTTP_${status}`,
        mensaje: conocido?.mensaje ?? 'No se pudo atender la solicitud.',
      };
    }
    if (baseDeDatosCaida(exception)) {
      this.logger.warn(`Base de datos no disponible: ${(exception as Error).message}`);
      return BASE_NO_DISPONIBLE;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      estado: HttpStatus.INTERNAL_SERVER_ERROR,
      codigo: 'ERROR_INTERNO',
      mensaje:
        'Ocurrió un error interno. El equipo técnico puede revisarlo en el registro del servidor.',
    };
  }
}

export const BASE_NO_DISPONIBLE: ErrorBody = {
  estado: HttpStatus.SERVICE_UNAVAILABLE,
  codigo: 'BASE_DE_DATOS_NO_DISPONIBLE',
  mensaje:
    'La base de datos no responde en este momento. El servicio se recupera solo cuando vuelva: intente de nuevo en unos segundos.',
};

/** PostgreSQL down, restarting or unreachable (SQLSTATE class 08 and 57P0x, or the socket refused or cut). */
function baseDeDatosCaida(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const codigo = e?.driverError?.code ?? e?.code ?? '';
  return (
    /^(08|57P0)/.test(codigo) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(codigo) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      e?.message ?? '',
    )
  );
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'codigo' in value &&
    'mensaje' in value &&
    'estado' in value
  );
}
