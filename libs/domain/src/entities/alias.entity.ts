import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { CATALOGOS_ALIAS, CatalogoAlias, MODALIDADES, Modalidad, sqlIn } from '../vocabularios';
import { Actividad } from './actividad.entity';
import { Aliado } from './aliado.entity';
import { GrupoDeValor } from './grupo-de-valor.entity';
import { Importacion } from './importacion.entity';
import { Subregion } from './subregion.entity';
import { Territorio } from './territorio.entity';
import { TipoActividad } from './tipo-actividad.entity';

/** The column that holds an alias's entry in each catalogue; a foreign key keeps it to an entry that exists. */
export const COLUMNA_ENTRADA_ALIAS: Readonly<Record<CatalogoAlias, string>> = {
  territorio: 'territorio_codigo',
  grupo_de_valor: 'grupo_de_valor_codigo',
  aliado: 'aliado_codigo',
  tipo_actividad: 'tipo_actividad_codigo',
  modalidad: 'modalidad',
  actividad: 'actividad_codigo',
  subregion: 'subregion_codigo',
};

/**
 * Another name for a catalogue entry, taught by an editor after an import
 * did not know it: every later import reads `valor` (compared as `clave`,
 * without case, accents or punctuation) as the entry. Retired, not deleted,
 * so that what an import read stays explained.
 */
@Entity('alias')
@Check('ck_alias_catalogo', `catalogo IN ${sqlIn(Object.keys(CATALOGOS_ALIAS))}`)
@Check('ck_alias_modalidad', `modalidad IN ${sqlIn(MODALIDADES)}`)
@Check(
  'ck_alias_entrada',
  Object.entries(COLUMNA_ENTRADA_ALIAS)
    .map(([catalogo, columna]) => `(catalogo = '${catalogo}') = (${columna} IS NOT NULL)`)
    .join(' AND '),
)
@Index('uq_alias_vigente', ['catalogo', 'clave'], { unique: true, where: 'retirado_en IS NULL' })
export class Alias {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_alias',
  })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  catalogo!: CatalogoAlias;

  /** The value as an import compares it. */
  @Column({ type: 'varchar', length: 200 })
  clave!: string;

  /** The value as it was written in the file. */
  @Column({ type: 'varchar', length: 200 })
  valor!: string;

  @Column({ name: 'territorio_codigo', type: 'varchar', length: 5, nullable: true })
  territorioCodigo!: string | null;

  @ManyToOne(() => Territorio, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'territorio_codigo', foreignKeyConstraintName: 'fk_alias_territorio' })
  territorio!: Relation<Territorio> | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @ManyToOne(() => GrupoDeValor, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'grupo_de_valor_codigo', foreignKeyConstraintName: 'fk_alias_grupo' })
  grupoDeValor!: Relation<GrupoDeValor> | null;

  @Column({ name: 'aliado_codigo', type: 'varchar', length: 40, nullable: true })
  aliadoCodigo!: string | null;

  @ManyToOne(() => Aliado, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'aliado_codigo', foreignKeyConstraintName: 'fk_alias_aliado' })
  aliado!: Relation<Aliado> | null;

  @Column({ name: 'tipo_actividad_codigo', type: 'varchar', length: 40, nullable: true })
  tipoActividadCodigo!: string | null;

  @ManyToOne(() => TipoActividad, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'tipo_actividad_codigo', foreignKeyConstraintName: 'fk_alias_tipo' })
  tipoActividad!: Relation<TipoActividad> | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  modalidad!: Modalidad | null;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40, nullable: true })
  actividadCodigo!: string | null;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'actividad_codigo', foreignKeyConstraintName: 'fk_alias_actividad' })
  actividad!: Relation<Actividad> | null;

  @Column({ name: 'subregion_codigo', type: 'varchar', length: 40, nullable: true })
  subregionCodigo!: string | null;

  @ManyToOne(() => Subregion, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'subregion_codigo', foreignKeyConstraintName: 'fk_alias_subregion' })
  subregion!: Relation<Subregion> | null;

  /** The import whose rejections it was taught from, if any. */
  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'importacion_id', foreignKeyConstraintName: 'fk_alias_importacion' })
  importacion!: Relation<Importacion> | null;

  @Column({ name: 'creado_por', type: 'varchar', length: 120 })
  creadoPor!: string;

  @CreateDateColumn({ name: 'creado_en', type: 'timestamptz' })
  creadoEn!: Date;

  @Column({ name: 'retirado_por', type: 'varchar', length: 120, nullable: true })
  retiradoPor!: string | null;

  @Column({ name: 'retirado_en', type: 'timestamptz', nullable: true })
  retiradoEn!: Date | null;
}
