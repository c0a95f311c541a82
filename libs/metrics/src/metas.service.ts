import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CodigoFase } from '@tablero/domain';
import { DataSource } from 'typeorm';
import { METRICA, MetricaId } from './metrics.catalogue';

export interface MetaDeFase {
  readonly fase: CodigoFase;
  readonly metrica: MetricaId;
  readonly etiqueta: string;
  readonly unidad: string;
  readonly valor: number;
}

/**
 * The targets of each phase, one per summable metric: the figure a KPI card
 * measures its progress against. Each metric is its own indicator.
 */
@Injectable()
export class MetasService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listar(): Promise<MetaDeFase[]> {
    const filas = await this.dataSource.query<
      { fase: CodigoFase; metrica: MetricaId; valor: string }[]
    >(
      `SELECT m.fase_codigo AS fase, i.metrica, sum(m.valor)::text AS valor
         FROM meta m JOIN indicador i ON i.codigo = m.indicador_codigo
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return filas
      .filter((f) => METRICA[f.metrica])
      .map((f) => ({
        fase: f.fase,
        metrica: f.metrica,
        etiqueta: METRICA[f.metrica].etiqueta,
        unidad: METRICA[f.metrica].unidad,
        valor: Number(f.valor),
      }));
  }

  /** Sets the target of a metric in a phase; the previous one, if any, is replaced. */
  async fijar(fase: CodigoFase, metrica: MetricaId, valor: number): Promise<MetaDeFase> {
    const { etiqueta, unidad } = METRICA[metrica];
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO indicador (codigo, nombre, metrica, unidad) VALUES ($1, $2, $1, $3)
         ON CONFLICT (codigo) DO UPDATE SET nombre = EXCLUDED.nombre, unidad = EXCLUDED.unidad
          WHERE (indicador.nombre, indicador.unidad) IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.unidad)`,
        [metrica, etiqueta, unidad],
      );
      await m.query(
        `DELETE FROM meta m USING indicador i
          WHERE i.codigo = m.indicador_codigo AND i.metrica = $1 AND m.fase_codigo = $2 AND i.codigo <> $1`,
        [metrica, fase],
      );
      await m.query(
        `INSERT INTO meta (indicador_codigo, fase_codigo, valor) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT pk_meta DO UPDATE SET valor = EXCLUDED.valor`,
        [metrica, fase, valor],
      );
    });
    return { fase, metrica, etiqueta, unidad, valor };
  }

  /** Removes the target of a metric in a phase; false when there was none. */
  async retirar(fase: CodigoFase, metrica: MetricaId): Promise<boolean> {
    const [, borradas] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM meta m USING indicador i
        WHERE i.codigo = m.indicador_codigo AND i.metrica = $1 AND m.fase_codigo = $2`,
      [metrica, fase],
    );
    return borradas > 0;
  }
}
