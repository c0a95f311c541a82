/** The words of a breakdown's rows that are not a catalogue's name. */
import { Modalidad, NOMBRES_MODALIDAD } from '@tablero/domain';
import { Dimension } from './metricas.tipos';

/** The keys of the rows of a territorial breakdown that are no one territory. */
export const NACIONAL = '#nacional';
export const CONJUNTO = '#conjunto';
/** By subregion: a place of its own, in none of the subregions. */
export const FUERA_DE_SUBREGIONES = '#fuera';

const ETIQUETA_SIN_VALOR: Readonly<Record<Dimension, string>> = {
  fase: 'Sin fase',
  tipo: 'Sin tipo',
  actividad: 'Sin actividad',
  departamento: 'Sin territorio (virtual o sin lugar registrado)',
  municipio: 'Sin municipio identificado',
  subregion: 'Sin territorio (virtual o sin lugar registrado)',
  grupo: 'Sin grupo de valor identificado',
  aliado: 'Sin entidad aliada',
  modalidad: 'Sin modalidad',
  canal: 'Sin canal registrado',
};

const ETIQUETA_SIN_LUGAR: Readonly<Record<string, string>> = {
  [NACIONAL]: 'Todo el territorio nacional',
  [CONJUNTO]: 'En cifras conjuntas de varios territorios',
  [FUERA_DE_SUBREGIONES]: 'Fuera de las subregiones definidas',
};

/** The label of a breakdown's row by `por`: its catalogue name (`nombres`), else what its key stands for. */
export function etiquetaDeClave(
  por: Dimension,
  clave: string | null,
  nombres: ReadonlyMap<string, string>,
): string {
  return clave === null
    ? ETIQUETA_SIN_VALOR[por]
    : (nombres.get(clave) ??
        ETIQUETA_SIN_LUGAR[clave] ??
        NOMBRES_MODALIDAD[clave as Modalidad] ??
        clave);
}
