import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { sqlIn, TIPOS_IMPORTACION, TipoImportacionCodigo } from '../vocabularios';

/** One file loaded: who, when, what, and how many of its rows landed. */
@Entity('importacion')
@Check('ck_importacion_tipo', `tipo IN ${sqlIn(TIPOS_IMPORTACION)}`)
export class Importacion {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_importacion',
  })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  tipo!: TipoImportacionCodigo;

  /**
   * csv, xlsx, the tool whose export was recognised (youtube, teams, meet,
   * google_forms), or reintento for a re-run of another import's rejected rows.
   */
  @Column({ type: 'varchar', length: 30 })
  formato!: string;

  @Column({ name: 'archivo_nombre', type: 'varchar', length: 255 })
  archivoNombre!: string;

  @Column({ name: 'archivo_bytes', type: 'bigint' })
  archivoBytes!: string;

  @Column({ name: 'archivo_sha256', type: 'char', length: 64 })
  archivoSha256!: string;

  @Column({ type: 'varchar', length: 120 })
  usuario!: string;

  /**
   * The departments the importer was limited to, and so every row landed in;
   * null for a national import. A department-limited user sees only imports
   * within their own departments.
   */
  @Column({ type: 'varchar', length: 2, array: true, nullable: true })
  departamentos!: string[] | null;

  @CreateDateColumn({ name: 'creada_en', type: 'timestamptz' })
  creadaEn!: Date;

  /** The options given: activity, cut-off date. */
  @Column({ type: 'jsonb', default: {} })
  opciones!: Record<string, string>;

  @Column({ name: 'filas_leidas', type: 'integer', default: 0 })
  filasLeidas!: number;

  @Column({ type: 'integer', default: 0 })
  aceptadas!: number;

  @Column({ type: 'integer', default: 0 })
  actualizadas!: number;

  @Column({ type: 'integer', default: 0 })
  duplicadas!: number;

  @Column({ type: 'integer', default: 0 })
  rechazadas!: number;

  /** Rows that are not data, such as the "Total" row of a YouTube export. */
  @Column({ type: 'integer', default: 0 })
  omitidas!: number;

  /** Accepted rows read with a note (importacion_aviso). */
  @Column({ type: 'integer', default: 0 })
  avisos!: number;

  /** For a re-run: the import whose rejected rows it ran again. */
  @Column({ name: 'reintento_de', type: 'bigint', nullable: true })
  reintentoDe!: string | null;

  @ManyToOne(() => Importacion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reintento_de', foreignKeyConstraintName: 'fk_importacion_reintento_de' })
  original!: Relation<Importacion> | null;
}
