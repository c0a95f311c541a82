import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../vocabularios';

export const ESTADOS_EXPORTACION = ['en_curso', 'lista', 'fallida', 'cancelada'] as const;
export type EstadoExportacion = (typeof ESTADOS_EXPORTACION)[number];

/**
 * An export too big for one request, queued for any instance to run: its
 * progress, its lease and its owner are kept here, its file in exportacion_parte.
 * `en_curso` covers both waiting and running (`ejecutor` says which).
 */
@Entity('exportacion')
@Check('ck_exportacion_estado', `estado IN ${sqlIn(ESTADOS_EXPORTACION)}`)
@Check('ck_exportacion_formato', `formato IN ('csv', 'xlsx')`)
@Check('ck_exportacion_propietario', `num_nonnulls(usuario_id, token_id) = 1`)
@Index('ix_exportacion_pendiente', ['id'], { where: `estado = 'en_curso'` })
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

  /** Who asked, as shown to people; ownership is usuarioId or tokenId. */
  @Column({ type: 'varchar', length: 120 })
  usuario!: string;

  @Column({ name: 'usuario_id', type: 'bigint', nullable: true })
  usuarioId!: string | null;

  @Column({ name: 'token_id', type: 'bigint', nullable: true })
  tokenId!: string | null;

  /** The owner's departments when it was asked for (null: all); the file holds no others. */
  @Column({ type: 'varchar', length: 2, array: true, nullable: true })
  departamentos!: string[] | null;

  /** The finished file's key in the S3 bucket; null: its chunks are in PostgreSQL. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  objeto!: string | null;

  /** Rows written so far. */
  @Column({ type: 'integer', default: 0 })
  filas!: number;

  /** Rows to write, once counted. */
  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  /** Size of the finished file. */
  @Column({ type: 'bigint', nullable: true })
  bytes!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Times an instance took it: a job whose instance died is taken again, up to a limit. */
  @Column({ type: 'integer', default: 0 })
  intentos!: number;

  /** The instance and attempt running it, while it runs. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  ejecutor!: string | null;

  /** The lease: the runner renews it while alive; past it, another instance may take the job. */
  @Column({ name: 'bloqueada_hasta', type: 'timestamptz', nullable: true })
  bloqueadaHasta!: Date | null;

  /** Asked to stop: the runner sees it at its next heartbeat, on whichever instance. */
  @Column({ name: 'cancelacion_pedida', type: 'boolean', default: false })
  cancelacionPedida!: boolean;

  @CreateDateColumn({ name: 'creada_en', type: 'timestamptz' })
  creadaEn!: Date;

  @Column({ name: 'terminada_en', type: 'timestamptz', nullable: true })
  terminadaEn!: Date | null;

  /** When the job and its file are deleted. */
  @Column({ name: 'expira_en', type: 'timestamptz', nullable: true })
  expiraEn!: Date | null;
}
