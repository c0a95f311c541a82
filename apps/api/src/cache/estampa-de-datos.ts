import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import type { Principal } from '@tablero/access';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The query parameter that carries a page's stamp on its requests for figures. */
export const PARAMETRO_ESTAMPA = 'version';

let entrega: string | undefined;

/**
 * The release the server runs: its built page names every asset by its hash, so a new build is a
 * new page. Without a built page, this process alone.
 */
function entregaEnCurso(): string {
  if (entrega === undefined) {
    try {
      entrega = createHash('sha256')
        .update(readFileSync(rutaDelProyecto(...CARPETA_TABLERO, 'index.html')))
        .digest('hex');
    } catch {
      entrega = randomUUID();
    }
  }
  return entrega;
}

/**
 * What every figure a page shows is computed from: the release, the data version, the day (the
 * PDT states are read on it) and who asks. The page carries it and adds it to its requests; an
 * answer to a request with the current stamp cannot change, so the browser keeps it without asking
 * again, and a new import, another day, another release or another user is another stamp.
 */
export function estampaDeDatos(version: string, quien: Principal): string {
  return createHash('sha256')
    .update(
      [
        entregaEnCurso(),
        version,
        new Date().toISOString().slice(0, 10),
        quien.tipo,
        quien.usuarioId ?? quien.tokenId ?? '',
        quien.rol ?? '',
        quien.departamentos?.join(',') ?? '*',
      ].join('|'),
    )
    .digest('base64url')
    .slice(0, 22);
}
