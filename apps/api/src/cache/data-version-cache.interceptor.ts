import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { principalDe } from '@tablero/access';
import { dataVersion, leerEnReplica } from '@tablero/database';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { createHash, randomUUID } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';

/** An answer other than JSON that is kept and tagged like JSON: a dashboard panel's drawing. */
export class TextoGuardable {
  constructor(
    readonly texto: string,
    readonly tipo: string,
  ) {}
}

type Resultado = { readonly guardada: Guardada } | { readonly otro: unknown };

interface Guardada {
  readonly texto: string;
  readonly tipo: string;
}

const JSON_TIPO = 'application/json';

/** Another process may answer in another shape (a new release): its tags are its own. */
const ARRANQUE = randomUUID();

/**
 * Keeps the JSON answers of read routes (and the drawings a route marks `TextoGuardable`) under
 * the data version, read from PostgreSQL on every request: an import commits a new version, so
 * no answer computed before it is served after it. Concurrent requests for the same answer share
 * one computation, on a replica at that version if there is one (DATABASE_REPLICA_URLS). A
 * request with `Cache-Control: no-cache` computes afresh. Anything else (images, workbooks)
 * passes through.
 * A kept answer carries an ETag made of the same key, so a browser that holds
 * it revalidates (`private, no-cache`) and is answered 304 without a body
 * until the data, the day or the caller's scope change.
 */
@Injectable()
export class DataVersionCache implements NestInterceptor {
  private readonly guardadas = new LRUCache<string, Guardada>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: ({ texto }, clave) => texto.length + clave.length,
  });
  private readonly enCurso = new Map<string, Promise<Resultado>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const peticion = context.switchToHttp().getRequest<Request>();
    if (peticion.method !== 'GET') return next.handle();
    return from(this.responder(peticion, context.switchToHttp().getResponse<Response>(), next));
  }

  private async responder(peticion: Request, respuesta: Response, next: CallHandler) {
    const version = await dataVersion(this.dataSource);
    const clave = [
      version,
      // Phase III statuses are read on today's date unless one is asked for.
      new Date().toISOString().slice(0, 10),
      principalDe(peticion).departamentos?.join(',') ?? '*',
      peticion.originalUrl,
    ].join('|');
    const fresca = /no-cache/.test(peticion.get('cache-control') ?? '');
    const guardada = fresca ? undefined : this.guardadas.get(clave);
    if (guardada !== undefined) return responderGuardada(respuesta, clave, guardada);
    const compartida = fresca ? undefined : this.enCurso.get(clave);
    const calculo = compartida ?? leerEnReplica(version, () => this.calcular(clave, next));
    const resultado = await calculo;
    if ('guardada' in resultado) return responderGuardada(respuesta, clave, resultado.guardada);
    return compartida ? lastValueFrom(leerEnReplica(version, () => next.handle())) : resultado.otro;
  }

  private calcular(clave: string, next: CallHandler): Promise<Resultado> {
    const calculo = lastValueFrom(next.handle(), { defaultValue: undefined })
      .then((cuerpo): Resultado => {
        const guardada: Guardada | undefined =
          cuerpo instanceof TextoGuardable
            ? { texto: cuerpo.texto, tipo: cuerpo.tipo }
            : esJson(cuerpo)
              ? { texto: JSON.stringify(cuerpo), tipo: JSON_TIPO }
              : undefined;
        if (!guardada) return { otro: cuerpo };
        this.guardadas.set(clave, guardada);
        return { guardada };
      })
      .finally(() => {
        if (this.enCurso.get(clave) === calculo) this.enCurso.delete(clave);
      });
    this.enCurso.set(clave, calculo);
    return calculo;
  }
}

function esJson(cuerpo: unknown): cuerpo is object {
  return (
    typeof cuerpo === 'object' &&
    cuerpo !== null &&
    (Array.isArray(cuerpo) || Object.getPrototypeOf(cuerpo) === Object.prototype)
  );
}

/** Express answers 304 on its own when the request's If-None-Match holds this ETag. */
function responderGuardada(respuesta: Response, clave: string, { texto, tipo }: Guardada): string {
  respuesta.type(tipo);
  respuesta.setHeader('Cache-Control', 'private, no-cache');
  const etiqueta = createHash('sha256').update(`${ARRANQUE}|${clave}`).digest('base64url');
  respuesta.setHeader('ETag', `W/"${etiqueta.slice(0, 27)}"`);
  return texto;
}
