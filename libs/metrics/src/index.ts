export { CifraPublicada, cifrasSumables, publicar } from './cifras';
export {
  Consulta,
  Filtros,
  FueraDeSusDepartamentos,
  limitarADepartamentos,
  MODALIDADES_FILTRO,
  PARAMETROS_FILTRO,
} from './filtros';
export { ctesDeHechos, filtroDeHechos } from './hechos.sql';
export * from './metas.service';
export * from './metricas.service';
export { METRICA, METRICAS, METRICAS_PDT, METRICAS_SUMABLES, MetricaId } from './metrics.catalogue';
export * from './pdt.service';
export { MetricsModule } from './metrics.module';
export * from './resumen-fase';
export { ResumenFaseService } from './resumen-fase.service';
