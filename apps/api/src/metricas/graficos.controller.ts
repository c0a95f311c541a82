import {
  Controller,
  Get,
  HttpStatus,
  Param,
  Query,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { DataVersionCache, TextoGuardable } from '../cache/data-version-cache.interceptor';
import {
  Acceso,
  Auditar,
  Limitado,
  Principal,
  puede,
  Quien,
  noAutenticado,
  sinPermiso,
} from '@tablero/access';
import type { Request } from 'express';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  DefinicionGrafico,
  filtrosDelGrafico,
  GRAFICO,
  GRAFICOS,
  GraficosService,
  LIENZO_POR_DEFECTO,
  PRESETS,
} from '@tablero/charts';
import { MetricasService, nombreDeArchivo } from '@tablero/metrics';
import { libroDeDatosDeGrafico, TIPO_DE_ARCHIVO } from '@tablero/reports';
import { ApiError } from '../errors/api-error';
import { invalido } from '../errors/consulta';
import { ApiFiltros, leerFiltros } from './filtros.params';

const TIPO_SVG = 'image/svg+xml; charset=utf-8';

/**
 * A panel's width in pixels: a phone's narrowest to a wide screen's, in steps of ten (the page
 * stretches a drawing over the rest), so that a few hundred drawings serve every width.
 */
const PANEL = { min: 200, max: 2400, paso: 10 };

function definicionDe(id: string | undefined, pedido: string): DefinicionGrafico {
  const grafico = id === undefined ? undefined : GRAFICO.get(id);
  if (!grafico) {
    throw new ApiError(
      HttpStatus.NOT_FOUND,
      'GRAFICO_DESCONOCIDO',
      `No hay un gráfico «${pedido.slice(0, 60)}». Pida /api/v1/graficos/<id>.svg, .png, .json o .xlsx; la lista está en /api/v1/graficos.`,
    );
  }
  return grafico;
}

/** The chart's numbers as JSON feed the dashboard; images and workbooks are heavier and need more. */
const esArchivo = (request: Request) => !String(request.params.archivo).endsWith('.json');
const esLibro = (request: Request) => String(request.params.archivo).endsWith('.xlsx');

