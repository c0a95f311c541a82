import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { CatalogoAlias } from '../vocabularios';
import { Importacion } from './importacion.entity';

/** A row of an imported file that was not accepted, and why. Personal values are masked. */
@Entity('importacion_rechazo')
@Index('ix_importacion_rechazo_importacion', ['importacionId', 'fila'])
export class ImportacionRechazo {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_importacion_rechazo',
  })
  id!: string;

  @Column({ name: 'importacion_id', type: 'bigint' })
  importacionId!: string;

  @ManyToOne(() => Importacion, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'importacion_id',
    foreignKeyConstraintName: 'fk_importacion_rechazo_importacion',
  })
  importacion!: Relation<Importacion>;

  /** The row number as the person sees it in the file (the header is row 1). */
  @Column({ type: 'integer' })
  fila!: number;

  @Column({ type: 'varchar', length: 80, nullable: true })
  columna!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  valor!: string | null;

  @Column({ type: 'text' })
  motivo!: string;

  /** For a value the catalogue did not know: which catalogue, so that an editor can map it. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  catalogo!: CatalogoAlias | null;

  /** That value exactly (one ally of a list), as written. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  desconocido!: string | null;
}
