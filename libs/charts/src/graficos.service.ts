/**
 * A chart of the catalogue as an image: its rows from the metrics (the same
 * numbers as the API), its words (filters, cut-off date, source), then SVG or PNG.
 */
import { Injectable } from '@nestjs/common';
import { formatearFecha, FUENTE } from '@tablero/domain';
import { Filtros, MetricaId, MetricasService } from '@tablero/metrics';
import { GRAFICO } from './charts.catalogue';
import { Contexto, DefinicionGrafico, FilaGrafico } from './grafico';
import { renderizarPng, renderizarSvg } from './render';

export interface Lienzo {
  readonly ancho: number;
  readonly alto: number;
  readonly escala: number;
}

/** Sizes the communications team asks for. */
export const PRESETS: Readonly<Record<string, Lienzo>> = {
  'redes-cuadrado': { ancho: 1080, alto: 1080, escala: 1 },
  'redes-horizontal': { ancho: 1200, alto: 675, escala: 1 },
  diapositiva: { ancho: 1920, alto: 1080, escala: 1 },
  impresion: { ancho: 1600, alto: 1000, escala: 2 },
};

export const LIENZO_POR_DEFECTO: Lienzo = PRESETS['redes-horizontal'];

/** A map or a ranking of territories leaves out what has no territory (national webinars, for example). */
const DIMENSIONES_TERRITORIALES = ['departamento', 'municipio', 'subregion'];

const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

@Injectable()
export class GraficosService {
  constructor(private readonly metricas: MetricasService) {}

  /** The rows a chart draws, and the words it carries. */
  async datos(
    grafico: DefinicionGrafico,
    f: Filtros,
  ): Promise<{ filas: FilaGrafico[]; contexto: Contexto }> {
    const [filas, filtrosEnPalabras, fechaCorte] = await Promise.all([
      this.filas(grafico, f),
      this.metricas.describirFiltros(f),
      this.metricas.fechaDeCorte(f),
    ]);
    return {
      filas,
      contexto: {
        filtrosEnPalabras,
        fechaCorte: fechaCorte ? formatearFecha(fechaCorte) : null,
        fuente: FUENTE,
      },
    };
  }

  async svg(id: string, f: Filtros, lienzo: Lienzo): Promise<string> {
    const grafico = GRAFICO.get(id)!;
    const { filas, contexto } = await this.datos(grafico, f);
    return renderizarSvg(grafico.opcion(filas, contexto), lienzo.ancho, lienzo.alto);
  }

  async png(id: string, f: Filtros, lienzo: Lienzo): Promise<Buffer> {
    return renderizarPng(await this.svg(id, f, lienzo), lienzo.ancho, lienzo.escala);
  }

  private async filas(grafico: DefinicionGrafico, f: Filtros): Promise<FilaGrafico[]> {
    const consulta = grafico.consulta;
    if (consulta.tipo === 'serie') {
      const puntos = await this.metricas.serie(consulta.metrica as MetricaId, consulta.periodo, f);
      return puntos.map((p) => {
        const cifra = consulta.acumulado ? p.acumulado : p.cifra;
        const [anio, mes] = p.periodo.split('-');
        return {
          clave: p.periodo,
          etiqueta: `${MESES[Number(mes) - 1]} ${anio}`,
          valor: cifra.valor,
          texto: cifra.texto,
        };
      });
    }
    const { filas } = await this.metricas.desglose(consulta.por as never, f);
    return filas
      .map((fila) => ({
        clave: fila.clave,
        etiqueta: fila.etiqueta,
        ...fila.cifras[consulta.metrica as MetricaId],
      }))
      .filter((fila) => consulta.por === 'fase' || fila.valor > 0)
      .filter((fila) => fila.clave !== null || !DIMENSIONES_TERRITORIALES.includes(consulta.por))
      .sort((a, b) => (consulta.por === 'fase' ? 0 : b.valor - a.valor))
      .slice(0, consulta.limite ?? Infinity)
      .map(({ clave, etiqueta, valor, texto }) => ({ clave, etiqueta, valor, texto }));
  }
}