@ApiTags('gráficos')
@Acceso('tablero')
@UseInterceptors(DataVersionCache)
@Controller('v1/graficos')
export class GraficosController {
  constructor(
    private readonly graficos: GraficosService,
    private readonly metricas: MetricasService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Los gráficos disponibles como imagen, con sus tamaños predefinidos' })
  listar() {
    return {
      graficos: GRAFICOS.map(({ id, titulo, descripcion }) => ({
        id,
        titulo,
        descripcion,
        svg: `/api/v1/graficos/${id}.svg`,
        png: `/api/v1/graficos/${id}.png`,
        datos: `/api/v1/graficos/${id}.json`,
        xlsx: `/api/v1/graficos/${id}.xlsx`,
      })),
      presets: PRESETS,
    };
  }

  @Get(':id/panel.svg')
  @ApiOperation({
    summary: 'Un gráfico como lo dibuja un panel del tablero, al ancho del panel',
    description:
      'SVG del mismo dibujo que las imágenes, sin la nota (el panel la dice encima). Cada barra, punto o ' +
      'región lleva data-clave (el código por el que un clic filtra) y data-lectura (lo que dice al pasar el cursor).',
  })
  @ApiParam({ name: 'id', description: 'id del gráfico, por ejemplo mapa-por-municipio' })
  @ApiQuery({
    name: 'ancho',
    required: true,
    description: `píxeles, múltiplo de ${PANEL.paso}, de ${PANEL.min} a ${PANEL.max}`,
  })
  @ApiFiltros()
  async panel(
    @Param('id') id: string,
    @Query() consulta: Record<string, unknown>,
    @Quien() quien: Principal,
  ): Promise<TextoGuardable> {
    const grafico = definicionDe(id, `${id}/panel.svg`);
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      ancho: 'entero',
    });
    const { ancho } = parametros;
    if (ancho === undefined || ancho < PANEL.min || ancho > PANEL.max || ancho % PANEL.paso)
      throw invalido(
        'ancho',
        `debe ser un múltiplo de ${PANEL.paso} entre ${PANEL.min} y ${PANEL.max} píxeles`,
      );
    const datos = await this.graficos.datos(grafico, filtros);
    return new TextoGuardable(this.graficos.dibujarEnPanel(grafico, datos, ancho), TIPO_SVG);
  }

  @Get(':archivo')
  @Limitado('costoso', esArchivo)
  @Auditar('exportacion', esLibro)
  @ApiOperation({
    summary:
      'Un gráfico como SVG o PNG, o sus datos como JSON o .xlsx, con los mismos filtros que la API',
    description:
      'La imagen lleva título, filtros en palabras, fecha de corte y fuente; el JSON trae las filas que dibuja el tablero y el .xlsx las mismas cifras. Tamaño con ancho, alto y escala, o un preset: ' +
      Object.keys(PRESETS).join(', '),
  })
  @ApiParam({
    name: 'archivo',
    description:
      'id del gráfico con .svg, .png, .json o .xlsx, por ejemplo interacciones-por-fase.png',
  })
  @ApiQuery({ name: 'preset', required: false, enum: Object.keys(PRESETS) })
  @ApiQuery({ name: 'ancho', required: false })
  @ApiQuery({ name: 'alto', required: false })
  @ApiQuery({ name: 'escala', required: false })
  @ApiFiltros()
  async imagen(
    @Param('archivo') archivo: string,
    @Query() consulta: Record<string, unknown>,
    @Quien() quien: Principal,
  ): Promise<StreamableFile | object> {
    const [, id, formato] = /^(.+)\.(svg|png|json|xlsx)$/.exec(archivo) ?? [];
    const grafico = definicionDe(id, archivo);
    if (formato !== 'json') {
      const permiso = formato === 'xlsx' ? 'exportar' : 'imagenes';
      if (!quien.rol) throw noAutenticado();
      if (!puede(quien.rol, permiso))
        throw sinPermiso(formato === 'xlsx' ? 'exportar datos' : 'descargar imágenes de gráficos');
    }
    const { filtros, parametros } = await leerFiltros(consulta, this.metricas, quien, {
      preset: Object.keys(PRESETS),
      ancho: 'entero',
      alto: 'entero',
      escala: 'entero',
    });
    const base = parametros.preset ? PRESETS[parametros.preset] : LIENZO_POR_DEFECTO;
    const lienzo = {
      ancho: parametros.ancho ?? base.ancho,
      alto: parametros.alto ?? base.alto,
      escala: parametros.escala ?? base.escala,
    };
    if (lienzo.ancho < 300 || lienzo.ancho > 4000)
      throw invalido('ancho', 'debe estar entre 300 y 4000 píxeles');
    if (lienzo.alto < 300 || lienzo.alto > 4000)
      throw invalido('alto', 'debe estar entre 300 y 4000 píxeles');
    if (lienzo.escala > 4) throw invalido('escala', 'debe estar entre 1 y 4');
    const datos = await this.graficos.datos(grafico, filtros);
    if (formato === 'json') {
      const { titulo, descripcion, consulta: pregunta } = grafico;
      return { id, titulo, descripcion, consulta: pregunta, ...datos };
    }
    const nombre = nombreDeArchivo(
      id,
      filtrosDelGrafico(grafico, filtros),
      datos.fechaCorte,
      formato,
    );
    if (formato === 'xlsx') {
      return new StreamableFile(await libroDeDatosDeGrafico(grafico, datos.filas, datos.contexto), {
        type: TIPO_DE_ARCHIVO.xlsx,
        disposition: `attachment; filename="${nombre}"`,
      });
    }
    if (formato === 'svg') {
      return new StreamableFile(
        Buffer.from(this.graficos.dibujar(grafico, datos, lienzo), 'utf8'),
        {
          type: TIPO_SVG,
          disposition: `inline; filename="${nombre}"`,
        },
      );
    }
    return new StreamableFile(await this.graficos.png(grafico, datos, lienzo), {
      type: 'image/png',
      disposition: `inline; filename="${nombre}"`,
    });
  }
}
