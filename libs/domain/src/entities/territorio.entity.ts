import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import {
  CATEGORIAS_MUNICIPIO,
  CategoriaMunicipio,
  NIVELES_TERRITORIO,
  NivelTerritorio,
  sqlIn,
} from '../vocabularios';

/** A department (2-digit DANE DIVIPOLA code) or a municipality (5 digits). */
@Entity('territorio')
@Check('ck_territorio_nivel', `nivel IN ${sqlIn(NIVELES_TERRITORIO)}`)
@Check('ck_territorio_categoria', `categoria IN ${sqlIn(CATEGORIAS_MUNICIPIO)}`)
@Check(
  'ck_territorio_codigo',
  `(nivel = 'departamento' AND codigo ~ '^[0-9]{2}$' AND departamento_codigo = codigo)` +
    ` OR (nivel = 'municipio' AND codigo ~ '^[0-9]{5}$' AND departamento_codigo = left(codigo, 2))`,
)
export class Territorio {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'pk_territorio' })
  codigo!: string;

  @Column({ type: 'varchar', length: 120 })
  nombre!: string;

  @Column({ type: 'varchar', length: 12 })
  nivel!: NivelTerritorio;

  /** DANE's type of a municipality: Municipio, Isla, Área no municipalizada. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  tipo!: string | null;

  /** A municipality's category (Ley 617 de 2000), where known. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  categoria!: CategoriaMunicipio | null;

  @Column({ name: 'departamento_codigo', type: 'varchar', length: 2 })
  departamentoCodigo!: string;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'departamento_codigo',
    foreignKeyConstraintName: 'fk_territorio_departamento',
  })
  departamento!: Relation<Territorio>;
}
