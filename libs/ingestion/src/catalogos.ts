/**
 * What validation needs to know of the database, loaded once per import:
 * activities with their periods, territories, groups, allies, types, cycles.
 * Names and codes are looked up without case or accents.
 */
import { CodigoFase, Modalidad, NivelTerritorio } from '@tablero/domain';
import { EntityManager } from 'typeorm';
import { normalizar } from './valores';

export interface ActividadConocida {
  readonly codigo: string;
  readonly fase: CodigoFase;
  readonly tipo: string;
  readonly fechaInicio: string;
  readonly fechaFin: string;
  readonly modalidad: Modalidad | null;
}

export interface Catalogos {
  readonly actividades: ReadonlyMap<string, ActividadConocida>;
  readonly actividadPorVideo: ReadonlyMap<string, string>;
  readonly ciclos: ReadonlyMap<string, { fase: CodigoFase; tipo: string }>;
  readonly territorios: ReadonlyMap<string, NivelTerritorio>;
  readonly subregiones: Buscador;
  readonly gruposDeValor: Buscador;
  readonly aliados: Buscador;
  readonly tiposActividad: Buscador;
}

/** Finds a code by the code itself, a name or an acronym. */
export class Buscador {
  private readonly porClave = new Map<string, string>();

  constructor(
    readonly codigos: readonly string[],
    claves: [string, string][],
  ) {
    for (const [clave, codigo] of claves) this.porClave.set(normalizar(clave), codigo);
  }

  buscar(texto: string): string | undefined {
    return this.porClave.get(normalizar(texto));
  }
}

interface Fila {
  codigo: string;
  nombre: string;
  sigla?: string | null;
}

export async function cargarCatalogos(manager: EntityManager): Promise<Catalogos> {
  // One query after another: they share the import's connection.
  const actividades = await manager.query<(ActividadConocida & { youtube: string | null })[]>(
    `SELECT codigo, fase_codigo AS fase, tipo_codigo AS tipo, fecha_inicio::text AS "fechaInicio",
            fecha_fin::text AS "fechaFin", modalidad, youtube_video_id AS youtube FROM actividad`,
  );
  const ciclos = await manager.query<{ codigo: string; fase: CodigoFase; tipo: string }[]>(
    'SELECT codigo, fase_codigo AS fase, tipo_codigo AS tipo FROM ciclo',
  );
  const territorios = await manager.query<{ codigo: string; nivel: NivelTerritorio }[]>(
    'SELECT codigo, nivel FROM territorio',
  );
  const subregiones = await manager.query<Fila[]>('SELECT codigo, nombre FROM subregion');
  const grupos = await manager.query<Fila[]>('SELECT codigo, nombre FROM grupo_de_valor');
  const aliados = await manager.query<Fila[]>('SELECT codigo, nombre, sigla FROM aliado');
  const tipos = await manager.query<Fila[]>(
    'SELECT codigo, nombre FROM tipo_actividad ORDER BY orden',
  );
  const buscador = (filas: Fila[]) =>
    new Buscador(
      filas.map((f) => f.codigo),
      filas.flatMap((f): [string, string][] => [
        [f.codigo, f.codigo],
        [f.nombre, f.codigo],
        ...(f.sigla ? [[f.sigla, f.codigo] as [string, string]] : []),
      ]),
    );
  return {
    actividades: new Map(actividades.map((a) => [a.codigo, a])),
    actividadPorVideo: new Map(
      actividades.filter((a) => a.youtube).map((a) => [a.youtube as string, a.codigo]),
    ),
    ciclos: new Map(ciclos.map((c) => [c.codigo, { fase: c.fase, tipo: c.tipo }])),
    territorios: new Map(territorios.map((t) => [t.codigo, t.nivel])),
    subregiones: buscador(subregiones),
    gruposDeValor: buscador(grupos),
    aliados: buscador(aliados),
    tiposActividad: buscador(tipos),
  };
}
