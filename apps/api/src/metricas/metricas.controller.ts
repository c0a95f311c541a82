import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { DataVersionCache } from '../cache/data-version-cache.interceptor';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Acceso, Principal, Quien } from '@tablero/access';
import { cifraExacta, sinCifra } from '@tablero/domain';
import {
  Dimension,
  DIMENSIONES,
  METRICA,
  METRICAS,
  METRICAS_SUMABLES,
  MetricaId,
  MetricasService,
  PERIODOS,
} from '@tablero/metrics';
import { invalido } from '../errors/consulta';
import { ApiFiltros, leerFiltros } from './filtros.params';

const ORDENES = ['codigo', 'titulo', 'fecha_inicio', 'fase', 'tipo'] as const;

@ApiTags('métricas')
@Acceso('tablero')
@UseInterceptors(DataVersionCache)
@Controller('v1')
export class MetricasController {
  constructor(private readonly metricas: MetricasService) {}

  @Get('metricas')
  @ApiOperation({ summary: 'El catálogo de métricas: etiqueta, unidad y definición de cada una' })
  catalogo() {
    return METRICAS;
  }

  @Get('filtros')
  @ApiOperation({
    summary:
      'Los valores que puede tomar cada filtro, con su nombre (fases, tipos, departamentos…)',
  })
  opcionesDeFiltro(@Quien() quien: Principal) {
    return this.metricas.opcionesDeFiltro(quien.departamentos);
  }

  @Get('kpis')
  @ApiOperation({
    summary:
      'Las tarjetas de indicadores: cifra con calificador, meta, avance y cifra del mes anterior',
  })
  @ApiFiltros()
  async kpis(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien);
    return this.metricas.kpis(filtros);
  }

  @Get('personas-unicas')
  @ApiOperation({
    summary:
      'Personas distintas entre las asistencias registradas (conteo exacto, aparte de /kpis por su costo)',
  })
  @ApiFiltros()
  async personasUnicas(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien);
    const personas = await this.metricas.personasUnicas(filtros);
    return {
      filtros,
      metrica: METRICA.personas_unicas,
      cifra:
        personas === null
          ? sinCifra(
              'sin registros persona a persona: las cifras declaradas no identifican personas',
            )
          : cifraExacta(personas),
    };
  }

  @Get('series')
  @ApiOperation({
    summary:
      'Una métrica por periodo: puntos con el acumulado al final de cada periodo (lo conocido para varios meses, o solo por su año, cuenta al final), tramos tal como la fuente los da y sinFecha, la cifra de lo que la fuente no fecha',
  })
  @ApiQuery({ name: 'metrica', required: false, enum: METRICAS_SUMABLES })
  @ApiQuery({ name: 'periodo', required: false, enum: PERIODOS })
  @ApiFiltros()
  async series(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      metrica: METRICAS_SUMABLES,
      periodo: PERIODOS,
    });
    const metrica = (parametros.metrica ?? 'interacciones') as MetricaId;
    const periodo = (parametros.periodo ?? 'mes') as (typeof PERIODOS)[number];
    return {
      metrica,
      periodo,
      filtros,
      ...(await this.metricas.serie(metrica, periodo, filtros)),
    };
  }

  @Get('desglose')
  @ApiOperation({
    summary:
      'Las cifras por fase, tipo, actividad, territorio, grupo de valor, aliado, modalidad o canal',
  })
  @ApiQuery({ name: 'por', required: true, enum: DIMENSIONES })
  @ApiFiltros()
  async desglose(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      por: DIMENSIONES,
    });
    if (!parametros.por) throw invalido('por', `es obligatorio: ${DIMENSIONES.join(', ')}`);
    return this.metricas.desglose(parametros.por as Dimension, filtros);
  }

  @Get('cobertura')
  @ApiOperation({ summary: 'Departamentos y municipios alcanzados, y los que faltan' })
  @ApiFiltros()
  async cobertura(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien);
    return this.metricas.cobertura(filtros);
  }

  @Get('conciliacion')
  @ApiOperation({
    summary: 'Cifras declaradas frente a registros uno a uno, con su diferencia, donde hay ambos',
  })
  @ApiFiltros()
  async conciliacion(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros } = await leerFiltros(consulta, this.metricas, quien);
    return { filtros, partidas: await this.metricas.conciliacion(filtros) };
  }

  @Get('actividades')
  @ApiOperation({
    summary: 'Las actividades, paginadas, ordenables y con búsqueda por título o código',
  })
  @ApiQuery({ name: 'pagina', required: false })
  @ApiQuery({ name: 'tamano', required: false, description: 'Filas por página (máximo 500)' })
  @ApiQuery({ name: 'orden', required: false, enum: ORDENES })
  @ApiQuery({ name: 'direccion', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'buscar', required: false })
  @ApiFiltros()
  async actividades(@Query() consulta: Record<string, unknown>, @Quien() quien: Principal) {
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      pagina: 'entero',
      tamano: 'entero',
      orden: ORDENES,
      direccion: ['asc', 'desc'],
      buscar: 'texto',
    });
    return this.metricas.actividades(filtros, {
      pagina: parametros.pagina ?? 1,
      tamano: Math.min(parametros.tamano ?? 50, 500),
      orden: (parametros.orden ?? 'fecha_inicio') as (typeof ORDENES)[number],
      direccion: (parametros.direccion ?? 'asc') as 'asc' | 'desc',
      buscar: parametros.buscar,
    });
  }
}
