import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { AUDITAR, Auditado, principalDe } from './acceso.decorator';
import { AuditoriaService } from './auditoria.service';

/** Request fields never written to the log. */
const SECRETOS = new Set(['clave', 'codigo', 'secreto']);

/**
 * Writes an audit entry for each request to a route marked @Auditar, once its
 * answer is sent, with the status: a refused or failed action is audited too.
 */
@Injectable()
export class AuditoriaInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditoriaInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auditoria: AuditoriaService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const auditado = this.reflector.get<Auditado | undefined>(AUDITAR, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    if (auditado && (!auditado.cuando || auditado.cuando(request))) {
      const response = context.switchToHttp().getResponse<Response>();
      response.on('finish', () => {
        this.auditoria
          .registrar({
            quien: principalDe(request).nombre,
            origen: request.ip ?? 'desconocido',
            accion: auditado.accion,
            detalle: {
              ruta: `${request.method} ${request.path}`,
              estado: response.statusCode,
              ...(Object.keys(request.params ?? {}).length ? { parametros: request.params } : {}),
              ...(Object.keys(request.query ?? {}).length ? { consulta: request.query } : {}),
              ...(cuerpo(request.body) ? { cuerpo: cuerpo(request.body) } : {}),
              ...(request.file ? { archivo: request.file.originalname } : {}),
            },
          })
          .catch((error: unknown) =>
            this.logger.error(`No se pudo escribir la auditoría: ${String(error)}`),
          );
      });
    }
    return next.handle();
  }
}

function cuerpo(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const visible = Object.fromEntries(Object.entries(body).filter(([k]) => !SECRETOS.has(k)));
  return Object.keys(visible).length ? visible : undefined;
}
