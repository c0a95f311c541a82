import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A path under the project's root, found from this file whether it runs from
 * src/ (Jest) or from dist/ (npm start): the build's outputs live in dist/.
 */
export function rutaDelProyecto(...partes: string[]): string {
  let carpeta = __dirname;
  while (!existsSync(join(carpeta, 'package.json'))) {
    const arriba = dirname(carpeta);
    if (arriba === carpeta) throw new Error('No se encontró la raíz del proyecto (package.json)');
    carpeta = arriba;
  }
  return join(carpeta, ...partes);
}

/** The dashboard as the build leaves it: index.html and assets/. */
export const CARPETA_TABLERO = ['dist', 'web'] as const;
