import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CodigoFase } from '../vocabularios';
import { Fase } from './fase.entity';
import { Indicador } from './indicador.entity';

/** The target of an indicator in a phase. */
@Entity('meta')
@Check('ck_meta_valor', 'valor >= 0')
export class Meta {
  @PrimaryColumn({
    name: 'indicador_codigo',
    type: 'varchar',
    length: 60,
    primaryKeyConstraintName: 'pk_meta',
  })
  indicadorCodigo!: string;

  @ManyToOne(() => Indicador, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicador_codigo', foreignKeyConstraintName: 'fk_meta_indicador' })
  indicador!: Relation<Indicador>;

  @PrimaryColumn({
    name: 'fase_codigo',
    type: 'varchar',
    length: 3,
    primaryKeyConstraintName: 'pk_meta',
  })
  faseCodigo!: CodigoFase;

  @ManyToOne(() => Fase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fase_codigo', foreignKeyConstraintName: 'fk_meta_fase' })
  fase!: Relation<Fase>;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  valor!: string;
}
