/**
 * A chart of the catalogue as an image: its rows from the metrics (the same
 * numbers as the API), its words (filters, cut-off date, source), then SVG or PNG.
 */
import { Injectable } from '@nestjs/common';
import {
  compararEnEspanol,
  ESTADOS_PDT,
  formatearFecha,
  formatearNumero,
  formatearPorcentaje,
  FUENTE,
  NOMBRES_ESTADO,
} from '@tablero/domain';
import { Filtros, FiltrosPdt, MetricaId, MetricasService, PdtService } from '@tablero/metrics';
import { GRAFICO } from './charts.catalogue';
import { Contexto, DefinicionGrafico, FilaGrafico, SeriePdt } from './grafico';
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
  constructor(
    private readonly metricas: MetricasService,
    private readonly pdt: PdtService,
  ) {}

  /** The rows a chart draws, and the words it carries. */
  async datos(
    grafico: DefinicionGrafico,
    f: Filtros,
  ): Promise<{ filas: FilaGrafico[]; contexto: Contexto }> {
    const [filas, filtrosEnPalabras, fechaCorte] = await Promise.all([
      this.filas(grafico, f),
      // Every chart states its cut-off date on its own ("Corte: …"): not twice.
      this.metricas.describirFiltros({ ...f, fechaCorte: undefined }),
      grafico.consulta.tipo === 'pdt'
        ? this.pdt.filtrosDe(f).then((p) => p.fecha)
        : this.metricas.fechaDeCorte(f),
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
    if (consulta.tipo === 'pdt') return this.filasPdt(consulta.serie, await this.pdt.filtrosDe(f));
    if (consulta.tipo === 'serie') {
      const puntos = await this.metricas.serie(consulta.metrica as MetricaId, consulta.periodo, f);
      return puntos.map((p) => {
        const cifra = consulta.acumulado ? p.acumulado : p.cifra;
        return {
          clave: p.periodo,
          etiqueta: etiquetaDeMes(p.periodo),
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

  private async filasPdt(serie: SeriePdt, f: FiltrosPdt): Promise<FilaGrafico[]> {
    const cuenta = (clave: string, etiqueta: string, valor: number): FilaGrafico => ({
      clave,
      etiqueta,
      valor,
      texto: formatearNumero(valor),
    });
    if (serie === 'asistencias-por-mes') {
      const porMes = new Map<string, number>();
      for (const a of await this.pdt.asistencias(f)) {
        const mes = a.fecha.slice(0, 7);
        porMes.set(mes, (porMes.get(mes) ?? 0) + 1);
      }
      return [...porMes].map(([mes, n]) => cuenta(mes, etiquetaDeMes(mes), n));
    }
    const resumen = await this.pdt.resumen(f);
    // Without any milestone recorded every plan would read as overdue: there are no figures yet.
    if (resumen.conHitos === 0) return [];
    switch (serie) {
      case 'estados':
        return resumen.porEstado.map((e) => cuenta(e.estado, e.nombre, e.entidades));
      case 'embudo':
        return resumen.embudo.map((p) => cuenta(p.hito, p.nombre, p.entidades));
      case 'vencidas-por-hito':
        return resumen.vencidasPorHito.map((p) => cuenta(p.hito, p.nombre, p.entidades));
      case 'estados-por-departamento':
        return porAprobacion(resumen.aprobadoATiempo.porDepartamento).flatMap((d) =>
          ESTADOS_PDT.filter((e) => d.estados[e] > 0).map((e) => ({
            ...cuenta(d.codigo, d.nombre, d.estados[e]),
            serie: NOMBRES_ESTADO[e],
          })),
        );
      case 'aprobado-por-departamento':
        return resumen.aprobadoATiempo.porDepartamento
          .filter((d) => d.porcentaje !== null)
          .map((d) => ({
            clave: d.codigo,
            etiqueta: d.nombre,
            valor: Math.round(d.porcentaje! * 1000) / 10,
            texto: formatearPorcentaje(d.porcentaje),
          }));
    }
  }
}

/** Departments with the largest share approved on time first, then by name. */
function porAprobacion<T extends { nombre: string; porcentaje: number | null }>(
  departamentos: readonly T[],
): T[] {
  return [...departamentos].sort(
    (a, b) => (b.porcentaje ?? 0) - (a.porcentaje ?? 0) || compararEnEspanol(a.nombre, b.nombre),
  );
}

function etiquetaDeMes(periodo: string): string {
  const [anio, mes] = periodo.split('-');
  return `${MESES[Number(mes) - 1]} ${anio}`;
}
