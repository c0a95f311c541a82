import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where uploads land while they are imported: a folder of this process inside
 * the data folder's `subidas/`, readable by the server's user only (0700). A
 * file is deleted when its import ends; what a killed server left (and the
 * shared system folder older versions used) is swept at start-up, so that no
 * uploaded document number outlives its import.
 */
export function carpetaDeSubidas(dataDir: string): string {
  const raiz = resolve(dataDir, 'subidas');
  mkdirSync(raiz, { recursive: true, mode: 0o700 });
  chmodSync(raiz, 0o700);
  for (const nombre of readdirSync(raiz)) {
    if (!vivo(Number(nombre))) rmSync(join(raiz, nombre), { recursive: true, force: true });
  }
  rmSync(join(tmpdir(), 'tablero-jpt-subidas'), { recursive: true, force: true });
  const propia = join(raiz, String(process.pid));
  mkdirSync(propia, { recursive: true, mode: 0o700 });
  // A dead server whose pid this process reuses left its files here; this process's own are newer.
  const inicio = Date.now() - process.uptime() * 1000;
  for (const nombre of readdirSync(propia)) {
    const archivo = join(propia, nombre);
    if (statSync(archivo).mtimeMs < inicio) rmSync(archivo, { force: true });
  }
  return propia;
}

/** Another server on the same data folder (with DATABASE_URL) keeps its own uploads. */
function vivo(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
