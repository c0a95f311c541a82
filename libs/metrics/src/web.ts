/** The shapes of the metrics API's answers, for the browser (types only: no code is shipped). */
export type { CifraPublicada } from './cifras';
export type { Filtros } from './filtros';
export type {
  ActividadListada,
  Cobertura,
  Desglose,
  Kpi,
  Kpis,
  OpcionesDeFiltro,
  PartidaConciliacion,
  PuntoSerie,
} from './metricas.service';
export type { DefinicionMetrica, MetricaId } from './metrics.catalogue';
export type { AsistenciaTecnicaListada, EntidadPdt, Proporcion, ResumenPdt } from './pdt.service';
