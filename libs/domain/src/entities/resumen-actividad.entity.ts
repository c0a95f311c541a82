import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ModalidadAsistencia } from '../vocabularios';

/**
 * Attendances counted by activity and modality only: the small summary that
 * answers every question without a territory or group, kept current by the
 * import in the same statement as resumen_asistencia.
 */
@Entity('resumen_actividad')
export class ResumenActividad {
  @PrimaryColumn({
    name: 'actividad_codigo',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'pk_resumen_actividad',
  })
  actividadCodigo!: string;

  @PrimaryColumn({ type: 'varchar', length: 12, primaryKeyConstraintName: 'pk_resumen_actividad' })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}
