import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Exportacion } from './exportacion.entity';

/** A finished export's file, in numbered chunks, so that every instance can serve it. */
@Entity('exportacion_parte')
export class ExportacionParte {
  @PrimaryColumn({
    name: 'exportacion_id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_exportacion_parte',
  })
  exportacionId!: string;

  @ManyToOne(() => Exportacion, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'exportacion_id',
    foreignKeyConstraintName: 'fk_exportacion_parte_exportacion',
  })
  exportacion!: Relation<Exportacion>;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_exportacion_parte' })
  numero!: number;

  @Column({ type: 'bytea' })
  datos!: Buffer;
}
