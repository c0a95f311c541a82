import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audited action: who, when, from where, what. Append-only: a trigger in
 * the migration refuses UPDATE and DELETE.
 */
@Entity('auditoria')
@Index('ix_auditoria_en', ['en'])
export class Auditoria {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_auditoria',
  })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  en!: Date;

  /** User or token name; "anónimo" when nobody was signed in. */
  @Column({ type: 'varchar', length: 80 })
  quien!: string;

  /** The client's IP address. */
  @Column({ type: 'varchar', length: 64 })
  origen!: string;

  @Column({ type: 'varchar', length: 40 })
  accion!: string;

  @Column({ type: 'jsonb', default: {} })
  detalle!: Record<string, unknown>;
}
