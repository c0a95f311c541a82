/**
 * The phase report as PDF: gathers what the report says (the same figures, charts and definitions
 * as the dashboard and the balance workbook) and hands it to the document writer.
 */
import { Injectable } from '@nestjs/common';
import { GRAFICO, GraficosService, Lienzo } from '@tablero/charts';
import { CodigoFase } from '@tablero/domain';
import {
  Filtros,
  METRICAS,
  METRICAS_DE_TARJETA,
  METRICAS_PDT,
  MetricasService,
  ResumenFaseService,
} from '@tablero/metrics';
import { GRAFICOS_PDT, GRAFICOS_PRINCIPALES, NOTAS_DE_METODOLOGIA } from '../contenido';
import { ContenidoInforme, escribirInforme } from './informe.pdf';

/** A chart's canvas for half an A4 page: its words stay readable once scaled to the text width. */
const LIENZO_INFORME: Lienzo = { ancho: 760, alto: 440, escala: 1 };

/** Who asks for the report, and when. */
export interface Solicitante {
  readonly generadoPor: string;
  /** False for a caller limited to some departments. */
  readonly nacional: boolean;
  readonly ahora: Date;
}

@Injectable()
export class InformeService {
  constructor(
    private readonly metricas: MetricasService,
    private readonly graficos: GraficosService,
    private readonly resumenFase: ResumenFaseService,
  ) {}

  /**
   * What the report of phase `f.fase` says, with the filters `f`. The phase as declared is national:
   * a report limited to some departments (`nacional` false) leaves its lines out, as the dashboard does.
   */
  async contenido(
    f: Filtros & { fase: CodigoFase },
    { generadoPor, nacional, ahora }: Solicitante,
  ): Promise<ContenidoInforme> {
    const ids =
      f.fase === 'III' ? [...GRAFICOS_PRINCIPALES, ...GRAFICOS_PDT] : GRAFICOS_PRINCIPALES;
    const [kpis, declarado, territorios, filtros, svgs] = await Promise.all([
      this.metricas.kpis(f),
      this.resumenFase.declarado(f.fase),
      this.metricas.desglose('departamento', f),
      this.metricas.describirFiltros(f),
      Promise.all(ids.map((id) => this.graficos.svgSiHayCifras(id, f, LIENZO_INFORME))),
    ]);
    return {
      fase: f.fase,
      declarado: nacional ? declarado! : { ...declarado!, lineas: [] },
      nacional,
      filtros,
      kpis,
      tarjetas: METRICAS_DE_TARJETA.map((id) => kpis.kpis.find((k) => k.metrica === id)!),
      graficos: ids.flatMap((id, i) => {
        const svg = svgs[i];
        const { titulo, descripcion } = GRAFICO.get(id)!;
        return 'dibujo' in svg
          ? [{ titulo, descripcion, svg: svg.dibujo, lienzo: LIENZO_INFORME }]
          : [];
      }),
      sinGraficos: ids.flatMap((id, i) => {
        const svg = svgs[i];
        return 'motivo' in svg ? [{ titulo: GRAFICO.get(id)!.titulo, motivo: svg.motivo }] : [];
      }),
      territorios,
      metricas: f.fase === 'III' ? [...METRICAS, ...METRICAS_PDT] : METRICAS,
      notas: NOTAS_DE_METODOLOGIA,
      generadoPor,
      ahora,
    };
  }

  async pdf(
    f: Filtros & { fase: CodigoFase },
    solicitante: Solicitante,
  ): Promise<{ pdf: Buffer; fechaCorte: string | null }> {
    const contenido = await this.contenido(f, solicitante);
    return { pdf: await escribirInforme(contenido), fechaCorte: contenido.kpis.fechaCorte };
  }
}
