import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A login: the cookie carries a random secret, the table only its SHA-256. */
@Entity('sesion')
@Index('ix_sesion_usuario', ['usuarioId'])
export class Sesion {
  @PrimaryColumn({ name: 'hash', type: 'char', length: 64, primaryKeyConstraintName: 'pk_sesion' })
  hash!: string;

  @Column({ name: 'usuario_id', type: 'bigint' })
  usuarioId!: string;

  @CreateDateColumn({ name: 'creada_en', type: 'timestamptz' })
  creadaEn!: Date;

  @Column({ name: 'expira_en', type: 'timestamptz' })
  expiraEn!: Date;
}
