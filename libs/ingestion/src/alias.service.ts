/**
 * Aliases: the names editors teach the imports for values they did not know
 * ("Mompoz" is 13468, "Remota" is virtual). An alias is taught from an
 * import's rejections, listed, and retired (kept, so that what was read with
 * it stays explained); every import after it reads the value as its entry.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CATALOGOS_ALIAS,
  CatalogoAlias,
  COLUMNA_ENTRADA_ALIAS,
  MODALIDADES,
  NOMBRES_MODALIDAD,
  TipoImportacionCodigo,
} from '@tablero/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { buscarActividad, cargarCatalogos, Catalogos, claveDeAlias } from './catalogos';
import { ValorDesconocido, ValorInvalido } from './valores';

export type CodigoAliasRechazado =
  | 'CATALOGO_DESCONOCIDO'
  | 'VALOR_INVALIDO'
  | 'ENTRADA_DESCONOCIDA'
  | 'VALOR_YA_CONOCIDO'
  | 'ALIAS_EXISTENTE'
  | 'IMPORTACION_NO_ENCONTRADA';

/** An alias that cannot be taught, with a stable code and the reason in Spanish. */
export class AliasRechazado extends Error {
  constructor(
    readonly codigo: CodigoAliasRechazado,
    mensaje: string,
  ) {
    super(mensaje);
  }
}

export interface AliasVigente {
  readonly id: string;
  readonly catalogo: CatalogoAlias;
  /** The value as it was written in the file. */
  readonly valor: string;
  /** The code of the catalogue entry the value stands for. */
  readonly entrada: string;
  /** The entry's name: "Santa Cruz de Mompox (Bolívar)". */
  readonly nombreEntrada: string;
  readonly importacionId: string | null;
  readonly creadoPor: string;
  readonly creadoEn: string;
}

export interface NuevoAlias {
  readonly catalogo: string;
  readonly valor: string;
  /** The code of the catalogue entry. */
  readonly entrada: string;
  readonly importacionId?: string;
  readonly usuario: string;
}

export interface EntradaDeCatalogo {
  readonly codigo: string;
  readonly nombre: string;
}

/** An unknown value of an import, how many of its rejections name it, and the alias that maps it now. */
export interface ValorDesconocidoDeImportacion {
  readonly catalogo: CatalogoAlias;
  readonly valor: string;
  readonly filas: number;
  readonly alias: Pick<AliasVigente, 'id' | 'entrada' | 'nombreEntrada'> | null;
}

export interface DesconocidosDeImportacion {
  readonly importacionId: string;
  readonly tipo: TipoImportacionCodigo;
  /** Rows kept to run again that no re-run has accepted yet. */
  readonly pendientes: number;
  readonly valores: readonly ValorDesconocidoDeImportacion[];
}

/** Each catalogue's entries with their names, for a person to choose from. */
const ENTRADAS: Readonly<Record<Exclude<CatalogoAlias, 'modalidad'>, string>> = {
  territorio: `SELECT t.codigo, CASE WHEN t.nivel = 'municipio' THEN t.nombre || ' (' || d.nombre || ')'
                                     ELSE t.nombre END AS nombre
                 FROM territorio t JOIN territorio d ON d.codigo = t.departamento_codigo`,
  grupo_de_valor: 'SELECT codigo, nombre FROM grupo_de_valor',
  aliado: 'SELECT codigo, nombre FROM aliado',
  tipo_actividad: 'SELECT codigo, nombre FROM tipo_actividad',
  actividad: `SELECT codigo, codigo || ' · ' || titulo AS nombre FROM actividad`,
  subregion: 'SELECT codigo, nombre FROM subregion',
};

