import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('tipo_actividad')
export class TipoActividad {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_tipo_actividad' })
  codigo!: string;

  @Column({ type: 'varchar', length: 80 })
  nombre!: string;

  /** Display order in summaries and charts. */
  @Column({ type: 'smallint' })
  orden!: number;
}
