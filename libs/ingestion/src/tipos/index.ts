import { TipoImportacionCodigo } from '@tablero/domain';
import { actividades } from './actividades.import';
import { asistencias } from './asistencias.import';
import { asistenciasTecnicas } from './asistencias-tecnicas.import';
import { certificados } from './certificados.import';
import { hitosPdt } from './hitos-pdt.import';
import { territorios } from './territorios.import';
import { TipoImportacion } from './tipo-importacion';
import { totales } from './totales.import';
import { vistas } from './vistas.import';

/** Every import kind; adding one means adding it here and to TIPOS_IMPORTACION. */
export const TIPOS: Readonly<Record<TipoImportacionCodigo, TipoImportacion>> = {
  actividades,
  asistencias,
  certificados,
  vistas,
  totales,
  territorios,
  hitos_pdt: hitosPdt,
  asistencias_tecnicas: asistenciasTecnicas,
};
