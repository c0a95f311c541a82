export { CifraPublicada, cifrasSumables } from './cifras';
export {
  CAMPOS_DEL_TABLERO,
  CAMPOS_FILTRO,
  consultaDeFiltros,
  CAMPOS_TERRITORIALES,
  CampoFiltro,
  Consulta,
  FILTROS,
  Filtros,
  filtrosDeParametros,
  filtrosDelTablero,
  FueraDeSusDepartamentos,
  limitarADepartamentos,
  filtrosTerritoriales,
  OpcionesDeFiltro,
  parametrosDeFiltros,
  periodoInvertido,
} from './filtros';
export { ctesDeHechos, filtroDeHechos } from './hechos';
export { enSlug, nombreDeArchivo } from './nombre-de-archivo';
export * from './metas.service';
export * from './metricas.service';
export * from './metricas.tipos';
export { CONJUNTO, NACIONAL } from './etiquetas';
export {
  METRICA,
  METRICAS,
  METRICAS_DE_TARJETA,
  METRICAS_PDT,
  METRICAS_SUMABLES,
  MetricaId,
} from './metrics.catalogue';
export * from './pdt.service';
export { MetricsModule } from './metrics.module';
export * from './resumen-fase';
export * from './declarado';
export { ResumenFaseService } from './resumen-fase.service';
