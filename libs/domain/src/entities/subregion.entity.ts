import { Check, Column, Entity, JoinTable, ManyToMany, PrimaryColumn, Relation } from 'typeorm';
import { sqlIn, TIPOS_SUBREGION, TipoSubregion } from '../vocabularios';
import { Territorio } from './territorio.entity';

/** A named set of municipalities or departments ("Bajo Cauca", PDET "Catatumbo"). */
@Entity('subregion')
@Check('ck_subregion_tipo', `tipo IN ${sqlIn(Object.keys(TIPOS_SUBREGION))}`)
export class Subregion {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_subregion' })
  codigo!: string;

  @Column({ type: 'varchar', length: 120 })
  nombre!: string;

  @Column({ type: 'varchar', length: 12 })
  tipo!: TipoSubregion;

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
