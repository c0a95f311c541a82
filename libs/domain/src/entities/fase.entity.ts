import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { CodigoFase, FASES, sqlIn } from '../vocabularios';

@Entity('fase')
@Check('ck_fase_codigo', `codigo IN ${sqlIn(FASES)}`)
@Check('ck_fase_periodo', 'fin IS NULL OR fin >= inicio')
export class Fase {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'pk_fase' })
  codigo!: CodigoFase;

  @Column({ type: 'varchar', length: 120 })
  nombre!: string;

  @Column({ type: 'text' })
  objetivo!: string;

  @Column({ type: 'date' })
  inicio!: string;

  @Column({ type: 'date', nullable: true })
  fin!: string | null;

  /** The period as the source document states it ("abril a finales de julio de 2023"). */
  @Column({ type: 'varchar', length: 200 })
  periodo!: string;
}
