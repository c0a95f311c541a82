/**
 * The phase summary: activities per type and the figures of the phase, each
 * qualified, with the phase's registered interactions (its figures of all units added up, with their parts), computed
 * from the same facts as every other metric.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Calificador,
  CodigoFase,
  EnLaFuente,
  Fase,
  formatearPeriodo,
  FUENTE,
  METRICAS_DECLARADAS,
  MetricaDeclarada,
  publicarPartes,
  TipoActividad,
} from '@tablero/domain';
import { DataSource } from 'typeorm';
import { cifrasSumables, SumaDeHechos } from './cifras';
import { MetricasService } from './metricas.service';
import { periodoEnLaFuente } from './hechos';
import { FaseDeclarada, LineaDeclarada } from './declarado';
import { CifraDeMetrica, ResumenFase } from './resumen-fase';

@Injectable()
export class ResumenFaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metricas: MetricasService,
  ) {}

  /**
   * The phase as the source states it: each activity, or each series of activities declared as one
   * (a cycle), with its count, its declared figure as declared, channel, place and dates or period.
   * Undefined when the phase is not in the database.
   */
  async declarado(codigo: CodigoFase): Promise<FaseDeclarada | undefined> {
    const fase = await this.dataSource.getRepository(Fase).findOneBy({ codigo });
    if (!fase) return undefined;
    const periodo = periodoEnLaFuente('a', 'c');
    const actividades = await this.dataSource.query<ActividadDeFase[]>(
      `SELECT a.codigo, a.titulo, a.ciclo_codigo AS ciclo, c.nombre AS ciclo_nombre, t.nombre AS tipo, a.canal,
              coalesce(a.lugar, terr.nombre, sr.nombre) AS lugar, a.fecha_inicio::text AS desde,
              a.fecha_fin::text AS hasta, (${periodo.desde})::text AS periodo_desde,
              (${periodo.hasta})::text AS periodo_hasta, a.en_la_fuente, c.en_la_fuente AS ciclo_en_la_fuente
         FROM actividad a JOIN tipo_actividad t ON t.codigo = a.tipo_codigo
         LEFT JOIN ciclo c ON c.codigo = a.ciclo_codigo
         LEFT JOIN territorio terr ON terr.codigo = a.territorio_codigo
         LEFT JOIN subregion sr ON sr.codigo = a.subregion_codigo
        WHERE a.fase_codigo = $1
        ORDER BY a.fecha_inicio, t.orden, a.codigo`,
      [codigo],
    );
    // The declared figures in force: the latest of each, whatever records say.
    const figuras = await this.dataSource.query<FiguraDeclarada[]>(
      `SELECT DISTINCT ON (td.actividad_codigo, td.ciclo_codigo, td.metrica, td.territorio_codigo, td.grupo_de_valor_codigo)
              td.actividad_codigo AS actividad, td.ciclo_codigo AS ciclo, td.metrica, td.calificador, td.valor::text
         FROM total_declarado td
        WHERE td.actividad_codigo IN (SELECT codigo FROM actividad WHERE fase_codigo = $1)
           OR td.ciclo_codigo IN (SELECT codigo FROM ciclo WHERE fase_codigo = $1)
        ORDER BY td.actividad_codigo, td.ciclo_codigo, td.metrica, td.territorio_codigo, td.grupo_de_valor_codigo,
                 td.fecha_corte DESC`,
      [codigo],
    );
    const lineas: LineaDeclarada[] = [];
    const ciclosVistos = new Set<string>();
    for (const a of actividades) {
      if (a.ciclo) {
        if (ciclosVistos.has(a.ciclo)) continue;
        ciclosVistos.add(a.ciclo);
        lineas.push(
          lineaDeclarada(
            a.ciclo,
            'ciclo',
            a.ciclo_nombre!,
            actividades.filter((x) => x.ciclo === a.ciclo),
            figuras.filter((f) => f.ciclo === a.ciclo),
            a.ciclo_en_la_fuente,
          ),
        );
      } else {
        lineas.push(
          lineaDeclarada(
            a.codigo,
            'actividad',
            a.titulo,
            [a],
            figuras.filter((f) => f.actividad === a.codigo),
            a.en_la_fuente,
          ),
        );
      }
    }
    return { fase: codigo, nombre: fase.nombre, periodo: fase.periodo, lineas, fuente: FUENTE };
  }

  /** Undefined when the phase is not in the database. */
  async resumen(codigo: CodigoFase, fechaCorte?: string): Promise<ResumenFase | undefined> {
    const fase = await this.dataSource.getRepository(Fase).findOneBy({ codigo });
    if (!fase) return undefined;
    const tipos = await this.dataSource
      .getRepository(TipoActividad)
      .find({ order: { orden: 'ASC' } });
    const filas = await this.metricas.sumas({ fase: codigo, fechaCorte }, 'tipo');
    const sumas = filas.map((f) => ({ ...f, valor: Number(f.valor) }));
    const cifrasDe = (delTipo: typeof sumas) => porMetrica(delTipo);
    const actividadesDe = (delTipo: typeof sumas) =>
      delTipo.filter((s) => s.metrica === 'actividades').reduce((n, s) => n + s.valor, 0);
    const fechaCorteEfectiva =
      fechaCorte ?? (await this.metricas.kpis({ fase: codigo })).fechaCorte;
    return {
      fase: {
        codigo: fase.codigo,
        nombre: fase.nombre,
        objetivo: fase.objetivo,
        periodo: fase.periodo,
        inicio: fase.inicio,
        fin: fase.fin,
      },
      fechaCorte: fechaCorteEfectiva,
      actividades: actividadesDe(sumas),
      porTipo: tipos
        .map((t) => ({ tipo: t, delTipo: sumas.filter((s) => s.clave === t.codigo) }))
        .filter(({ delTipo }) => actividadesDe(delTipo) > 0)
        .map(({ tipo, delTipo }) => ({
          tipo: { codigo: tipo.codigo, nombre: tipo.nombre },
          actividades: actividadesDe(delTipo),
          cifras: cifrasDe(delTipo),
        })),
      totales: cifrasDe(sumas),
      interacciones: cifrasSumables(sumas).interacciones,
      fuente: FUENTE,
    };
  }
}

