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
import { TEMAS_ASISTENCIA_TECNICA, TemaAsistenciaTecnica } from '../pdt';
import { MODALIDADES, Modalidad, sqlIn } from '../vocabularios';
import { Importacion } from './importacion.entity';
import { Territorio } from './territorio.entity';

/**
 * One technical assistance given to a territorial entity for its development
 * plan. Who gave it is "dnp" or an ally's code: the DNP is not an ally, so the
 * column has no foreign key and the import checks it.
 */
@Entity('asistencia_tecnica')
@Unique('uq_asistencia_tecnica', ['territorioCodigo', 'fecha', 'tema', 'oferente'])
@Check('ck_asistencia_tecnica_tema', `tema IN ${sqlIn(TEMAS_ASISTENCIA_TECNICA)}`)
@Check('ck_asistencia_tecnica_modalidad', `modalidad IN ${sqlIn(MODALIDADES)}`)
@Check('ck_asistencia_tecnica_horas', 'horas > 0')
@Check('ck_asistencia_tecnica_funcionarios', 'funcionarios >= 0')
export class AsistenciaTecnica {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_asistencia_tecnica',
  })
  id!: string;

  @Column({ type: 'date' })
  fecha!: string;

  @Column({ name: 'territorio_codigo', type: 'varchar', length: 5 })
  territorioCodigo!: string;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'territorio_codigo',
    foreignKeyConstraintName: 'fk_asistencia_tecnica_territorio',
  })
  territorio!: Relation<Territorio>;

  @Column({ type: 'varchar', length: 30 })
  tema!: TemaAsistenciaTecnica;

  @Column({ type: 'varchar', length: 12 })
  modalidad!: Modalidad;

  @Column({ type: 'varchar', length: 40 })
  oferente!: string;

  @Column({ type: 'numeric', precision: 6, scale: 1 })
  horas!: string;

  @Column({ type: 'integer' })
  funcionarios!: number;

  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'importacion_id',
    foreignKeyConstraintName: 'fk_asistencia_tecnica_importacion',
  })
  importacion!: Relation<Importacion> | null;
}
