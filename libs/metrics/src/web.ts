/** What the browser may import from this library: the shapes of the API's answers and the filters' table. */
export type { CifraPublicada } from './cifras';
export {
  CAMPOS_DEL_TABLERO,
  CAMPOS_FILTRO,
  consultaDeFiltros,
  CAMPOS_TERRITORIALES,
  FILTROS,
  filtrosDeParametros,
  filtrosDelTablero,
  filtrosTerritoriales,
  opcionesDeLista,
  parametrosDeFiltros,
  periodoInvertido,
} from './filtros';
export type { CampoFiltro, DefinicionFiltro, Filtros, Opcion, OpcionesDeFiltro } from './filtros';
export type {
  ActividadListada,
  Cobertura,
  Desglose,
  Kpi,
  Kpis,
  PartidaConciliacion,
  PuntoSerie,
} from './metricas.tipos';
export type { FaseDeclarada, LineaDeclarada } from './declarado';
export type { DefinicionMetrica, MetricaId } from './metrics.catalogue';
export { METRICAS_DE_TARJETA } from './metrics.catalogue';
export type { AsistenciaTecnicaListada, EntidadPdt, Proporcion, ResumenPdt } from './pdt.service';
export { enSlug, nombreDeArchivo } from './nombre-de-archivo';
