import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Rol, ROLES } from '../roles';

/** A script's credential: shown once, kept as its SHA-256, revocable. */
@Entity('token_api')
@Unique('uq_token_api_hash', ['hash'])
@Check('ck_token_api_rol', `rol IN (${ROLES.map((r) => `'${r}'`).join(', ')})`)
export class TokenApi {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_token_api',
  })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  nombre!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 16 })
  rol!: Rol;

  @Column({ type: 'varchar', length: 2, array: true, nullable: true })
  departamentos!: string[] | null;

  /** The user who created it. */
  @Column({ name: 'creado_por', type: 'varchar', length: 60 })
  creadoPor!: string;

  @CreateDateColumn({ name: 'creado_en', type: 'timestamptz' })
  creadoEn!: Date;

  @Column({ name: 'ultimo_uso', type: 'timestamptz', nullable: true })
  ultimoUso!: Date | null;

  @Column({ name: 'revocado_en', type: 'timestamptz', nullable: true })
  revocadoEn!: Date | null;
}
