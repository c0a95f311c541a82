import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { CATEGORIAS_ALIADO, CategoriaAliado, sqlIn } from '../vocabularios';

/** An allied entity that co-organises activities with DNP. */
@Entity('aliado')
@Check('ck_aliado_categoria', `categoria IN ${sqlIn(Object.keys(CATEGORIAS_ALIADO))}`)
export class Aliado {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_aliado' })
  codigo!: string;

  @Column({ type: 'varchar', length: 200 })
  nombre!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  sigla!: string | null;

  @Column({ type: 'varchar', length: 40 })
  categoria!: CategoriaAliado;
}
