import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../vocabularios';

export const ESTADOS_EXPORTACION = ['en_curso', 'lista', 'fallida', 'cancelada'] as const;
export type EstadoExportacion = (typeof ESTADOS_EXPORTACION)[number];

/** An export too big for one request, run in the background; its progress is kept here. */
@Entity('exportacion')
@Check('ck_exportacion_estado', `estado IN ${sqlIn(ESTADOS_EXPORTACION)}`)
@Check('ck_exportacion_formato', `formato IN ('csv', 'xlsx')`)
export class Exportacion {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_exportacion',
  })
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  estado!: EstadoExportacion;

  @Column({ type: 'varchar', length: 4 })
  formato!: 'csv' | 'xlsx';

  @Column({ type: 'jsonb', default: {} })
  filtros!: Record<string, string | readonly string[]>;

  @Column({ type: 'varchar', length: 120 })
  usuario!: string;

  /** Rows written so far. */
  @Column({ type: 'integer', default: 0 })
  filas!: number;

  /** Rows to write, once counted. */
  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'creada_en', type: 'timestamptz' })
  creadaEn!: Date;

  @Column({ name: 'terminada_en', type: 'timestamptz', nullable: true })
  terminadaEn!: Date | null;
}
