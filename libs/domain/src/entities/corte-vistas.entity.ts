import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Actividad } from './actividad.entity';
import { Importacion } from './importacion.entity';

/** The cumulative view count of a webinar as seen on one date. */
@Entity('corte_vistas')
@Check('ck_corte_vistas_valor', 'vistas >= 0')
export class CorteVistas {
  @PrimaryColumn({
    name: 'actividad_codigo',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'pk_corte_vistas',
  })
  actividadCodigo!: string;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actividad_codigo', foreignKeyConstraintName: 'fk_corte_vistas_actividad' })
  actividad!: Relation<Actividad>;

  @PrimaryColumn({
    name: 'fecha_corte',
    type: 'date',
    primaryKeyConstraintName: 'pk_corte_vistas',
  })
  fechaCorte!: string;

  @Column({ type: 'bigint' })
  vistas!: string;

  /** The import that brought this row; null for the reference data. */
  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importacion_id', foreignKeyConstraintName: 'fk_corte_vistas_importacion' })
  importacion!: Relation<Importacion> | null;
}
