import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccionAuditada } from '@tablero/domain';
import { DataSource } from 'typeorm';
import { Auditoria } from './entities/auditoria.entity';

export interface EntradaAuditoria {
  readonly quien: string;
  readonly origen: string;
  readonly accion: AccionAuditada;
  readonly detalle?: Record<string, unknown>;
}

export interface ConsultaAuditoria {
  readonly desde?: string;
  readonly hasta?: string;
  readonly accion?: string;
  readonly quien?: string;
  readonly limite?: number;
}

/** The append-only audit log. */
@Injectable()
export class AuditoriaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async registrar(entrada: EntradaAuditoria): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO auditoria (quien, origen, accion, detalle) VALUES ($1, $2, $3, $4)`,
      [
        entrada.quien.slice(0, 80),
        entrada.origen.slice(0, 64),
        entrada.accion,
        JSON.stringify(entrada.detalle ?? {}),
      ],
    );
  }

  /** Newest first. */
  async listar(c: ConsultaAuditoria = {}): Promise<Auditoria[]> {
    const q = this.dataSource
      .getRepository(Auditoria)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(c.limite ?? 1000);
    if (c.desde) q.andWhere('a.en >= :desde::date', { desde: c.desde });
    if (c.hasta) q.andWhere(`a.en < :hasta::date + 1`, { hasta: c.hasta });
    if (c.accion) q.andWhere('a.accion = :accion', { accion: c.accion });
    if (c.quien) q.andWhere('a.quien = :quien', { quien: c.quien });
    return q.getMany();
  }
}
