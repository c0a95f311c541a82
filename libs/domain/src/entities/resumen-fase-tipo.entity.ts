import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ModalidadAsistencia, sqlIn } from '../vocabularios';

/**
 * The levels of resumen_fase_tipo: by municipality and group, by department and
 * group, and by municipality with the groups added up.
 */
const NIVELES = ['municipio', 'departamento', 'municipio_total'] as const;

/**
 * Attendances by phase × type, territory, group and modality, without the
 * activity, and once more by the month the activities started in (`mes`;
 * NULL for the whole phase × type). Kept by triggers in the transaction that
 * changes what it adds up (migrations/resumen-fase-tipo.sql.ts); the key is
 * NULLS NOT DISTINCT in the migration, and the index by group is on an
 * expression the migration spells.
 */
@Entity('resumen_fase_tipo')
@Check('ck_resumen_fase_tipo_nivel', `nivel IN ${sqlIn(NIVELES)}`)
@Unique('uq_resumen_fase_tipo', [
  'nivel',
  'faseCodigo',
  'tipoCodigo',
  'mes',
  'territorioCodigo',
  'grupoDeValorCodigo',
  'grupoPorActividad',
  'modalidad',
])
@Index('ix_resumen_fase_tipo_grupo', { synchronize: false })
export class ResumenFaseTipo {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_fase_tipo',
  })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  nivel!: (typeof NIVELES)[number];

  @Column({ name: 'fase_codigo', type: 'varchar', length: 3 })
  faseCodigo!: string;

  @Column({ name: 'tipo_codigo', type: 'varchar', length: 40 })
  tipoCodigo!: string;

  /** A municipality's code, or a department's at level `departamento`. */
  @Column({ name: 'territorio_codigo', type: 'varchar', length: 5, nullable: true })
  territorioCodigo!: string | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  /** An attendance without a group is kept once more under each group its activity was aimed at. */
  @Column({ name: 'grupo_por_actividad', type: 'varchar', length: 40, nullable: true })
  grupoPorActividad!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;

  @Column({ type: 'date', nullable: true })
  mes!: string | null;
}
