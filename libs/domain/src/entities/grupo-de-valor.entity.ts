import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A beneficiary group the strategy addresses (candidatos, equipos entrantes…). */
@Entity('grupo_de_valor')
export class GrupoDeValor {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_grupo_de_valor' })
  codigo!: string;

  @Column({ type: 'varchar', length: 120 })
  nombre!: string;
}
