/**
 * Every chart, defined once. The server draws these for the dashboard's panels
 * and as SVG and PNG for publications; the workbook embeds them.
 */
import { DefinicionGrafico } from './grafico';
import { MAPA_DEPARTAMENTOS } from './mapa';
import {
  anillo,
  barrasApiladas,
  barrasHorizontales,
  barrasVerticales,
  linea,
  mapa,
  paneles,
} from './opciones';

export const GRAFICOS: readonly DefinicionGrafico[] = [
  {
    id: 'interacciones-por-fase',
    titulo: 'Interacciones registradas por fase',
    descripcion:
      'Vistas de webinars, personas certificadas y asistencias de cada fase, sumadas: unidades distintas, no personas alcanzadas.',
    consulta: { tipo: 'desglose', por: 'fase', metrica: 'interacciones' },
    opcion: (filas, contexto) =>
      barrasVerticales('Interacciones registradas por fase', filas, contexto),
  },
  {
    id: 'fases-lado-a-lado',
    titulo: 'Las fases lado a lado',
    descripcion:
      'Las cifras de la fuente en cada fase, una gráfica por unidad (actividades, vistas, personas certificadas, asistentes presenciales y remotos), cada una con su escala; una fase sin cifra dice «sin dato». Todos los filtros aplican, salvo la fase.',
    consulta: {
      tipo: 'comparacion-de-fases',
      por: 'fase',
      metricas: [
        'actividades',
        'vistas',
        'certificados',
        'asistentes_presenciales',
        'asistentes_remotos',
      ],
    },
    opcion: (filas, contexto) => paneles('Las fases lado a lado', filas, contexto),
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
    descripcion:
      'Vistas de cada webinar a la fecha de corte, de mayor a menor; las de un ciclo que solo tiene una cifra total aparecen como el ciclo.',
    consulta: { tipo: 'desglose', por: 'actividad', metrica: 'vistas', limite: 20 },
    opcion: (filas, contexto) => barrasHorizontales('Vistas por webinar', filas, contexto),
  },
  {
    id: 'actividades-por-mes',
    titulo: 'Actividades por periodo',
    descripcion:
      'Cronología: cuántas actividades hubo en cada mes; las que la fuente ubica solo en un periodo de varios meses aparecen como ese periodo, y las que fecha solo por su año, como ese año. Las que la fuente no fecha no están en ninguna barra: la nota dice cuántas son.',
    consulta: { tipo: 'serie', metrica: 'actividades', periodo: 'mes', acumulado: false },
    opcion: (filas, contexto) =>
      barrasVerticales('Actividades por periodo', filas, contexto, 'uno'),
  },
  {
    id: 'mapa-por-departamento',
    titulo: 'Interacciones registradas por departamento',
    descripcion:
      'Departamentos por clase de sus interacciones registradas con departamento propio; en arena, los alcanzados solo en una cifra declarada para varios territorios juntos; en gris, los que no tienen cifras. La nota dice cuánto queda fuera del mapa: nacional, conjunto o sin territorio.',
    consulta: { tipo: 'desglose', por: 'departamento', metrica: 'interacciones', conjuntas: true },
    opcion: (filas, contexto) =>
      mapa('Interacciones registradas por departamento', filas, contexto, MAPA_DEPARTAMENTOS),
  },
  {
    id: 'mapa-por-municipio',
    titulo: 'Interacciones registradas por municipio',
    descripcion:
      'Municipios por clase de sus interacciones registradas con municipio propio, con los bordes de los departamentos; en arena, los alcanzados solo en una cifra conjunta; en gris, los que no tienen cifras. Filtrado por un departamento, el mapa es el de ese departamento.',
    consulta: { tipo: 'desglose', por: 'municipio', metrica: 'interacciones', conjuntas: true },
    opcion: (filas, contexto) => mapa('Interacciones registradas por municipio', filas, contexto),
  },
  {
    id: 'interacciones-por-departamento',
    titulo: 'Departamentos por interacciones registradas',
    descripcion:
      'Los departamentos ordenados por sus interacciones registradas con departamento propio.',
    consulta: { tipo: 'desglose', por: 'departamento', metrica: 'interacciones', limite: 33 },
    opcion: (filas, contexto) =>
      barrasHorizontales('Departamentos por interacciones registradas', filas, contexto),
  },
  {
    id: 'interacciones-por-municipio',
    titulo: 'Municipios con más interacciones registradas',
    descripcion: 'Los 25 municipios con más interacciones registradas con municipio propio.',
    consulta: { tipo: 'desglose', por: 'municipio', metrica: 'interacciones', limite: 25 },
    opcion: (filas, contexto) =>
      barrasHorizontales('Municipios con más interacciones registradas', filas, contexto),
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
    id: 'interacciones-por-aliado',
    titulo: 'Interacciones registradas por entidad aliada',
    descripcion:
      'Interacciones registradas en las actividades de cada entidad aliada (una actividad con dos aliados cuenta en ambos).',
    consulta: { tipo: 'desglose', por: 'aliado', metrica: 'interacciones', limite: 25 },
    opcion: (filas, contexto) =>
      barrasHorizontales('Interacciones registradas por entidad aliada', filas, contexto),
  },
  {
    id: 'interacciones-por-canal',
    titulo: 'Interacciones registradas por canal',
    descripcion: 'Interacciones registradas según el canal de difusión de cada actividad.',
    consulta: { tipo: 'desglose', por: 'canal', metrica: 'interacciones' },
    opcion: (filas, contexto) =>
      barrasHorizontales('Interacciones registradas por canal', filas, contexto),
  },
  {
    id: 'asistencias-por-modalidad',
    titulo: 'Asistencias por modalidad',
    descripcion:
      'Asistencias presenciales y virtuales: quien asistió a una actividad híbrida cuenta en la modalidad en que asistió.',
    consulta: { tipo: 'desglose', por: 'modalidad', metrica: 'asistencias' },
    opcion: (filas, contexto) => anillo('Asistencias por modalidad', filas, contexto),
  },
  {
    id: 'interacciones-acumuladas',
    titulo: 'Interacciones registradas acumuladas por mes',
    descripcion:
      'Las interacciones registradas sumadas mes a mes, en cada mes, también en los que no suman nada; una cifra conocida solo para un periodo (abril a julio, o el año 2023 donde la fuente da solo el año) se suma al final de ese periodo, nunca al principio. Lo que la fuente no fecha no se suma: la nota dice cuánto es.',
    consulta: { tipo: 'serie', metrica: 'interacciones', periodo: 'mes', acumulado: true },
    opcion: (filas, contexto) =>
      linea('Interacciones registradas acumuladas por mes', filas, contexto),
  },
  {
    id: 'pdt-estados',
    titulo: 'Estado de los planes de desarrollo territorial',
    descripcion:
      'Entidades territoriales en cada estado de su PDT 2024-2027 en la fecha de corte, según sus hitos y los plazos de la Ley 152 de 1994.',
    consulta: { tipo: 'pdt', serie: 'estados', unidad: 'entidades territoriales' },
    opcion: (filas, contexto) =>
      anillo('Estado de los planes de desarrollo territorial', filas, contexto),
  },
  {
    id: 'pdt-estados-por-departamento',
    titulo: 'Estado de los PDT por departamento',
    descripcion:
      'Entidades de cada departamento (la gobernación y sus municipios) en cada estado de su PDT en la fecha de corte; primero los departamentos con mayor porcentaje aprobado a tiempo.',
    consulta: {
      tipo: 'pdt',
      serie: 'estados-por-departamento',
      unidad: 'entidades territoriales',
      por: 'departamento',
    },
    opcion: (filas, contexto) =>
      barrasApiladas('Estado de los PDT por departamento', filas, contexto),
  },
  {
    id: 'pdt-aprobado-por-departamento',
    titulo: 'PDT aprobados a tiempo por departamento',
    descripcion:
      'Porcentaje de entidades de cada departamento (la gobernación y sus municipios) con el PDT aprobado en o antes del 31/05/2024, de mayor a menor.',
    consulta: {
      tipo: 'pdt',
      serie: 'aprobado-por-departamento',
      unidad: '% de entidades',
      por: 'departamento',
    },
    opcion: (filas, contexto) =>
      barrasHorizontales('PDT aprobados a tiempo por departamento (%)', filas, contexto),
  },
  {
    id: 'pdt-embudo',
    titulo: 'Embudo de hitos del PDT',
    descripcion:
      'Entidades que alcanzaron cada hito del PDT en la fecha de corte, en el orden legal; un hito posterior cuenta los anteriores.',
    consulta: { tipo: 'pdt', serie: 'embudo', unidad: 'entidades territoriales' },
    opcion: (filas, contexto) =>
      barrasVerticales('Embudo de hitos del PDT', filas, contexto, 'uno'),
  },
  {
    id: 'pdt-vencidas-por-hito',
    titulo: 'Entidades con plazo vencido por hito',
    descripcion: 'Entidades cuyo siguiente hito pendiente pasó su plazo legal, por ese hito.',
    consulta: { tipo: 'pdt', serie: 'vencidas-por-hito', unidad: 'entidades territoriales' },
    opcion: (filas, contexto) =>
      barrasVerticales('Entidades con plazo vencido por hito', filas, contexto, 'uno'),
  },
  {
    id: 'pdt-asistencias-por-mes',
    titulo: 'Asistencias técnicas por mes',
    descripcion: 'Cronología de las asistencias técnicas a las entidades territoriales.',
    consulta: { tipo: 'pdt', serie: 'asistencias-por-mes', unidad: 'asistencias técnicas' },
    opcion: (filas, contexto) =>
      barrasVerticales('Asistencias técnicas por mes', filas, contexto, 'uno'),
  },
];

export const GRAFICO: ReadonlyMap<string, DefinicionGrafico> = new Map(
  GRAFICOS.map((g) => [g.id, g]),
);
