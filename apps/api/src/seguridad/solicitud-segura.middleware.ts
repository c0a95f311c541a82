/**
 * A change to the data comes from the dashboard's own pages or from a script
 * with a token, never from another page the browser has open. The session
 * cookie is SameSite=Strict, which stops other sites but not another page of
 * the same site (another port of the host, a sibling subdomain), whose form
 * could otherwise post as the signed-in user. So requests that change
 * something carry JSON or a multipart form (never a plain form's encoding),
 * and one whose browser says it comes from another origin is refused.
 */
import type { NextFunction, Request, Response } from 'express';
import { ErrorBody } from '../errors/api-error';

const CAMBIAN = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TIPOS_ADMITIDOS = /^(application\/json|multipart\/form-data)\s*(;|$)/i;

export function solicitudSegura(origenesPermitidos: readonly string[]) {
  const permitidos = new Set(origenesPermitidos);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!CAMBIAN.has(request.method)) return next();
    const conCuerpo =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    if (conCuerpo && !TIPOS_ADMITIDOS.test(request.headers['content-type'] ?? '')) {
      return responder(response, {
        estado: 415,
        codigo: 'TIPO_DE_CONTENIDO_NO_SOPORTADO',
        mensaje:
          'Envíe los datos como JSON (application/json) o, para un archivo, como formulario multipart/form-data.',
      });
    }
    // A bearer token is not sent by the browser on its own: only the cookie needs the origin checked.
    const ajeno = request.headers.authorization ? undefined : origenAjeno(request, permitidos);
    if (ajeno) {
      return responder(response, {
        estado: 403,
        codigo: 'ORIGEN_NO_PERMITIDO',
        mensaje: `La solicitud viene de otra página (${ajeno.slice(0, 100)}): el tablero solo acepta cambios desde sus propias páginas o con un token de API.`,
      });
    }
    next();
  };
}

/** The other origin the browser says the request comes from, or undefined when it is this one (or unsaid). */
function origenAjeno(request: Request, permitidos: ReadonlySet<string>): string | undefined {
  const origen = request.headers.origin;
  if (origen !== undefined) {
    if (permitidos.has(origen)) return undefined;
    let host: string;
    try {
      host = new URL(origen).host;
    } catch {
      return origen;
    }
    return host === request.host ? undefined : origen;
  }
  const sitio = request.headers['sec-fetch-site'];
  return sitio === undefined || sitio === 'same-origin' || sitio === 'none'
    ? undefined
    : `Sec-Fetch-Site: ${String(sitio)}`;
}

function responder(response: Response, cuerpo: ErrorBody): void {
  response.status(cuerpo.estado).json(cuerpo);
}
