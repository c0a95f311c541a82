/**
 * Every metric, defined once: its label, unit, one-sentence definition (shown
 * in the dashboard and in the workbook's methodology sheet) and how it is
 * computed. The API, the dashboard, the workbooks and the images read these.
 */
import { MetricaDeclarada } from '@tablero/domain';

/** The facts a figure is the sum of: declared metrics, plus the count of activities. */
export type Componente = MetricaDeclarada | 'actividades';

export interface DefinicionMetrica {
  readonly id: string;
  readonly etiqueta: string;
  readonly unidad: string;
  readonly definicion: string;
  /** How the figure is obtained from the facts. */
  readonly agregacion: 'suma' | 'personas_distintas' | 'territorios_alcanzados';
  /** For a sum: which facts it adds. */
  readonly componentes?: readonly Componente[];
}

const CALIFICADORES =
  'Cifras de calificadores distintos se muestran lado a lado («> 300 presenciales · ≈ 1.700 remotos»); una suma con alguna parte exacta lleva el calificador menos cierto de sus partes (≈ si alguna es aproximada, > si alguna es un mínimo, «más de») y dice cuánto de ella no es exacto. Sin ninguna cifra en el ámbito se muestra «—» con su motivo, nunca 0.';

export const METRICAS = [
  {
    id: 'interacciones',
    etiqueta: 'Interacciones registradas',
    unidad: 'vistas + personas certificadas + asistencias',
    definicion: `Vistas de webinars, personas certificadas y asistencias (presenciales, remotas y participantes) sumadas: unidades distintas que no son personas alcanzadas (una persona puede ver, certificarse y asistir). El documento fuente nunca las suma; esta suma es nuestra y se muestra siempre con sus partes. ${CALIFICADORES}`,
    agregacion: 'suma',
    componentes: [
      'vistas',
      'certificados',
      'asistentes_presenciales',
      'asistentes_remotos',
      'participantes',
    ],
  },
  {
    id: 'actividades',
    etiqueta: 'Actividades realizadas',
    unidad: 'actividades',
    definicion:
      'Número de actividades (webinars, cursos, eventos, talleres, sesiones, asistencias técnicas y publicaciones) que iniciaron en el periodo y el ámbito elegidos. Sin ninguna en el ámbito se muestra «—», nunca 0: la fuente no nombra las actividades de la fase III ni dice en qué lugares fueron las nacionales.',
    agregacion: 'suma',
    componentes: ['actividades'],
  },
  {
    id: 'vistas',
    etiqueta: 'Vistas de webinars',
    unidad: 'vistas',
    definicion:
      'Para cada webinar, el último conteo de vistas acumuladas en o antes de la fecha de corte, sumado entre webinars (nunca una suma de conteos); si no hay conteos, la cifra declarada.',
    agregacion: 'suma',
    componentes: ['vistas'],
  },
  {
    id: 'certificados',
    etiqueta: 'Personas certificadas',
    unidad: 'personas',
    definicion: `Personas certificadas en cursos virtuales: las registradas una a una o, si no hay registro, la cifra declarada. ${CALIFICADORES}`,
    agregacion: 'suma',
    componentes: ['certificados'],
  },
  {
    id: 'asistencias',
    etiqueta: 'Asistencias',
    unidad: 'asistencias',
    definicion: `Asistencias a actividades (persona × actividad): quien asiste a tres talleres suma tres. Registros uno a uno o, si una actividad no los tiene, su cifra declarada de asistentes o participantes. ${CALIFICADORES}`,
    agregacion: 'suma',
    componentes: ['asistentes_presenciales', 'asistentes_remotos', 'participantes'],
  },
  {
    id: 'asistentes_presenciales',
    etiqueta: 'Asistentes presenciales',
    unidad: 'asistencias',
    definicion: `Asistencias en persona, registradas o declaradas. ${CALIFICADORES}`,
    agregacion: 'suma',
    componentes: ['asistentes_presenciales'],
  },
  {
    id: 'asistentes_remotos',
    etiqueta: 'Asistentes remotos',
    unidad: 'asistencias',
    definicion: `Asistencias en línea a sesiones en vivo (Teams, Meet, transmisiones), registradas o declaradas. ${CALIFICADORES}`,
    agregacion: 'suma',
    componentes: ['asistentes_remotos'],
  },
  {
    id: 'personas_unicas',
    etiqueta: 'Personas únicas',
    unidad: 'personas',
    definicion:
      'Personas distintas entre las asistencias registradas una a una: quien asiste a tres talleres cuenta una vez. Las cifras declaradas no identifican personas y no entran.',
    agregacion: 'personas_distintas',
  },
  {
    id: 'departamentos_alcanzados',
    etiqueta: 'Departamentos alcanzados',
    unidad: 'departamentos',
    definicion:
      'Departamentos (de 33) con al menos un participante registrado o una actividad con participantes declarados en su territorio.',
    agregacion: 'territorios_alcanzados',
  },
  {
    id: 'municipios_alcanzados',
    etiqueta: 'Municipios alcanzados',
    unidad: 'municipios',
    definicion:
      'Municipios con al menos un participante registrado o una actividad con participantes declarados en su territorio.',
    agregacion: 'territorios_alcanzados',
  },
] as const satisfies readonly DefinicionMetrica[];

