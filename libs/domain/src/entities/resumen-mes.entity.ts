import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ModalidadAsistencia } from '../vocabularios';

/**
 * Attendances by start month, municipality and modality, every phase and type
 * added up: resumen_fase_tipo's rows by municipality without groups, summed.
 * Kept by statement triggers on resumen_fase_tipo; the key is NULLS NOT
 * DISTINCT in the migration.
 */
@Entity('resumen_mes')
@Unique('uq_resumen_mes', ['mes', 'municipioCodigo', 'modalidad'])
export class ResumenMes {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_mes',
  })
  id!: string;

  @Column({ type: 'date' })
  mes!: string;

  @Column({ name: 'municipio_codigo', type: 'varchar', length: 5, nullable: true })
  municipioCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}
