/**
 * The phase summary: activities per type and the figures of the phase, each
 * qualified, with the phase's "alcance" (the sum of all figures), computed
 * from the same facts as every other metric.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CodigoFase,
  Fase,
  FUENTE,
  METRICAS_DECLARADAS,
  MetricaDeclarada,
  sumarCifras,
  TipoActividad,
} from '@tablero/domain';
import { DataSource } from 'typeorm';
import { publicar, SumaDeHechos } from './cifras';
import { MetricasService } from './metricas.service';
import { METRICA } from './metrics.catalogue';
import { CifraDeMetrica, ResumenFase } from './resumen-fase';

@Injectable()
export class ResumenFaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metricas: MetricasService,
  ) {}

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
    const alcance = sumarCifras(
      sumas.filter((s) => METRICA.alcance.componentes!.includes(s.metrica)),
    );
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
      alcance: { ...publicar(alcance), valorNoExacto: alcance.valorNoExacto },
      fuente: FUENTE,
    };
  }
}

function porMetrica(sumas: readonly SumaDeHechos[]): CifraDeMetrica[] {
  return (Object.keys(METRICAS_DECLARADAS) as MetricaDeclarada[]).flatMap((metrica) => {
    const deLaMetrica = sumas.filter((s) => s.metrica === metrica);
    if (deLaMetrica.length === 0) return [];
    return [
      { metrica, etiqueta: METRICAS_DECLARADAS[metrica], ...publicar(sumarCifras(deLaMetrica)) },
    ];
  });
}
