import { TipoImportacionCodigo } from '@tablero/domain';
import { FuentesDeCatalogos } from '../catalogos';
import { Opciones } from '../tipos/tipo-importacion';
import { TramoValidado } from './tramos';

/** Chunks the validation thread may send before the import takes them: two keep both busy, and memory bounded. */
export const TRAMOS_EN_VUELO = 2;

/** Everything the validation thread needs: plain data, copied to it when it starts. */
export interface PeticionAlHilo {
  readonly ruta: string;
  readonly tipo: TipoImportacionCodigo;
  readonly opciones: Opciones;
  readonly maxDescomprimido: number;
  readonly catalogos: FuentesDeCatalogos;
  /** The pseudonymous keys' secret. */
  readonly secreto: Uint8Array;
  readonly hoy: string;
}

/** What the thread starts with: the request, and whether anyone follows the bytes read. */
export interface DatosDelHilo extends PeticionAlHilo {
  readonly progreso: boolean;
}

export type DelHilo =
  | { readonly tipo: 'leidos'; readonly bytes: number }
  | {
      readonly tipo: 'tabla';
      readonly formato: string;
      readonly hoja: string | null;
      readonly columnasIgnoradas: string[];
      readonly totalColumnasIgnoradas: number;
    }
  | ({ readonly tipo: 'tramo' } & TramoValidado)
  | { readonly tipo: 'fin'; readonly omitidas: number }
  | {
      readonly tipo: 'error';
      /** An ArchivoInvalido's code; null for any other error. */
      readonly codigo: string | null;
      readonly mensaje: string;
      readonly pila: string | null;
    };
