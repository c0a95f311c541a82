import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { HITOS_PDT, CodigoHito } from '../pdt';
import { sqlIn } from '../vocabularios';
import { Importacion } from './importacion.entity';
import { Territorio } from './territorio.entity';

/** One milestone of a territorial entity's development plan: at most one of each per entity. */
@Entity('hito_pdt')
@Check('ck_hito_pdt_hito', `hito IN ${sqlIn(HITOS_PDT)}`)
export class HitoPdt {
  @PrimaryColumn({
    name: 'territorio_codigo',
    type: 'varchar',
    length: 5,
    primaryKeyConstraintName: 'pk_hito_pdt',
  })
  territorioCodigo!: string;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territorio_codigo', foreignKeyConstraintName: 'fk_hito_pdt_territorio' })
  territorio!: Relation<Territorio>;

  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_hito_pdt' })
  hito!: CodigoHito;

  @Column({ type: 'date' })
  fecha!: string;

  /** The document's reference where known: radicado number, ordenanza, acuerdo or decreto. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  referencia!: string | null;

  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importacion_id', foreignKeyConstraintName: 'fk_hito_pdt_importacion' })
  importacion!: Relation<Importacion> | null;
}
