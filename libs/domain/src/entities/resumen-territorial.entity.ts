import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ModalidadAsistencia } from '../vocabularios';

/**
 * Attendances by activity, department and modality: for questions about
 * departments without municipalities or groups. Kept current by the import in
 * the same statement; the key is NULLS NOT DISTINCT in the migration.
 */
@Entity('resumen_departamento')
@Unique('uq_resumen_departamento', ['actividadCodigo', 'departamentoCodigo', 'modalidad'])
@Index('ix_resumen_departamento', ['departamentoCodigo'])
export class ResumenDepartamento {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_departamento',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @Column({ name: 'departamento_codigo', type: 'varchar', length: 2, nullable: true })
  departamentoCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}

/** Attendances by activity, group and modality: for questions about groups without territory. */
@Entity('resumen_grupo')
@Unique('uq_resumen_grupo', ['actividadCodigo', 'grupoDeValorCodigo', 'modalidad'])
export class ResumenGrupo {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_grupo',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}

/**
 * Attendances by activity, department, group and modality: for questions
 * about a department and a group that keep the activity (a breakdown by
 * activity, ally or channel), sought by department and group.
 */
@Entity('resumen_departamento_grupo')
@Unique('uq_resumen_departamento_grupo', [
  'actividadCodigo',
  'departamentoCodigo',
  'grupoDeValorCodigo',
  'modalidad',
])
@Index('ix_resumen_departamento_grupo', ['departamentoCodigo', 'grupoDeValorCodigo'])
export class ResumenDepartamentoGrupo {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_departamento_grupo',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @Column({ name: 'departamento_codigo', type: 'varchar', length: 2, nullable: true })
  departamentoCodigo!: string | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}

/**
 * Attendances by subregion, department, activity, group and modality: a
 * subregion's records placed in its municipalities (in each department it
 * spans), for questions about a subregion without a municipality, sought by
 * subregion. Kept by triggers on
 * resumen_asistencia and on the subregions' municipalities (a municipality
 * added to or taken from a subregion takes its records along); the key is
 * NULLS NOT DISTINCT in the migration.
 */
@Entity('resumen_subregion')
@Unique('uq_resumen_subregion', [
  'subregionCodigo',
  'departamentoCodigo',
  'actividadCodigo',
  'grupoDeValorCodigo',
  'modalidad',
])
export class ResumenSubregion {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_resumen_subregion',
  })
  id!: string;

  @Column({ name: 'subregion_codigo', type: 'varchar', length: 40 })
  subregionCodigo!: string;

  @Column({ name: 'departamento_codigo', type: 'varchar', length: 2 })
  departamentoCodigo!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'bigint' })
  asistencias!: string;
}