@Injectable()
export class AliasService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The aliases in force, newest first. */
  async listar(): Promise<AliasVigente[]> {
    return this.consultar('a.retirado_en IS NULL', []);
  }

  async entradas(catalogo: string): Promise<EntradaDeCatalogo[]> {
    const c = catalogoDe(catalogo);
    if (c === 'modalidad')
      return MODALIDADES.map((m) => ({ codigo: m, nombre: NOMBRES_MODALIDAD[m] }));
    return this.dataSource.query(`SELECT * FROM (${ENTRADAS[c]}) d ORDER BY nombre, codigo`);
  }

  /**
   * Teaches a value. Refused when the value is already read as something (an
   * alias cannot override a name, only add one), when an alias for it is in
   * force, or when the entry does not exist.
   */
  async crear(nuevo: NuevoAlias): Promise<AliasVigente> {
    const catalogo = catalogoDe(nuevo.catalogo);
    const valor = typeof nuevo.valor === 'string' ? nuevo.valor.trim() : '';
    if (!valor || valor.length > 200)
      throw new AliasRechazado('VALOR_INVALIDO', 'El valor debe tener entre 1 y 200 caracteres.');
    if (typeof nuevo.entrada !== 'string' || !nuevo.entrada.trim())
      throw new AliasRechazado(
        'ENTRADA_DESCONOCIDA',
        'Indique la entrada del catálogo (su código).',
      );
    const conocido = yaConocido(await cargarCatalogos(this.dataSource.manager), catalogo, valor);
    if (conocido)
      throw new AliasRechazado('VALOR_YA_CONOCIDO', `«${valor}» ya se reconoce: ${conocido}.`);
    const clave = claveDeAlias(catalogo, valor);
    try {
      const [{ id }] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO alias (catalogo, clave, valor, ${COLUMNA_ENTRADA_ALIAS[catalogo]}, importacion_id, creado_por)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
        [
          catalogo,
          clave,
          valor,
          nuevo.entrada.trim(),
          nuevo.importacionId ?? null,
          nuevo.usuario.slice(0, 120),
        ],
      );
      const [creado] = await this.consultar('a.id = $1', [id]);
      return creado;
    } catch (error) {
      throw traducir(error, catalogo, nuevo.entrada);
    }
  }

  /** Retires an alias in force; false when there is none with that id. */
  async retirar(id: string, usuario: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    const [, cambiadas] = await this.dataSource.query<[unknown, number]>(
      `UPDATE alias SET retirado_en = now(), retirado_por = $2 WHERE id = $1 AND retirado_en IS NULL`,
      [id, usuario.slice(0, 120)],
    );
    return cambiadas > 0;
  }

  /** The values an import did not know, with the alias that maps each now; null for no such import. */
  async desconocidos(importacionId: string): Promise<DesconocidosDeImportacion | null> {
    if (!/^\d{1,18}$/.test(importacionId)) return null;
    const [importacion] = await this.dataSource.query<{ tipo: TipoImportacionCodigo }[]>(
      'SELECT tipo FROM importacion WHERE id = $1',
      [importacionId],
    );
    if (!importacion) return null;
    const valores = await this.dataSource.query<
      { catalogo: CatalogoAlias; valor: string; filas: number }[]
    >(
      `SELECT catalogo, desconocido AS valor, count(DISTINCT fila)::int AS filas
         FROM importacion_rechazo WHERE importacion_id = $1 AND catalogo IS NOT NULL
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      [importacionId],
    );
    const [{ pendientes }] = await this.dataSource.query<{ pendientes: number }[]>(
      `SELECT count(*)::int AS pendientes FROM importacion_fila_rechazada
        WHERE importacion_id = $1 AND resuelta_por IS NULL`,
      [importacionId],
    );
    const vigentes = new Map(
      (await this.listar()).map((a) => [
        `${a.catalogo}\u0000${claveDeAlias(a.catalogo, a.valor)}`,
        a,
      ]),
    );
    return {
      importacionId,
      tipo: importacion.tipo,
      pendientes,
      valores: valores.map((v) => {
        const alias = vigentes.get(`${v.catalogo}\u0000${claveDeAlias(v.catalogo, v.valor)}`);
        return {
          ...v,
          alias: alias
            ? { id: alias.id, entrada: alias.entrada, nombreEntrada: alias.nombreEntrada }
            : null,
        };
      }),
    };
  }

  private async consultar(donde: string, parametros: unknown[]): Promise<AliasVigente[]> {
    return this.dataSource.query(
      `SELECT a.id::text, a.catalogo, a.valor, d.codigo AS entrada, d.nombre AS "nombreEntrada",
              a.importacion_id::text AS "importacionId", a.creado_por AS "creadoPor", a.creado_en AS "creadoEn"
         FROM alias a
         JOIN (${Object.entries(ENTRADAS)
           .map(([c, sql]) => `SELECT '${c}' AS catalogo, * FROM (${sql}) x`)
           .join(' UNION ALL ')}
               UNION ALL SELECT 'modalidad', m.codigo, m.nombre
                 FROM unnest($${parametros.length + 1}::text[], $${parametros.length + 2}::text[]) AS m(codigo, nombre)) d
           ON d.catalogo = a.catalogo AND d.codigo = coalesce(${Object.values(COLUMNA_ENTRADA_ALIAS).join(', ')})
        WHERE ${donde} ORDER BY a.id DESC`,
      [...parametros, MODALIDADES, MODALIDADES.map((m) => NOMBRES_MODALIDAD[m])],
    );
  }
}

function catalogoDe(catalogo: string): CatalogoAlias {
  if (!Object.hasOwn(CATALOGOS_ALIAS, catalogo)) {
    throw new AliasRechazado(
      'CATALOGO_DESCONOCIDO',
      `No hay un catálogo «${String(catalogo).slice(0, 40)}». Los catálogos son: ${Object.keys(CATALOGOS_ALIAS).join(', ')}.`,
    );
  }
  return catalogo as CatalogoAlias;
}

/** What a value is already read as, in words; undefined when no catalogue knows it. */
function yaConocido(c: Catalogos, catalogo: CatalogoAlias, valor: string): string | undefined {
  const leer = (): string => {
    switch (catalogo) {
      case 'territorio': {
        const { codigo } = c.territorios.territorio(valor, null);
        return `es ${c.territorios.nombre(codigo)} (${codigo})`;
      }
      case 'actividad':
        return `es la actividad ${buscarActividad(c, valor, () => '')}`;
      default: {
        const buscador = {
          grupo_de_valor: c.gruposDeValor,
          aliado: c.aliados,
          tipo_actividad: c.tiposActividad,
          modalidad: c.modalidades,
          subregion: c.subregiones,
        }[catalogo];
        const codigo = buscador.resolver(valor, '');
        return `es ${buscador.nombre(codigo)} (${codigo})`;
      }
    }
  };
  try {
    return leer();
  } catch (error) {
    if (error instanceof ValorDesconocido) return undefined;
    if (error instanceof ValorInvalido) return error.message;
    throw error;
  }
}

function traducir(error: unknown, catalogo: CatalogoAlias, entrada: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code === '23505')
    return new AliasRechazado('ALIAS_EXISTENTE', 'Ese valor ya tiene un alias vigente.');
  if (code === '23503' && constraint === 'fk_alias_importacion')
    return new AliasRechazado('IMPORTACION_NO_ENCONTRADA', 'No existe esa importación.');
  if (code === '23503' || code === '23514' || code === '22001')
    return new AliasRechazado(
      'ENTRADA_DESCONOCIDA',
      `No hay «${entrada.slice(0, 40)}» en el catálogo ${CATALOGOS_ALIAS[catalogo]}.`,
    );
  return error;
}
