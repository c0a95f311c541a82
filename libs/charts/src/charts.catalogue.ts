/**
 * Every chart, defined once. The dashboard draws these in the browser; the
 * API renders them as SVG and PNG for publications; the workbook embeds them.
 */
import { DefinicionGrafico } from './grafico';
import {
  anillo,
  barrasApiladas,
  barrasHorizontales,
  barrasVerticales,
  linea,
  mapa,
} from './opciones';

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
    id: 'actividades-por-mes',
    titulo: 'Actividades por mes de inicio',
    descripcion: 'Cronología: cuántas actividades empezaron cada mes.',
    consulta: { tipo: 'serie', metrica: 'actividades', periodo: 'mes', acumulado: false },
    opcion: (filas, contexto) =>
      barrasVerticales('Actividades por mes de inicio', filas, contexto, 'uno'),
  },
  {
    id: 'mapa-alcance-por-departamento',
    titulo: 'Mapa del alcance por departamento',
    descripcion:
      'Alcance (asistentes, participantes, certificados y vistas con territorio) de cada departamento; en gris, los que no tienen cifras.',
    consulta: { tipo: 'desglose', por: 'departamento', metrica: 'alcance' },
    opcion: (filas, contexto) => mapa('Mapa del alcance por departamento', filas, contexto),
  },
  {
    id: 'alcance-por-departamento',
    titulo: 'Alcance por departamento',
    descripcion: 'Los departamentos ordenados por su alcance.',
    consulta: { tipo: 'desglose', por: 'departamento', metrica: 'alcance', limite: 33 },
    opcion: (filas, contexto) => barrasHorizontales('Alcance por departamento', filas, contexto),
  },
  {
    id: 'alcance-por-municipio',
    titulo: 'Alcance por municipio',
    descripcion: 'Los 25 municipios con mayor alcance.',
    consulta: { tipo: 'desglose', por: 'municipio', metrica: 'alcance', limite: 25 },
    opcion: (filas, contexto) => barrasHorizontales('Alcance por municipio', filas, contexto),
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
    id: 'alcance-por-aliado',
    titulo: 'Alcance por entidad aliada',
    descripcion:
      'Alcance de las actividades de cada entidad aliada (una actividad con dos aliados cuenta en ambos).',
    consulta: { tipo: 'desglose', por: 'aliado', metrica: 'alcance', limite: 25 },
    opcion: (filas, contexto) => barrasHorizontales('Alcance por entidad aliada', filas, contexto),
  },
  {
    id: 'alcance-por-canal',
    titulo: 'Alcance por canal',
    descripcion: 'Alcance según el canal de difusión de cada actividad.',
    consulta: { tipo: 'desglose', por: 'canal', metrica: 'alcance' },
    opcion: (filas, contexto) => barrasHorizontales('Alcance por canal', filas, contexto),
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
  {
    id: 'pdt-estados',
    titulo: 'Estado de los planes de desarrollo territorial',
    descripcion:
      'Entidades territoriales en cada estado de su PDT 2024-2027 en la fecha de corte, según sus hitos y los plazos de la Ley 152 de 1994.',
    consulta: { tipo: 'pdt', serie: 'estados' },
    opcion: (filas, contexto) =>
      anillo('Estado de los planes de desarrollo territorial', filas, contexto),
  },
  {
    id: 'pdt-estados-por-departamento',
    titulo: 'Estado de los PDT por departamento',
    descripcion:
      'Entidades de cada departamento (la gobernación y sus municipios) en cada estado de su PDT en la fecha de corte; primero los departamentos con mayor porcentaje aprobado a tiempo.',
    consulta: { tipo: 'pdt', serie: 'estados-por-departamento', por: 'departamento' },
    opcion: (filas, contexto) =>
      barrasApiladas('Estado de los PDT por departamento', filas, contexto),
  },
  {
    id: 'pdt-aprobado-por-departamento',
    titulo: 'PDT aprobados a tiempo por departamento',
    descripcion:
      'Porcentaje de entidades de cada departamento (la gobernación y sus municipios) con el PDT aprobado en o antes del 31/05/2024, de mayor a menor.',
    consulta: { tipo: 'pdt', serie: 'aprobado-por-departamento', por: 'departamento' },
    opcion: (filas, contexto) =>
      barrasHorizontales('PDT aprobados a tiempo por departamento (%)', filas, contexto),
  },
  {
    id: 'pdt-embudo',
    titulo: 'Embudo de hitos del PDT',
    descripcion:
      'Entidades que alcanzaron cada hito del PDT en la fecha de corte, en el orden legal; un hito posterior cuenta los anteriores.',
    consulta: { tipo: 'pdt', serie: 'embudo' },
    opcion: (filas, contexto) =>
      barrasVerticales('Embudo de hitos del PDT', filas, contexto, 'uno'),
  },
  {
    id: 'pdt-vencidas-por-hito',
    titulo: 'Entidades con plazo vencido por hito',
    descripcion: 'Entidades cuyo siguiente hito pendiente pasó su plazo legal, por ese hito.',
    consulta: { tipo: 'pdt', serie: 'vencidas-por-hito' },
    opcion: (filas, contexto) =>
      barrasVerticales('Entidades con plazo vencido por hito', filas, contexto, 'uno'),
  },
  {
    id: 'pdt-asistencias-por-mes',
    titulo: 'Asistencias técnicas por mes',
    descripcion: 'Cronología de las asistencias técnicas a las entidades territoriales.',
    consulta: { tipo: 'pdt', serie: 'asistencias-por-mes' },
    opcion: (filas, contexto) =>
      barrasVerticales('Asistencias técnicas por mes', filas, contexto, 'uno'),
  },
];

export const GRAFICO: ReadonlyMap<string, DefinicionGrafico> = new Map(
  GRAFICOS.map((g) => [g.id, g]),
);
