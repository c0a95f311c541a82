import { Principal } from '@tablero/access';
import { Exportacion } from '@tablero/domain';

/**
 * Who reaches a background export, decided again on every poll and download:
 * `ajena` when the caller is neither its owner (by user or token id, never by
 * name) nor an admin; `fuera` when it holds departments the caller may no
 * longer see (a user limited since, a national export and a limited caller).
 */
export function alcanceDeExportacion(
  trabajo: Pick<Exportacion, 'usuarioId' | 'tokenId' | 'departamentos'>,
  quien: Pick<Principal, 'usuarioId' | 'tokenId' | 'rol' | 'departamentos'>,
): 'suya' | 'ajena' | 'fuera' {
  const propia =
    (trabajo.usuarioId !== null && trabajo.usuarioId === quien.usuarioId) ||
    (trabajo.tokenId !== null && trabajo.tokenId === quien.tokenId);
  if (!propia && quien.rol !== 'admin') return 'ajena';
  if (quien.departamentos === null) return 'suya';
  const permitidos = new Set(quien.departamentos);
  return trabajo.departamentos !== null && trabajo.departamentos.every((d) => permitidos.has(d))
    ? 'suya'
    : 'fuera';
}
