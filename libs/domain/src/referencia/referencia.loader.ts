/**
 * Loads the built-in reference dataset (every figure of the source document)
 * in one transaction. The territories it names are DANE's, which the
 * migrations load (see territorio.ts). Rows are upserted by their key and only rewritten when a
 * value differs, so loading twice changes nothing.
 */
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  Actividad,
  Aliado,
  Ciclo,
  Fase,
  GrupoDeValor,
  Subregion,
  TipoActividad,
  TotalDeclarado,
} from '../entities';
import datos from './juntos-por-el-territorio.json';
import { Referencia, referenciaSchema } from './referencia.schema';

export const REFERENCIA: Referencia = referenciaSchema.parse(datos);

export async function cargarReferencia(
  dataSource: DataSource,
  referencia: Referencia = REFERENCIA,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const r = referencia;
    await upsert(manager, Fase, ['codigo'], r.fases);
    await upsert(manager, TipoActividad, ['codigo'], r.tiposActividad);
    await upsert(
      manager,
      Subregion,
      ['codigo'],
      r.subregiones.map(({ codigo, nombre }) => ({ codigo, nombre, tipo: 'estrategia' })),
    );
    await upsert(manager, GrupoDeValor, ['codigo'], r.gruposDeValor);
    await upsert(manager, Aliado, ['codigo'], r.aliados);
    await upsert(
      manager,
      Ciclo,
      ['codigo'],
      r.ciclos.map((c) => ({
        codigo: c.codigo,
        nombre: c.nombre,
        faseCodigo: c.fase,
        tipoCodigo: c.tipo,
        enLaFuente: c.enLaFuente ?? null,
      })),
    );
    await upsert(
      manager,
      Actividad,
      ['codigo'],
      r.actividades.map((a) => ({
        codigo: a.codigo,
        faseCodigo: a.fase,
        tipoCodigo: a.tipo,
        cicloCodigo: a.ciclo ?? null,
        titulo: a.titulo,
        fechaInicio: a.fechaInicio,
        fechaFin: a.fechaFin,
        modalidad: a.modalidad,
        canal: a.canal,
        territorioCodigo: a.territorio ?? null,
        subregionCodigo: a.subregion ?? null,
        lugar: a.lugar ?? null,
        nacional: a.nacional ?? false,
        enLaFuente: a.enLaFuente ?? null,
      })),
    );
    await link(
      manager,
      'actividad_aliado',
      ['actividad_codigo', 'aliado_codigo'],
      r.actividades.flatMap((a) => a.aliados.map((al) => [a.codigo, al])),
    );
    await link(
      manager,
      'actividad_grupo_de_valor',
      ['actividad_codigo', 'grupo_de_valor_codigo'],
      r.actividades.flatMap((a) => a.gruposDeValor.map((g) => [a.codigo, g])),
    );
    // After the activities: a subregion's new municipalities take the summaries' turn, which an import of
    // activities takes after locking their rows; one order, no deadlock.
    await link(
      manager,
      'subregion_territorio',
      ['subregion_codigo', 'territorio_codigo'],
      r.subregiones.flatMap((s) => s.territorios.map((t) => [s.codigo, t])),
    );
    await upsert(
      manager,
      TotalDeclarado,
      'uq_total_declarado',
      r.totalesDeclarados.map((t) => ({
        actividadCodigo: t.actividad ?? null,
        cicloCodigo: t.ciclo ?? null,
        metrica: t.metrica,
        valor: String(t.valor),
        calificador: t.calificador,
        fechaCorte: r.fechaCorte,
        territorioCodigo: null,
        grupoDeValorCodigo: t.grupoDeValor ?? null,
        fuente: r.fuente,
      })),
    );
  });
}

/** True when the database holds no phase yet, i.e. nothing has ever been loaded. */
export async function estaVacia(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Fase).count()) === 0;
}

async function upsert<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  /** Key properties, or the name of the unique constraint to match on. */
  conflict: string[] | string,
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const keyColumns = Array.isArray(conflict)
    ? conflict.map((p) => metadata.findColumnWithPropertyName(p)!.databaseName)
    : [];
  const overwrite = [
    ...new Set(
      metadata.columns
        .filter((c) => !c.isGenerated && !keyColumns.includes(c.databaseName))
        .map((c) => c.databaseName),
    ),
  ];
  await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as T[])
    .orUpdate(overwrite, Array.isArray(conflict) ? keyColumns : conflict, {
      skipUpdateIfNoValuesChanged: true,
    })
    .updateEntity(false)
    .execute();
}

/** Adds the rows of a many-to-many table that are missing. */
async function link(
  manager: EntityManager,
  table: string,
  columns: [string, string],
  pairs: string[][],
): Promise<void> {
  if (pairs.length === 0) return;
  await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT * FROM unnest($1::varchar[], $2::varchar[])
     ON CONFLICT DO NOTHING`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}
