/**
 * Every chart, defined once. The dashboard draws these in the browser; the
 * API renders them as SVG and PNG for publications; the workbook embeds them.
 */
import { DefinicionGrafico } from './grafico';
import { anillo, barrasHorizontales, barrasVerticales, linea } from './opciones';

export const GRAFICOS: readonly DefinicionGrafico[] = [
  {
    id: 'alcance-por-fase',
    titulo: 'Alcance por fase',
    descripcion:
      'Suma de todas las cifras de cada fase: vistas, certificados, asistentes y participantes.',
    consulta: { tipo: 'desglose', por: 'fase', metrica: 'alcance' },
    opcion: (filas, contexto) => barrasVerticales('Alcance por fase', filas, contexto),
  },
  {
    id: 'actividades-por-tipo',
    titulo: 'Actividades realizadas por tipo',
    descripcion: 'Número de actividades de cada tipo.',
    consulta: { tipo: 'desglose', por: 'tipo', metrica: 'actividades' },
    opcion: (filas, contexto) =>
      barrasHorizontales('Actividades realizadas por tipo', filas, contexto),
  },
  {
    id: 'vistas-por-webinar',
    titulo: 'Vistas por webinar',
    descripcion: 'Vistas de cada webinar a la fecha de corte, de mayor a menor.',
    consulta: { tipo: 'desglose', por: 'actividad', metrica: 'vistas', limite: 20 },
    opcion: (filas, contexto) => barrasHorizontales('Vistas por webinar', filas, contexto),
  },
  {
    id: 'asistencias-por-departamento',
    titulo: 'Asistencias por departamento',
    descripcion: 'Los departamentos con más asistencias (persona × actividad).',
    consulta: { tipo: 'desglose', por: 'departamento', metrica: 'asistencias', limite: 15 },
    opcion: (filas, contexto) =>
      barrasHorizontales('Asistencias por departamento', filas, contexto),
  },
  {
    id: 'asistencias-por-grupo',
    titulo: 'Asistencias por grupo de valor',
    descripcion: 'Asistencias de cada grupo de valor.',
    consulta: { tipo: 'desglose', por: 'grupo', metrica: 'asistencias' },
    opcion: (filas, contexto) =>
      barrasHorizontales('Asistencias por grupo de valor', filas, contexto),
  },
  {
    id: 'asistencias-por-modalidad',
    titulo: 'Asistencias por modalidad',
    descripcion: 'Asistencias presenciales, virtuales e híbridas.',
    consulta: { tipo: 'desglose', por: 'modalidad', metrica: 'asistencias' },
    opcion: (filas, contexto) => anillo('Asistencias por modalidad', filas, contexto),
  },
  {
    id: 'alcance-acumulado',
    titulo: 'Alcance acumulado por mes',
    descripcion: 'El alcance sumado mes a mes, por fecha de inicio de las actividades.',
    consulta: { tipo: 'serie', metrica: 'alcance', periodo: 'mes', acumulado: true },
    opcion: (filas, contexto) => linea('Alcance acumulado por mes', filas, contexto),
  },
];

export const GRAFICO: ReadonlyMap<string, DefinicionGrafico> = new Map(
  GRAFICOS.map((g) => [g.id, g]),
);
