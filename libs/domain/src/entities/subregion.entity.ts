import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn, Relation } from 'typeorm';
import { Territorio } from './territorio.entity';

/** A named set of municipalities or departments ("Bajo Cauca", "Catatumbo"). */
@Entity('subregion')
export class Subregion {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_subregion' })
  codigo!: string;

  @Column({ type: 'varchar', length: 120 })
  nombre!: string;

  @ManyToMany(() => Territorio)
  @JoinTable({
    name: 'subregion_territorio',
    joinColumn: {
      name: 'subregion_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_subregion_territorio_subregion',
    },
    inverseJoinColumn: {
      name: 'territorio_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_subregion_territorio_territorio',
    },
  })
  territorios!: Relation<Territorio>[];
}
