import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  Relation,
  Unique,
} from 'typeorm';
import { CodigoFase, MODALIDADES, Modalidad, sqlIn } from '../vocabularios';
import { Aliado } from './aliado.entity';
import { Ciclo } from './ciclo.entity';
import { EnLaFuente } from './en-la-fuente';
import { Fase } from './fase.entity';
import { GrupoDeValor } from './grupo-de-valor.entity';
import { Subregion } from './subregion.entity';
import { TipoActividad } from './tipo-actividad.entity';
import { Territorio } from './territorio.entity';

/** One webinar, course, event, workshop, session, assistance or publication. */
@Entity('actividad')
@Check('ck_actividad_fechas', 'fecha_fin >= fecha_inicio')
@Check('ck_actividad_modalidad', `modalidad IN ${sqlIn(MODALIDADES)}`)
@Check('ck_actividad_lugar', 'num_nonnulls(territorio_codigo, subregion_codigo) <= 1')
@Check(
  'ck_actividad_nacional',
  'NOT nacional OR (territorio_codigo IS NULL AND subregion_codigo IS NULL)',
)
@Check('ck_actividad_youtube', `youtube_video_id ~ '^[A-Za-z0-9_-]{11}$'`)
@Unique('uq_actividad_youtube_video', ['youtubeVideoId'])
@Index('ix_actividad_fase_tipo', ['faseCodigo', 'tipoCodigo'])
@Index('ix_actividad_ciclo', ['cicloCodigo'])
export class Actividad {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_actividad' })
  codigo!: string;

  @Column({ name: 'fase_codigo', type: 'varchar', length: 3 })
  faseCodigo!: CodigoFase;

  @ManyToOne(() => Fase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fase_codigo', foreignKeyConstraintName: 'fk_actividad_fase' })
  fase!: Relation<Fase>;

  @Column({ name: 'tipo_codigo', type: 'varchar', length: 40 })
  tipoCodigo!: string;

  @ManyToOne(() => TipoActividad, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tipo_codigo', foreignKeyConstraintName: 'fk_actividad_tipo' })
  tipo!: Relation<TipoActividad>;

  @Column({ name: 'ciclo_codigo', type: 'varchar', length: 40, nullable: true })
  cicloCodigo!: string | null;

  @ManyToOne(() => Ciclo, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ciclo_codigo', foreignKeyConstraintName: 'fk_actividad_ciclo' })
  ciclo!: Relation<Ciclo> | null;

  /** The title, or for a webinar its topic. */
  @Column({ type: 'text' })
  titulo!: string;

  @Column({ name: 'fecha_inicio', type: 'date' })
  fechaInicio!: string;

  @Column({ name: 'fecha_fin', type: 'date' })
  fechaFin!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  modalidad!: Modalidad | null;

  /** YouTube Live, Microsoft Teams, Google Meet, presencial, sitio web… */
  @Column({ type: 'varchar', length: 60, nullable: true })
  canal!: string | null;

  @Column({ name: 'youtube_video_id', type: 'varchar', length: 11, nullable: true })
  youtubeVideoId!: string | null;

  @Column({ name: 'territorio_codigo', type: 'varchar', length: 5, nullable: true })
  territorioCodigo!: string | null;

  @ManyToOne(() => Territorio, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'territorio_codigo', foreignKeyConstraintName: 'fk_actividad_territorio' })
  territorio!: Relation<Territorio> | null;

  @Column({ name: 'subregion_codigo', type: 'varchar', length: 40, nullable: true })
  subregionCodigo!: string | null;

  @ManyToOne(() => Subregion, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'subregion_codigo', foreignKeyConstraintName: 'fk_actividad_subregion' })
  subregion!: Relation<Subregion> | null;

  /** The place in words when it is not one territory ("Ibagué (Tolima)", "todo el país"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lugar!: string | null;

  /** Held across the whole country ("cubriendo todo el territorio nacional"): national coverage, no one place. */
  @Column({ type: 'boolean', default: false })
  nacional!: boolean;

  /** Where the source says less than these fields: its date in its words, or no date or count. */
  @Column({ name: 'en_la_fuente', type: 'jsonb', nullable: true })
  enLaFuente!: EnLaFuente | null;

  @ManyToMany(() => Aliado)
  @JoinTable({
    name: 'actividad_aliado',
    joinColumn: {
      name: 'actividad_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_actividad_aliado_actividad',
    },
    inverseJoinColumn: {
      name: 'aliado_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_actividad_aliado_aliado',
    },
  })
  aliados!: Relation<Aliado>[];

  @ManyToMany(() => GrupoDeValor)
  @JoinTable({
    name: 'actividad_grupo_de_valor',
    joinColumn: {
      name: 'actividad_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_actividad_grupo_actividad',
    },
    inverseJoinColumn: {
      name: 'grupo_de_valor_codigo',
      referencedColumnName: 'codigo',
      foreignKeyConstraintName: 'fk_actividad_grupo_grupo',
    },
  })
  gruposDeValor!: Relation<GrupoDeValor>[];
}
