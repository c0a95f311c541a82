import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CodigoFase } from '../vocabularios';
import { EnLaFuente } from './en-la-fuente';
import { Fase } from './fase.entity';
import { TipoActividad } from './tipo-actividad.entity';

/**
 * A series of activities of one type whose figures are often reported only as
 * a whole: "6 webinars, 11.991 views", "38 talleres, 3.715 participantes".
 */
@Entity('ciclo')
export class Ciclo {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_ciclo' })
  codigo!: string;

  @Column({ name: 'fase_codigo', type: 'varchar', length: 3 })
  faseCodigo!: CodigoFase;

  @ManyToOne(() => Fase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fase_codigo', foreignKeyConstraintName: 'fk_ciclo_fase' })
  fase!: Relation<Fase>;

  @Column({ name: 'tipo_codigo', type: 'varchar', length: 40 })
  tipoCodigo!: string;

  @ManyToOne(() => TipoActividad, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tipo_codigo', foreignKeyConstraintName: 'fk_ciclo_tipo' })
  tipo!: Relation<TipoActividad>;

  @Column({ type: 'varchar', length: 200 })
  nombre!: string;

  /** Where the source says less than its activities' fields: its date in its words. */
  @Column({ name: 'en_la_fuente', type: 'jsonb', nullable: true })
  enLaFuente!: EnLaFuente | null;
}
