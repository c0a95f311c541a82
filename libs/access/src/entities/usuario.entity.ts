import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Rol, ROLES } from '../roles';

/** A local account. The password is kept only as an argon2id hash. */
@Entity('usuario')
@Unique('uq_usuario_nombre', ['nombre'])
@Check('ck_usuario_rol', `rol IN (${ROLES.map((r) => `'${r}'`).join(', ')})`)
export class Usuario {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_usuario',
  })
  id!: string;

  /** The login name, lower case. */
  @Column({ type: 'varchar', length: 60 })
  nombre!: string;

  @Column({ name: 'clave_hash', type: 'text' })
  claveHash!: string;

  @Column({ type: 'varchar', length: 16 })
  rol!: Rol;

  /** DIVIPOLA codes of the departments the user's figures are limited to; null for the whole country. */
  @Column({ type: 'varchar', length: 2, array: true, nullable: true })
  departamentos!: string[] | null;

  @Column({ type: 'boolean', default: true })
  activo!: boolean;

  @CreateDateColumn({ name: 'creado_en', type: 'timestamptz' })
  creadoEn!: Date;
}
