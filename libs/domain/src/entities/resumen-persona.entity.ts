import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each person with attendances, and how many: kept by statement triggers on
 * asistencia in the transaction that changes it. A person's row goes when
 * her last attendance does.
 */
@Entity('resumen_persona')
export class ResumenPersona {
  @PrimaryColumn({
    name: 'persona_clave',
    type: 'bytea',
    primaryKeyConstraintName: 'pk_resumen_persona',
  })
  personaClave!: Buffer;

  @Column({ type: 'integer' })
  asistencias!: number;
}

/** The rows of resumen_persona, counted as they change: the distinct persons of all the attendances, exact. */
@Entity('total_personas')
@Check('ck_total_personas_una_fila', 'unica')
export class TotalPersonas {
  @PrimaryColumn({ type: 'boolean', default: true, primaryKeyConstraintName: 'pk_total_personas' })
  unica!: boolean;

  @Column({ type: 'bigint' })
  personas!: string;
}
