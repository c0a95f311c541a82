/**
 * The shapes of the metrics' answers: what the API returns as JSON, the
 * dashboard draws (through web.ts) and the workbooks lay out.
 */
import { CifraPublicada } from './cifras';
import { Filtros } from './filtros';
import { MetricaId } from './metrics.catalogue';

export const DIMENSIONES = [
  'fase',
  'tipo',
  'actividad',
  'departamento',
  'municipio',
  'subregion',
  'grupo',
  'aliado',
  'modalidad',
  'canal',
] as const;
export type Dimension = (typeof DIMENSIONES)[number];

export const PERIODOS = ['dia', 'semana', 'mes'] as const;
export type Periodo = (typeof PERIODOS)[number];

export interface Kpi {
  readonly metrica: MetricaId;
  readonly etiqueta: string;
  readonly unidad: string;
  readonly definicion: string;
  readonly cifra: CifraPublicada;
  readonly meta: number | null;
  /** value / target, when a target exists (1 = 100 %). */
  readonly avance: number | null;
  /** The figure one month before the cut-off date. */
  readonly anterior: CifraPublicada | null;
}

export interface Kpis {
  readonly fechaCorte: string | null;
  readonly fechaCorteAnterior: string | null;
  readonly filtros: Filtros;
  readonly kpis: Kpi[];
  readonly fuente: string;
}

export interface FilaDesglose {
  /**
   * The code of the row's dimension value; null for facts without one (a virtual webinar has no
   * department). The territorial rows that are no one place: `#nacional`, `#conjunto` and, by
   * subregion, `#fuera` (a place in none of the subregions).
   */
  readonly clave: string | null;
  readonly etiqueta: string;
  readonly cifras: Record<MetricaId, CifraPublicada>;
}

export interface Desglose {
  readonly por: Dimension;
  readonly filtros: Filtros;
  readonly filas: FilaDesglose[];
  /**
   * The figures without breakdown; for "aliado" and "grupo" the rows may add up to more (an activity with
   * two allies, or aimed at two groups, is in both).
   */
  readonly total: Record<MetricaId, CifraPublicada>;
  /**
   * By department, municipality or subregion: those reached only within a figure declared for several
   * places together, whose share is not theirs alone (the row «En cifras conjuntas…» holds it).
   */
  readonly enCifrasConjuntas?: { readonly clave: string; readonly etiqueta: string }[];
  /**
   * By department or municipality: the figures with a place of their own, those of the whole
   * country, those declared for several places together, and those without a place.
   */
  readonly reparto?: Record<
    'propio' | 'nacional' | 'conjunto' | 'sinLugar',
    Record<MetricaId, CifraPublicada>
  >;
}

/** What was known by the end of a period: the figures of what ended in it, and the running total. */
export interface PuntoSerie {
  /** The period's first day. */
  readonly periodo: string;
  readonly cifra: CifraPublicada;
  readonly acumulado: CifraPublicada;
}

/** The figures of what ran from one period to another (the same when it fits in one). */
export interface TramoSerie {
  /** First day of the period it started in, and of the period it ended in. */
  readonly desde: string;
  readonly hasta: string;
  readonly cifra: CifraPublicada;
}

/** A metric over time: see MetricasService.serie. */
export interface Serie {
  readonly puntos: readonly PuntoSerie[];
  readonly tramos: readonly TramoSerie[];
  /** The figure of what the source does not date; null when there is none. */
  readonly sinFecha: CifraPublicada | null;
}

export interface Territorio {
  readonly codigo: string;
  readonly nombre: string;
}

export interface AmbitoCobertura {
  /** With participants of their own: records, or a figure declared for them. */
  readonly alcanzados: number;
  /** Reached only through a figure declared for several places together (a cycle, a subregion). */
  readonly enCifrasConjuntas: number;
  /** DANE's units in scope: the denominator. */
  readonly total: number;
  /** Neither. */
  readonly sinAlcanzar: Territorio[];
}

export type EstadoCobertura = 'propia' | 'conjunta' | 'sin_alcanzar';

export interface Cobertura {
  readonly filtros: Filtros;
  readonly departamentos: AmbitoCobertura;
  readonly municipios: AmbitoCobertura;
  /** Participants of activities held across the whole country: national coverage, of no one place. */
  readonly nacional: CifraPublicada;
  /** Participants by department, for the map and the ranking. */
  readonly porDepartamento: (Territorio & {
    readonly estado: EstadoCobertura;
    readonly participantes: CifraPublicada;
    readonly municipiosAlcanzados: number;
    readonly municipiosEnCifrasConjuntas: number;
    readonly municipiosTotal: number;
  })[];
}

export interface PartidaConciliacion {
  readonly objeto: 'actividad' | 'ciclo';
  readonly codigo: string;
  readonly nombre: string;
  readonly metrica: string;
  readonly declarado: CifraPublicada;
  readonly fechaCorteDeclarado: string;
  readonly registrado: number;
  /** registrado − declarado. */
  readonly diferencia: number;
}

export interface OpcionesListado {
  readonly pagina: number;
  readonly tamano: number;
  readonly orden: 'codigo' | 'titulo' | 'fecha_inicio' | 'fase' | 'tipo';
  readonly direccion: 'asc' | 'desc';
  readonly buscar?: string;
}

export interface ActividadListada {
  readonly codigo: string;
  readonly fase: string;
  readonly tipo: string;
  readonly titulo: string;
  /** The period the source gives: the year where it gives only the year; null where it gives no date. */
  readonly fechaInicio: string | null;
  readonly fechaFin: string | null;
  readonly modalidad: string | null;
  readonly canal: string | null;
  readonly lugar: string | null;
  readonly ciclo: string | null;
  readonly aliados: string[];
  readonly cifras: Record<MetricaId, CifraPublicada>;
}
