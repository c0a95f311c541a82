import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESO, Decision, RequestConPrincipal } from './acceso.decorator';
import { CredencialesService } from './credenciales.service';
import { AccesoError, noAutenticado, sinPermiso } from './errores';
import { OPCIONES_ACCESO, OpcionesAcceso } from './opciones';
import { puede } from './roles';

const QUE: Record<Exclude<Decision, 'publico'>, string> = {
  tablero: 'ver el tablero',
  imagenes: 'descargar imágenes de gráficos',
  exportar: 'exportar datos',
  importar: 'importar datos ni ver las importaciones',
  administrar: 'administrar usuarios, tokens ni la auditoría',
};

/** The decision a route declared, on the handler or its controller. */
export function decisionDe(reflector: Reflector, context: ExecutionContext): Decision | undefined {
  return reflector.getAllAndOverride<Decision | undefined>(ACCESO, [
    context.getHandler(),
    context.getClass(),
  ]);
}

/**
 * The one gate of every route: identifies the caller and applies the route's
 * decision. A route that declared none is refused to everybody.
 */
@Injectable()
export class AccesoGuard implements CanActivate {
  private readonly logger = new Logger(AccesoGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly credenciales: CredencialesService,
    @Inject(OPCIONES_ACCESO) private readonly opciones: OpcionesAcceso,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const decision = decisionDe(this.reflector, context);
    const request = context.switchToHttp().getRequest<Request & RequestConPrincipal>();
    if (!decision) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} no declara @Acceso: se niega`,
      );
      throw new AccesoError(403, 'RUTA_SIN_DECISION_DE_ACCESO', 'Esta ruta no está habilitada.');
    }
    const principal = await this.credenciales.identificar(request);
    request.principal = principal;
    if (decision === 'publico') return true;
    if (!principal.rol) {
      if (decision === 'tablero' && this.opciones.tableroPublico) return true;
      throw noAutenticado();
    }
    if (!puede(principal.rol, decision)) throw sinPermiso(QUE[decision]);
    return true;
  }
}
