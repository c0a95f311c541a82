import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { LIMITE, Limitacion, Limite } from './acceso.decorator';
import { AccesoGuard } from './acceso.guard';
import { AuditoriaInterceptor } from './auditoria.interceptor';
import { AuditoriaService } from './auditoria.service';
import { CredencialesService } from './credenciales.service';
import { LimitesEnRedis } from './limites-redis';
import { OPCIONES_ACCESO, OpcionesAcceso } from './opciones';
import { PrimerAdministrador } from './primer-administrador';
import { UsuariosService } from './usuarios.service';

const reflector = new Reflector();
/** Each rate limit counts only the routes marked with it (skipIf: true means "not counted"). */
const soloSi = (limite: Limite) => (context: ExecutionContext) => {
  const marca = reflector.get<Limitacion | undefined>(LIMITE, context.getHandler());
  return (
    marca?.limite !== limite ||
    (marca.cuando !== undefined && !marca.cuando(context.switchToHttp().getRequest<Request>()))
  );
};

/** One budget per client address across all the routes of a limit (the default counts each route apart). */
const porCliente = (_context: ExecutionContext, cliente: string, limite: string) =>
  `${limite}:${cliente}`;

/**
 * Users, sessions, API tokens, the global access guard, rate limits and the
 * audit log. Every route of the application passes the guard.
 */
@Module({})
export class AccessModule {
  static forRoot(opciones: OpcionesAcceso): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            {
              name: 'login',
              ttl: 60_000,
              limit: opciones.loginPorMinuto,
              skipIf: soloSi('login'),
              generateKey: porCliente,
            },
            {
              name: 'costoso',
              ttl: 60_000,
              limit: opciones.costosasPorMinuto,
              skipIf: soloSi('costoso'),
              generateKey: porCliente,
            },
          ],
          errorMessage: 'Demasiadas solicitudes: espere un minuto e intente de nuevo.',
          storage: opciones.redis
            ? new LimitesEnRedis(opciones.redis.url, opciones.redis.prefijo)
            : undefined,
        }),
      ],
      providers: [
        { provide: OPCIONES_ACCESO, useValue: opciones },
        UsuariosService,
        CredencialesService,
        AuditoriaService,
        PrimerAdministrador,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccesoGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditoriaInterceptor },
      ],
      exports: [
        OPCIONES_ACCESO,
        UsuariosService,
        CredencialesService,
        AuditoriaService,
        PrimerAdministrador,
      ],
    };
  }
}
