import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A figure leadership follows against a target; `metrica` names it in the metrics catalogue. */
@Entity('indicador')
export class Indicador {
  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_indicador' })
  codigo!: string;

  @Column({ type: 'varchar', length: 200 })
  nombre!: string;

  @Column({ type: 'varchar', length: 60 })
  metrica!: string;

  @Column({ type: 'varchar', length: 40 })
  unidad!: string;
}
