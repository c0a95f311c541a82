export * from './calificador';
export * from './entities';
export * from './formato';
export * from './vocabularios';
export { cargarReferencia, estaVacia, REFERENCIA } from './referencia/referencia.loader';
export { Referencia } from './referencia/referencia.schema';
export { reconstruirResumenAsistencia } from './resumen-asistencia';
export { sumarAResumenes } from './resumen-asistencia';
export { ESTADOS_EXPORTACION, EstadoExportacion } from './entities/exportacion.entity';