export type MetricaId = (typeof METRICAS)[number]['id'];

export const METRICA: Readonly<Record<MetricaId, DefinicionMetrica>> = Object.fromEntries(
  METRICAS.map((m) => [m.id, m]),
) as Record<MetricaId, DefinicionMetrica>;

/** The figures of a KPI card group: the dashboard's cards and the PDF report's summary. */
export const METRICAS_DE_TARJETA = [
  'interacciones',
  'actividades',
  'vistas',
  'certificados',
  'asistentes_presenciales',
  'asistentes_remotos',
] as const satisfies readonly MetricaId[];

/** The metrics that are sums of facts, and so can be broken down and charted over time. */
export const METRICAS_SUMABLES = METRICAS.filter((m) => m.agregacion === 'suma').map((m) => m.id);

/** The facts that are participants: what makes a territory reached. */
export const COMPONENTES_PARTICIPANTES: readonly Componente[] = [
  'certificados',
  'asistentes_presenciales',
  'asistentes_remotos',
  'participantes',
];

/** A phase III figure: read on a date from each entity's development plan milestones (see PdtService). */
export interface DefinicionMetricaPdt {
  readonly id: string;
  readonly etiqueta: string;
  readonly unidad: string;
  readonly definicion: string;
}

const ENTIDADES_CON_PDT =
  'Son los 32 departamentos y las 1.103 unidades que el DANE clasifica como municipio (Bogotá D.C. incluida), según la DIVIPOLA; no las 18 áreas no municipalizadas ni San Andrés (isla), que administra su departamento. Ese total del ámbito es el denominador de cada porcentaje (las elecciones de 2023 suelen resumirse como 32 gobernaciones y 1.102 alcaldías más Bogotá).';

const ESTADO_EN_FECHA =
  'El estado de una entidad en una fecha se deriva de sus hitos con fecha en o antes de ella y de los plazos de la Ley 152 de 1994 para 2024-2027: radicación ante el CTP hasta el 29/02/2024, concepto del CTP dentro del mes siguiente a la radicación, radicación ante la asamblea o el concejo hasta el 30/04/2024 y aprobación hasta el 31/05/2024.';

export const METRICAS_PDT = [
  {
    id: 'entidades_por_estado',
    etiqueta: 'Entidades por estado del PDT',
    unidad: 'entidades territoriales',
    definicion: `Entidades territoriales que adoptan un PDT en cada estado: sin hitos registrados, en trámite al día, con un plazo vencido, aprobado a tiempo, aprobado fuera de plazo o adoptado por decreto. ${ENTIDADES_CON_PDT} Una entidad sin ningún hito registrado no se cuenta como vencida. ${ESTADO_EN_FECHA}`,
  },
  {
    id: 'aprobado_a_tiempo',
    etiqueta: 'PDT aprobados a tiempo',
    unidad: 'porcentaje de entidades',
    definicion:
      'Entidades con el PDT aprobado por ordenanza o acuerdo en o antes del 31/05/2024, sobre todas las entidades del ámbito que adoptan un PDT (incluidas las que no tienen hitos registrados); nacional, por departamento (el departamento y sus municipios), por nivel (departamento o municipio) y, donde la importación de territorios la trae, por categoría municipal (Ley 617 de 2000).',
  },
  {
    id: 'vencidas_por_hito',
    etiqueta: 'Entidades vencidas por hito',
    unidad: 'entidades territoriales',
    definicion:
      'Entidades cuyo siguiente hito pendiente pasó su plazo en la fecha, por ese hito; los días de retraso se cuentan desde ese plazo.',
  },
  {
    id: 'asistencias_tecnicas',
    etiqueta: 'Asistencias técnicas y horas',
    unidad: 'asistencias y horas',
    definicion:
      'Asistencias técnicas registradas hasta la fecha, y sus horas, por entidad asistida; una misma entidad, fecha, tema y oferente es una sola asistencia.',
  },
  {
    id: 'aprobado_a_tiempo_asistidas',
    etiqueta: 'Aprobación a tiempo: asistidas frente a no asistidas',
    unidad: 'porcentaje de entidades',
    definicion:
      'El porcentaje de PDT aprobados a tiempo entre las entidades con al menos una asistencia técnica hasta la fecha, frente al de las entidades sin ninguna.',
  },
] as const satisfies readonly DefinicionMetricaPdt[];
