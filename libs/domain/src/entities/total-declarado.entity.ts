import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { CALIFICADORES, Calificador } from '../calificador';
import { METRICAS_DECLARADAS, MetricaDeclarada, sqlIn } from '../vocabularios';
import { Actividad } from './actividad.entity';
import { Importacion } from './importacion.entity';
import { Ciclo } from './ciclo.entity';
import { GrupoDeValor } from './grupo-de-valor.entity';
import { Territorio } from './territorio.entity';

/**
 * A figure declared for an activity or a whole cycle when there is no person
 * list behind it ("más de 300 asistentes presenciales"), as of a cut-off date.
 * The unique constraint is NULLS NOT DISTINCT in the migration: one figure per
 * activity or cycle, metric, date, territory and group, with or without the
 * optional territory and group.
 */
@Entity('total_declarado')
@Check('ck_total_declarado_objeto', 'num_nonnulls(actividad_codigo, ciclo_codigo) = 1')
@Check('ck_total_declarado_metrica', `metrica IN ${sqlIn(Object.keys(METRICAS_DECLARADAS))}`)
@Check('ck_total_declarado_calificador', `calificador IN ${sqlIn(CALIFICADORES)}`)
@Check('ck_total_declarado_valor', 'valor >= 0')
@Unique('uq_total_declarado', [
  'actividadCodigo',
  'cicloCodigo',
  'metrica',
  'fechaCorte',
  'territorioCodigo',
  'grupoDeValorCodigo',
])
export class TotalDeclarado {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_total_declarado',
  })
  id!: string;

  @Column({ name: 'actividad_codigo', type: 'varchar', length: 40, nullable: true })
  actividadCodigo!: string | null;

  @ManyToOne(() => Actividad, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({
    name: 'actividad_codigo',
    foreignKeyConstraintName: 'fk_total_declarado_actividad',
  })
  actividad!: Relation<Actividad> | null;

  @Column({ name: 'ciclo_codigo', type: 'varchar', length: 40, nullable: true })
  cicloCodigo!: string | null;

  @ManyToOne(() => Ciclo, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'ciclo_codigo', foreignKeyConstraintName: 'fk_total_declarado_ciclo' })
  ciclo!: Relation<Ciclo> | null;

  @Column({ type: 'varchar', length: 40 })
  metrica!: MetricaDeclarada;

  @Column({ type: 'bigint' })
  valor!: string;

  @Column({ type: 'varchar', length: 12 })
  calificador!: Calificador;

  @Column({ name: 'fecha_corte', type: 'date' })
  fechaCorte!: string;

  @Column({ name: 'territorio_codigo', type: 'varchar', length: 5, nullable: true })
  territorioCodigo!: string | null;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'territorio_codigo',
    foreignKeyConstraintName: 'fk_total_declarado_territorio',
  })
  territorio!: Relation<Territorio> | null;

  @Column({ name: 'grupo_de_valor_codigo', type: 'varchar', length: 40, nullable: true })
  grupoDeValorCodigo!: string | null;

  @ManyToOne(() => GrupoDeValor, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'grupo_de_valor_codigo',
    foreignKeyConstraintName: 'fk_total_declarado_grupo',
  })
  grupoDeValor!: Relation<GrupoDeValor> | null;

  /** Where the figure comes from ("DNP (2023), Estrategia Juntos por el Territorio"). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  fuente!: string | null;

  /** The import that brought this row; null for the reference data. */
  @Column({ name: 'importacion_id', type: 'bigint', nullable: true })
  importacionId!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'importacion_id',
    foreignKeyConstraintName: 'fk_total_declarado_importacion',
  })
  importacion!: Relation<Importacion> | null;
}