interface ActividadDeFase {
  codigo: string;
  titulo: string;
  ciclo: string | null;
  ciclo_nombre: string | null;
  tipo: string;
  canal: string | null;
  lugar: string | null;
  desde: string;
  hasta: string;
  /** The period the source gives; null where it gives no date. */
  periodo_desde: string | null;
  periodo_hasta: string | null;
  en_la_fuente: EnLaFuente | null;
  ciclo_en_la_fuente: EnLaFuente | null;
}

interface FiguraDeclarada {
  actividad: string | null;
  ciclo: string | null;
  metrica: MetricaDeclarada;
  calificador: Calificador;
  valor: string;
}

const UNIDAD_DECLARADA: Readonly<Record<MetricaDeclarada, string>> = {
  vistas: 'vistas',
  certificados: 'personas certificadas',
  asistentes_presenciales: 'asistentes presenciales',
  asistentes_remotos: 'asistentes remotos',
  participantes: 'participantes',
};

/**
 * One line of the phase as declared, from its activities (one, or a cycle's) and their declared figures,
 * with the period the source gives and no count where it gives none (`enLaFuente`).
 */
function lineaDeclarada(
  codigo: string,
  objeto: 'actividad' | 'ciclo',
  nombre: string,
  actividades: readonly ActividadDeFase[],
  figuras: readonly FiguraDeclarada[],
  enLaFuente: EnLaFuente | null,
): LineaDeclarada {
  const uno = <T>(valores: readonly T[]) => (new Set(valores).size === 1 ? valores[0] : null);
  const lugares = [...new Set(actividades.map((a) => a.lugar).filter((l): l is string => !!l))];
  const desde = actividades.map((a) => a.desde).sort()[0];
  const hasta = actividades.map((a) => a.hasta).sort()[actividades.length - 1];
  const dadas = actividades.filter((a) => a.periodo_desde !== null);
  const periodoDesde = dadas.map((a) => a.periodo_desde!).sort()[0];
  const periodoHasta = dadas.map((a) => a.periodo_hasta!).sort()[dadas.length - 1];
  const metricas = [...new Set(figuras.map((f) => f.metrica))];
  const cifra = publicarPartes(
    figuras.map((f) => ({
      componente: f.metrica,
      calificador: f.calificador,
      valor: Number(f.valor),
    })),
  );
  const unidad = metricas.length === 1 ? UNIDAD_DECLARADA[metricas[0]] : null;
  return {
    codigo,
    objeto,
    nombre,
    tipo: actividades[0].tipo,
    actividades: enLaFuente && 'numero' in enLaFuente ? null : actividades.length,
    cifra,
    unidad,
    texto: unidad ? `${cifra.texto} ${unidad}` : cifra.texto,
    canal: uno(actividades.map((a) => a.canal)),
    lugar:
      lugares.length > 1
        ? `${lugares.slice(0, -1).join(', ')} y ${lugares[lugares.length - 1]}`
        : (lugares[0] ?? null),
    fechas: dadas.length ? formatearPeriodo(periodoDesde, periodoHasta) : null,
    desde,
    hasta,
  };
}

function porMetrica(sumas: readonly SumaDeHechos[]): CifraDeMetrica[] {
  return (Object.keys(METRICAS_DECLARADAS) as MetricaDeclarada[]).flatMap((metrica) => {
    const deLaMetrica = sumas.filter((s) => s.metrica === metrica);
    if (deLaMetrica.length === 0) return [];
    return [
      {
        metrica,
        etiqueta: METRICAS_DECLARADAS[metrica],
        ...publicarPartes(
          deLaMetrica.map((s) => ({
            componente: metrica,
            calificador: s.calificador,
            valor: s.valor,
          })),
        ),
      },
    ];
  });
}
