import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Importacion } from './importacion.entity';

/**
 * A row that was accepted as something other than what it literally says,
 * and why: a code DANE annulled read as the one that replaced it.
 */
@Entity('importacion_aviso')
@Index('ix_importacion_aviso_importacion', ['importacionId', 'fila'])
export class ImportacionAviso {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_importacion_aviso',
  })
  id!: string;

  @Column({ name: 'importacion_id', type: 'bigint' })
  importacionId!: string;

  @ManyToOne(() => Importacion, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'importacion_id',
    foreignKeyConstraintName: 'fk_importacion_aviso_importacion',
  })
  importacion!: Relation<Importacion>;

  /** The row number as the person sees it in the file. */
  @Column({ type: 'integer' })
  fila!: number;

  @Column({ type: 'varchar', length: 80 })
  columna!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  valor!: string | null;

  @Column({ type: 'text' })
  nota!: string;
}
