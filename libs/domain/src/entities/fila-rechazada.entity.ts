import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Importacion } from './importacion.entity';

/**
 * A row rejected only for values the catalogues did not know, kept so that it
 * can be run again once an editor maps them (an alias), without the file. Its
 * values are the row's fields as read, except the personal ones: a document
 * number or an e-mail is kept as the person's keyed hash, never in clear.
 */
@Entity('importacion_fila_rechazada')
export class FilaRechazada {
  @PrimaryColumn({
    name: 'importacion_id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_importacion_fila_rechazada',
  })
  importacionId!: string;

  @ManyToOne(() => Importacion, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'importacion_id',
    foreignKeyConstraintName: 'fk_importacion_fila_rechazada_importacion',
  })
  importacion!: Relation<Importacion>;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_importacion_fila_rechazada' })
  fila!: number;

  @Column({ type: 'jsonb' })
  valores!: Record<string, string | number>;

  /** The re-run that accepted it; null while it is still rejected. */
  @Column({ name: 'resuelta_por', type: 'bigint', nullable: true })
  resueltaPor!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'resuelta_por',
    foreignKeyConstraintName: 'fk_importacion_fila_rechazada_reintento',
  })
  reintento!: Relation<Importacion> | null;
}
