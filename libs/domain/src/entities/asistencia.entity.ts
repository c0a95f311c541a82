import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { MODALIDADES_ASISTENCIA, ModalidadAsistencia, sqlIn } from '../vocabularios';
import { Actividad } from './actividad.entity';
import { Importacion } from './importacion.entity';
import { GrupoDeValor } from './grupo-de-valor.entity';
import { Territorio } from './territorio.entity';

/** One person's attendance at one activity; the person is a keyed hash, never a name or a number. */
@Entity('asistencia')
@Unique('uq_asistencia_persona', ['actividadCodigo', 'personaClave'])
@Check('ck_asistencia_modalidad', `modalidad IN ${sqlIn(MODALIDADES_ASISTENCIA)}`)
export class Asistencia {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_asistencia',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actividad_codigo', foreignKeyConstraintName: 'fk_asistencia_actividad' })
  actividad!: Relation<Actividad>;

  /** HMAC-SHA256 of the normalised document type and number (or e-mail). */
  @Column({ name: 'persona_clave', type: 'bytea' })
  personaClave!: Buffer;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: ModalidadAsistencia;

  @Column({ type: 'date', nullable: true })
  fecha!: string | null;

  @Column({ name: 'municipio_codigo', type: 'varchar', length: 5, nullable: true })
  municipioCodigo!: string | null;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'municipio_codigo', foreignKeyConstraintName: 'fk_asistencia_municipio' })
  municipio!: Relation<Territorio> | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @ManyToOne(() => GrupoDeValor, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'grupo_de_valor_codigo', foreignKeyConstraintName: 'fk_asistencia_grupo' })
  grupoDeValor!: Relation<GrupoDeValor> | null;

  /** The institution the person works for, as written in the list. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  entidad!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cargo!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  sexo!: string | null;

  /** The import that brought this row; null for the reference data. */
  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importacion_id', foreignKeyConstraintName: 'fk_asistencia_importacion' })
  importacion!: Relation<Importacion> | null;
}
