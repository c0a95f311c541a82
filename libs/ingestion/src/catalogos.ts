/**
 * What validation needs to know of the database, loaded once per import:
 * activities with their periods, territories, groups, allies, types, cycles,
 * and the aliases editors taught. Each catalogue is an index from normalised
 * name to code, built here once, so that a row costs a map lookup.
 */
import {
  CatalogoAlias,
  CodigoFase,
  COLUMNA_ENTRADA_ALIAS,
  Modalidad,
  MODALIDADES,
} from '@tablero/domain';
import { EntityManager } from 'typeorm';
import { AliasConocido, Buscador, Entrada } from './nombres/buscador';
import { IndiceTerritorial } from './nombres/indice-territorial';
import { divipola, normalizar, texto, ValorDesconocido } from './valores';

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
  /** An activity's code by an alias' normalised value. */
  readonly aliasDeActividades: ReadonlyMap<string, string>;
  readonly actividadPorVideo: ReadonlyMap<string, string>;
  readonly ciclos: ReadonlyMap<string, { fase: CodigoFase; tipo: string }>;
  readonly territorios: IndiceTerritorial;
  readonly subregiones: Buscador;
  readonly gruposDeValor: Buscador;
  readonly aliados: Buscador;
  readonly tiposActividad: Buscador;
  readonly modalidades: Buscador;
}

/** The value an alias is compared by: a code with its leading zeros restored, or the normalised name. */
export function claveDeAlias(catalogo: CatalogoAlias, valor: string): string {
  const t = valor.trim();
  if (catalogo === 'territorio' && /^\d{1,5}$/.test(t) && t.length !== 3) return divipola(t);
  return normalizar(t);
}

/**
 * The activity a value names: its code (any case), or an alias. An unknown one
 * throws ValorDesconocido with `motivo` as its reason.
 */
export function buscarActividad(
  catalogos: Catalogos,
  valor: string,
  motivo: (codigo: string) => string,
): string {
  const codigo = texto(valor).toUpperCase();
  if (catalogos.actividades.has(codigo)) return codigo;
  const porAlias = catalogos.aliasDeActividades.get(normalizar(valor));
  if (porAlias) return porAlias;
  throw new ValorDesconocido('actividad', valor, motivo(codigo));
}

/** The catalogues' rows as stored: plain data, so that another thread can build the same indexes. */
export interface FuentesDeCatalogos {
  readonly actividades: readonly (ActividadConocida & { youtube: string | null })[];
  readonly ciclos: readonly { codigo: string; fase: CodigoFase; tipo: string }[];
  readonly territorios: readonly Entrada[];
  readonly subregiones: readonly Entrada[];
  readonly grupos: readonly Entrada[];
  readonly aliados: readonly Entrada[];
  readonly tipos: readonly Entrada[];
  readonly alias: readonly (AliasConocido & { catalogo: CatalogoAlias })[];
}

export async function cargarCatalogos(manager: EntityManager): Promise<Catalogos> {
  return construirCatalogos(await leerCatalogos(manager));
}

export async function leerCatalogos(manager: EntityManager): Promise<FuentesDeCatalogos> {
  // One query after another: they share the import's connection.
  return {
    actividades: await manager.query(
      `SELECT codigo, fase_codigo AS fase, tipo_codigo AS tipo, fecha_inicio::text AS "fechaInicio",
              fecha_fin::text AS "fechaFin", modalidad, youtube_video_id AS youtube FROM actividad`,
    ),
    ciclos: await manager.query(
      'SELECT codigo, fase_codigo AS fase, tipo_codigo AS tipo FROM ciclo',
    ),
    territorios: await manager.query('SELECT codigo, nombre FROM territorio'),
    subregiones: await manager.query('SELECT codigo, nombre FROM subregion'),
    grupos: await manager.query('SELECT codigo, nombre FROM grupo_de_valor'),
    aliados: await manager.query('SELECT codigo, nombre, sigla FROM aliado'),
    tipos: await manager.query('SELECT codigo, nombre FROM tipo_actividad ORDER BY orden'),
    alias: await manager.query(
      `SELECT catalogo, clave, coalesce(${Object.values(COLUMNA_ENTRADA_ALIAS).join(', ')}) AS codigo
         FROM alias WHERE retirado_en IS NULL`,
    ),
  };
}

export function construirCatalogos(fuentes: FuentesDeCatalogos): Catalogos {
  const { actividades, ciclos, alias } = fuentes;
  const de = (catalogo: CatalogoAlias) => alias.filter((a) => a.catalogo === catalogo);
  return {
    actividades: new Map(actividades.map((a) => [a.codigo, a])),
    aliasDeActividades: new Map(de('actividad').map((a) => [a.clave, a.codigo])),
    actividadPorVideo: new Map(
      actividades.filter((a) => a.youtube).map((a) => [a.youtube as string, a.codigo]),
    ),
    ciclos: new Map(ciclos.map((c) => [c.codigo, { fase: c.fase, tipo: c.tipo }])),
    territorios: new IndiceTerritorial(fuentes.territorios, de('territorio')),
    subregiones: new Buscador('subregion', fuentes.subregiones, de('subregion')),
    gruposDeValor: new Buscador('grupo_de_valor', fuentes.grupos, de('grupo_de_valor')),
    aliados: new Buscador('aliado', fuentes.aliados, de('aliado')),
    tiposActividad: new Buscador('tipo_actividad', fuentes.tipos, de('tipo_actividad')),
    modalidades: new Buscador(
      'modalidad',
      MODALIDADES.map((m) => ({ codigo: m, nombre: m })),
      de('modalidad'),
    ),
  };
}
