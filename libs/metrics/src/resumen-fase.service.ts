/**
 * The phase summary: activities per type and the declared figures of the
 * phase, each qualified, with the phase's "alcance" (the sum of all figures).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Calificador,
  Cifra,
  CodigoFase,
  Fase,
  formatearCifra,
  METRICAS_DECLARADAS,
  MetricaDeclarada,
  FUENTE,
  sumarCifras,
} from '@tablero/domain';
import { DataSource } from 'typeorm';
import { CifraDeMetrica, ResumenFase } from './resumen-fase';

interface FilaTipo {
  codigo: string;
  nombre: string;
  actividades: number;
}

interface FilaCifra {
  tipo: string;
  metrica: MetricaDeclarada;
  calificador: Calificador;
  valor: string;
  fecha_corte: string;
}

/**
 * Declared figures in force: for each activity or cycle and metric, the latest
 * on or before the cut-off date, at the coarsest level declared (a national
 * figure wins over its breakdown by territory or group, so nothing is counted twice).
 */
const CIFRAS_DECLARADAS = `
  WITH vigentes AS (
    SELECT DISTINCT ON (td.actividad_codigo, td.ciclo_codigo, td.metrica,
                        td.territorio_codigo, td.grupo_de_valor_codigo)
           coalesce(a.tipo_codigo, c.tipo_codigo) AS tipo,
           td.actividad_codigo, td.ciclo_codigo, td.metrica, td.valor, td.calificador,
           td.fecha_corte,
           num_nonnulls(td.territorio_codigo, td.grupo_de_valor_codigo) AS nivel
      FROM total_declarado td
      LEFT JOIN actividad a ON a.codigo = td.actividad_codigo
      LEFT JOIN ciclo c ON c.codigo = td.ciclo_codigo
     WHERE coalesce(a.fase_codigo, c.fase_codigo) = $1
       AND ($2::date IS NULL OR td.fecha_corte <= $2::date)
     ORDER BY td.actividad_codigo, td.ciclo_codigo, td.metrica,
              td.territorio_codigo, td.grupo_de_valor_codigo, td.fecha_corte DESC
  ), al_nivel_mas_agregado AS (
    SELECT *, min(nivel) OVER (PARTITION BY actividad_codigo, ciclo_codigo, metrica) AS nivel_minimo
      FROM vigentes
  )
  SELECT tipo, metrica, calificador, sum(valor)::text AS valor, max(fecha_corte)::text AS fecha_corte
    FROM al_nivel_mas_agregado
   WHERE nivel = nivel_minimo
   GROUP BY tipo, metrica, calificador`;

@Injectable()
export class ResumenFaseService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Undefined when the phase is not in the database. */
  async resumen(codigo: CodigoFase, fechaCorte?: string): Promise<ResumenFase | undefined> {
    const fase = await this.dataSource.getRepository(Fase).findOneBy({ codigo });
    if (!fase) return undefined;
    const [tipos, cifras] = await Promise.all([
      this.dataSource.query<FilaTipo[]>(
        `SELECT t.codigo, t.nombre, count(*)::int AS actividades
           FROM actividad a JOIN tipo_actividad t ON t.codigo = a.tipo_codigo
          WHERE a.fase_codigo = $1
          GROUP BY t.codigo, t.nombre, t.orden
          ORDER BY t.orden`,
        [codigo],
      ),
      this.dataSource.query<FilaCifra[]>(CIFRAS_DECLARADAS, [codigo, fechaCorte ?? null]),
    ]);
    const figuras = cifras.map((f) => ({ ...f, valor: Number(f.valor) }));
    const alcance = sumarCifras(figuras);
    return {
      fase: {
        codigo: fase.codigo,
        nombre: fase.nombre,
        objetivo: fase.objetivo,
        periodo: fase.periodo,
        inicio: fase.inicio,
        fin: fase.fin,
      },
      fechaCorte: figuras.reduce<string | null>(
        (max, f) => (max === null || f.fecha_corte > max ? f.fecha_corte : max),
        null,
      ),
      actividades: tipos.reduce((n, t) => n + t.actividades, 0),
      porTipo: tipos.map((t) => ({
        tipo: { codigo: t.codigo, nombre: t.nombre },
        actividades: t.actividades,
        cifras: porMetrica(figuras.filter((f) => f.tipo === t.codigo)),
      })),
      totales: porMetrica(figuras),
      alcance: { ...publicar(alcance), valorNoExacto: alcance.valorNoExacto },
      fuente: FUENTE,
    };
  }
}

function porMetrica(figuras: (Cifra & { metrica: MetricaDeclarada })[]): CifraDeMetrica[] {
  return (Object.keys(METRICAS_DECLARADAS) as MetricaDeclarada[]).flatMap((metrica) => {
    const deLaMetrica = figuras.filter((f) => f.metrica === metrica);
    if (deLaMetrica.length === 0) return [];
    return [
      { metrica, etiqueta: METRICAS_DECLARADAS[metrica], ...publicar(sumarCifras(deLaMetrica)) },
    ];
  });
}

function publicar(cifra: Cifra) {
  return { valor: cifra.valor, calificador: cifra.calificador, texto: formatearCifra(cifra) };
}
