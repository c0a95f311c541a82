/**
 * The department limit on writes: a principal limited to departments imports
 * only rows that lie in them, and no national kind. Checked once per import,
 * over the staged rows, so that every kind and every way a row names its
 * territory go through the same rule.
 */
import { TipoImportacionCodigo } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { enElTramo, Tramo } from './tipos/tipo-importacion';

interface TerritorioDeLaFila {
  /** The column a person reads in the rejection. */
  readonly columna: string;
  /** The row's DIVIPOLA code (department or municipality) in SQL over `stage s`; NULL when the row names none. */
  readonly sql: string;
}

/** Where each kind's staged row lies; null for a national kind, which a limited principal cannot import. */
const TERRITORIO_DE_LA_FILA: Readonly<Record<TipoImportacionCodigo, TerritorioDeLaFila | null>> = {
  // An attendance without a municipality counts where its activity took place.
  asistencias: {
    columna: 'codigo_municipio',
    sql: `coalesce(s.municipio_codigo,
                   (SELECT a.territorio_codigo FROM actividad a WHERE a.codigo = s.actividad_codigo))`,
  },
  certificados: { columna: 'codigo_municipio', sql: 's.municipio_codigo' },
  totales: { columna: 'codigo_territorio', sql: 's.territorio_codigo' },
  hitos_pdt: { columna: 'codigo_entidad', sql: 's.territorio_codigo' },
  asistencias_tecnicas: { columna: 'codigo_entidad', sql: 's.territorio_codigo' },
  actividades: null,
  vistas: null,
  territorios: null,
};

/** A national kind asked by a department-limited principal. */
export class ImportacionNacional extends Error {
  constructor(tipo: TipoImportacionCodigo, departamentos: readonly string[]) {
    super(
      `Las importaciones de ${tipo} son nacionales y su usuario está limitado a los departamentos ` +
        `${departamentos.join(', ')}: pídala a un usuario sin límite de departamentos.`,
    );
    this.name = 'ImportacionNacional';
  }
}

/** Refuses a national kind to a limited principal, before anything is read. */
export function comprobarTipoEnAlcance(
  tipo: TipoImportacionCodigo,
  departamentos: readonly string[] | null,
): void {
  if (departamentos && !TERRITORIO_DE_LA_FILA[tipo])
    throw new ImportacionNacional(tipo, departamentos);
}

/** Rejects, among the valid staged rows, those outside the principal's departments or placed nowhere. */
export async function rechazarFueraDeSusDepartamentos(
  queryRunner: QueryRunner,
  tipo: TipoImportacionCodigo,
  departamentos: readonly string[],
  tramo?: Tramo,
): Promise<void> {
  const territorio = TERRITORIO_DE_LA_FILA[tipo];
  if (!territorio) throw new ImportacionNacional(tipo, departamentos);
  const lista = departamentos.join(', ');
  // One pass over the table, no self-join: joined, a chunk's rows looked few enough to the
  // planner (a temporary table has no statistics) for a nested loop over all of them.
  const codigo = territorio.sql;
  await queryRunner.query(
    `UPDATE stage s
        SET errores = jsonb_build_array(jsonb_build_object('columna', $2::text, 'valor', ${codigo}, 'motivo',
              CASE WHEN ${codigo} IS NULL THEN $3::text
                   ELSE 'el territorio ' || ${codigo} || ' está fuera de sus departamentos (' || $4::text || ')' END))
      WHERE s.errores IS NULL AND ${enElTramo(tramo, 's')}
        AND (${codigo} IS NULL OR NOT left(${codigo}, 2) = ANY ($1::text[]))`,
    [
      departamentos,
      territorio.columna,
      `la fila no dice en qué territorio está, y su usuario solo importa filas de sus departamentos (${lista})`,
      lista,
    ],
  );
}
