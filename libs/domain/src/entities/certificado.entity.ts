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
import { ASPIRACIONES, Aspiracion, sqlIn } from '../vocabularios';
import { Actividad } from './actividad.entity';
import { Importacion } from './importacion.entity';
import { Territorio } from './territorio.entity';

/** One person certified by a course; the person is a keyed hash only. */
@Entity('certificado')
@Unique('uq_certificado_persona', ['actividadCodigo', 'personaClave'])
@Check('ck_certificado_aspiracion', `aspiracion IN ${sqlIn(ASPIRACIONES)}`)
export class Certificado {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_certificado',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40 })
  actividadCodigo!: string;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actividad_codigo', foreignKeyConstraintName: 'fk_certificado_actividad' })
  actividad!: Relation<Actividad>;

  @Column({ name: 'persona_clave', type: 'bytea' })
  personaClave!: Buffer;

  @Column({ name: 'municipio_codigo', type: 'varchar', length: 5, nullable: true })
  municipioCodigo!: string | null;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'municipio_codigo', foreignKeyConstraintName: 'fk_certificado_municipio' })
  municipio!: Relation<Territorio> | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  aspiracion!: Aspiracion | null;

  @Column({ name: 'fecha_certificacion', type: 'date' })
  fechaCertificacion!: string;

  /** The import that brought this row; null for the reference data. */
  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importacion_id', foreignKeyConstraintName: 'fk_certificado_importacion' })
  importacion!: Relation<Importacion> | null;
}
