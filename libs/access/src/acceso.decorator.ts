import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AccionAuditada } from '@tablero/domain';
import type { Request } from 'express';
import { ANONIMO, Permiso, Principal } from './roles';

/**
 * Every route declares who may call it: a permission, or "publico". The global
 * guard denies a route without a decision, and the authorisation matrix test
 * fails on it.
 */
export type Decision = Permiso | 'publico';
export const ACCESO = 'tablero:acceso';
export const Acceso = (decision: Decision) => SetMetadata(ACCESO, decision);

/** The route is an audited action; `cuando` narrows it (for example, to one format of a route). */
export interface Auditado {
  readonly accion: AccionAuditada;
  readonly cuando?: (request: Request) => boolean;
}
export const AUDITAR = 'tablero:auditar';
export const Auditar = (accion: AccionAuditada, cuando?: Auditado['cuando']) =>
  SetMetadata(AUDITAR, { accion, cuando } satisfies Auditado);

/** The route counts against a rate limit: "login" for sign-in, "costoso" for heavy work; `cuando` narrows it. */
export type Limite = 'login' | 'costoso';
export interface Limitacion {
  readonly limite: Limite;
  readonly cuando?: (request: Request) => boolean;
}
export const LIMITE = 'tablero:limite';
export const Limitado = (limite: Limite, cuando?: Limitacion['cuando']) =>
  SetMetadata(LIMITE, { limite, cuando } satisfies Limitacion);

export interface RequestConPrincipal extends Request {
  principal?: Principal;
}

export function principalDe(request: Request): Principal {
  return (request as RequestConPrincipal).principal ?? ANONIMO;
}

/** The caller, as the guard identified it. */
export const Quien = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalDe(context.switchToHttp().getRequest<Request>()),
);
