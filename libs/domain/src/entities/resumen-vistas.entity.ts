import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Actividad } from './actividad.entity';

/**
 * Each activity's latest view snapshot, kept by a trigger on corte_vistas in
 * the transaction that changes it: the views at a cut-off read it, and look
 * up the snapshots themselves only for the webinars seen again after it.
 */
@Entity('resumen_vistas')
export class ResumenVistas {
  @PrimaryColumn({
    name: 'actividad_codigo',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'pk_resumen_vistas',
  })
  actividadCodigo!: string;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actividad_codigo', foreignKeyConstraintName: 'fk_resumen_vistas_actividad' })
  actividad!: Relation<Actividad>;

  @Column({ name: 'fecha_corte', type: 'date' })
  fechaCorte!: string;

  @Column({ type: 'bigint' })
  vistas!: string;
}
