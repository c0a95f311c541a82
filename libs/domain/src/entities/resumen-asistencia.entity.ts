import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ModalidadAsistencia } from '../vocabularios';

/**
 * Attendances counted by activity, municipality, group and modality: the
 * summary every attendance figure is read from. The import that adds
 * attendances adds to it in the same transaction, so it is never stale. The
 * unique constraint is NULLS NOT DISTINCT in the migration.
 */
@Entity('resumen_asistencia')
@Unique('uq_resumen_asistencia', [
  'actividadCodigo',
  'municipioCodigo',
  'grupoDeValorCodigo',
  'modalidad',
])
@Index('ix_resumen_asistencia_municipio', ['municipioCodigo'])
export class ResumenAsistencia {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_asistencia',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @Column({ name: 'municipio_codigo', type: 'varchar', length: 5, nullable: true })
  municipioCodigo!: string | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}
