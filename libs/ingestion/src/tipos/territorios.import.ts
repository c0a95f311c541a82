import { CATEGORIAS_MUNICIPIO, NivelTerritorio } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { divipola, normalizar, texto, textoHasta, uno, ValorInvalido } from '../valores';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

/** Headers as DANE's DIVIPOLA file writes them are among the aliases. */
const columnas: readonly Columna[] = [
  {
    campo: 'codigo_departamento',
    obligatoria: true,
    descripcion: 'Código DANE del departamento (2 dígitos)',
    ejemplo: '05',
    alias: ['cod_depto', 'codigo_depto', 'cod_dpto'],
  },
  {
    campo: 'nombre_departamento',
    obligatoria: true,
    descripcion: 'Nombre del departamento',
    ejemplo: 'Antioquia',
    alias: ['departamento', 'nom_depto', 'nombre_depto'],
  },
  {
    campo: 'codigo_municipio',
    obligatoria: true,
    descripcion: 'Código DANE del municipio (5 dígitos)',
    ejemplo: '05001',
    alias: ['cod_mpio', 'codigo_mpio', 'cod_municipio'],
  },
  {
    campo: 'nombre_municipio',
    obligatoria: true,
    descripcion: 'Nombre del municipio',
    ejemplo: 'Medellín',
    alias: ['municipio', 'nom_mpio', 'nombre_mpio'],
  },
  {
    campo: 'tipo',
    obligatoria: false,
    descripcion: 'Municipio, Isla o Área no municipalizada',
    ejemplo: 'Municipio',
    alias: ['tipo: municipio / isla / área no municipalizada', 'tipo_municipio'],
  },
  {
    campo: 'categoria',
    obligatoria: false,
    descripcion: 'Categoría del municipio (Ley 617 de 2000): especial, 1, 2, 3, 4, 5 o 6',
    ejemplo: '1',
    alias: ['categoria_municipal', 'categoria_ley_617'],
    valores: () => CATEGORIAS_MUNICIPIO,
  },
];

export const territorios: TipoImportacion = {
  codigo: 'territorios',
  descripcion:
    'El listado DIVIPOLA del DANE: departamentos y municipios con sus códigos. Una edición nueva añade los ' +
    'territorios que faltan, cambia el nombre de los que el DANE renombró (no el que solo cambia de mayúsculas ' +
    'o tildes), su tipo y, si viene, su categoría, y dice qué cambió; nunca borra un territorio.',
  columnas,
  stage: [
    ['departamento_codigo', 'varchar'],
    ['departamento_nombre', 'varchar'],
    ['municipio_codigo', 'varchar'],
    ['municipio_nombre', 'varchar'],
    ['tipo', 'varchar'],
    ['categoria', 'varchar'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const departamento = v.campo('codigo_departamento', (c) => {
      const codigo = divipola(c);
      if (codigo.length !== 2) throw new ValorInvalido('el código de departamento tiene 2 dígitos');
      // Colombia's departments are fixed: the list only adds or updates municipalities.
      if (!contexto.catalogos.territorios.existe(codigo))
        throw new ValorInvalido(`el departamento ${codigo} no existe en la DIVIPOLA`);
      return codigo;
    });
    const municipio = v.campo('codigo_municipio', (c) => {
      const codigo = divipola(c);
      if (codigo.length !== 5) throw new ValorInvalido('el código de municipio tiene 5 dígitos');
      if (codigo.endsWith('000'))
        throw new ValorInvalido('un código de municipio termina en 001 a 999, nunca en 000');
      return codigo;
    });
    if (departamento && municipio && !municipio.startsWith(departamento)) {
      v.rechazar(
        'codigo_municipio',
        `el municipio ${municipio} no pertenece al departamento ${departamento}`,
      );
    }
    const nombre = (campo: string) => v.campo(campo, (c) => comoNombrePropio(textoHasta(120)(c)));
    const nombreDepartamento = nombre('nombre_departamento');
    const nombreMunicipio = nombre('nombre_municipio');
    const tipo = v.campo('tipo', textoHasta(60));
    const categoria = v.campo('categoria', (c) =>
      uno(texto(c).replace(/^categor[ií]a\s*/i, ''), CATEGORIAS_MUNICIPIO, 'la categoría'),
    );
    if (!v.valida) return { rechazos: v.rechazos };
    return {
      valores: [
        departamento!,
        nombreDepartamento!,
        municipio!,
        nombreMunicipio!,
        tipo ?? null,
        categoria ?? null,
      ],
    };
  },

  async fusionar(queryRunner) {
    const entrantes: Territorio[] = await queryRunner.query(
      `SELECT DISTINCT ON (codigo) codigo, nombre, nivel, tipo, categoria FROM (
         SELECT departamento_codigo AS codigo, departamento_nombre AS nombre, 'departamento' AS nivel,
                NULL::varchar AS tipo, NULL::varchar AS categoria, fila
           FROM stage WHERE errores IS NULL
         UNION ALL
         SELECT municipio_codigo, municipio_nombre, 'municipio', tipo, categoria, fila
           FROM stage WHERE errores IS NULL) x
        ORDER BY codigo, fila DESC`,
    );
    const actuales: Territorio[] = await queryRunner.query(
      `SELECT codigo, nombre, nivel, tipo, categoria FROM territorio WHERE codigo = ANY ($1)`,
      [entrantes.map((t) => t.codigo)],
    );
    const actual = new Map(actuales.map((t) => [t.codigo, t]));
    const nombres = new Map(entrantes.map((t) => [t.codigo, t.nombre]));
    const cambios = entrantes.flatMap((entrante) => {
      const cambio = cambioDeEdicion(entrante, actual.get(entrante.codigo));
      return cambio ? [{ ...cambio, departamento: nombres.get(entrante.codigo.slice(0, 2))! }] : [];
    });
    // Departments first: a new municipality points to its department.
    await escribir(
      queryRunner,
      cambios.filter((c) => c.territorio.nivel === 'departamento'),
    );
    await escribir(
      queryRunner,
      cambios.filter((c) => c.territorio.nivel === 'municipio'),
    );
    const municipales = cambios.filter((c) => c.territorio.nivel === 'municipio');
    return {
      aceptadas: municipales.filter((c) => c.nuevo).length,
      actualizadas: municipales.filter((c) => !c.nuevo).length,
      novedades: cambios.map(
        (c) =>
          `${c.territorio.codigo} ${c.territorio.nombre}` +
          (c.territorio.nivel === 'municipio' ? ` (${c.departamento})` : '') +
          `: ${c.descripcion}`,
      ),
    };
  },
};

interface Territorio {
  readonly codigo: string;
  readonly nombre: string;
  readonly nivel: NivelTerritorio;
  readonly tipo: string | null;
  readonly categoria: string | null;
}

const PARTICULAS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en']);

/**
 * DANE writes names in capitals: "SANTA FÉ DE ANTIOQUIA" → "Santa Fé de Antioquia",
 * "BOGOTÁ, D.C." → "Bogotá, D.C.". A name written in mixed case is kept as written.
 */
export function comoNombrePropio(nombre: string): string {
  if (nombre !== nombre.toUpperCase()) return nombre;
  return nombre
    .toLowerCase()
    .replace(/[\p{L}.]+/gu, (palabra, posicion: number) =>
      palabra.includes('.')
        ? palabra.toUpperCase()
        : posicion > 0 && PARTICULAS.has(palabra)
          ? palabra
          : palabra[0].toUpperCase() + palabra.slice(1),
    );
}

/**
 * What a new edition changes of one territory, or null when nothing: it is new; or its name
 * differs beyond case, accents and punctuation; or its type or category changed. A type or
 * category the file does not give is kept.
 */
export function cambioDeEdicion(
  entrante: Territorio,
  actual: Territorio | undefined,
): { territorio: Territorio; nuevo: boolean; descripcion: string } | null {
  if (!actual) {
    const tipo = entrante.tipo ? ` (${entrante.tipo})` : '';
    return { territorio: entrante, nuevo: true, descripcion: `nuevo ${entrante.nivel}${tipo}` };
  }
  const partes = [
    normalizar(entrante.nombre) !== normalizar(actual.nombre) &&
      `nombre «${actual.nombre}» → «${entrante.nombre}»`,
    entrante.tipo &&
      entrante.tipo !== actual.tipo &&
      `tipo ${actual.tipo ?? 'sin tipo'} → ${entrante.tipo}`,
    entrante.categoria &&
      entrante.categoria !== actual.categoria &&
      `categoría ${actual.categoria ?? 'sin categoría'} → ${entrante.categoria}`,
  ].filter((p): p is string => Boolean(p));
  if (partes.length === 0) return null;
  return {
    territorio: {
      ...entrante,
      nombre: partes[0].startsWith('nombre') ? entrante.nombre : actual.nombre,
      tipo: entrante.tipo ?? actual.tipo,
      categoria: entrante.categoria ?? actual.categoria,
    },
    nuevo: false,
    descripcion: partes.join('; '),
  };
}

/** Inserts the new territories and rewrites the changed ones, in one statement. */
async function escribir(
  queryRunner: QueryRunner,
  cambios: readonly { territorio: Territorio }[],
): Promise<void> {
  if (cambios.length === 0) return;
  const columna = (campo: keyof Territorio) => cambios.map((c) => c.territorio[campo]);
  await queryRunner.query(
    `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo, tipo, categoria)
     SELECT codigo, nombre, nivel, left(codigo, 2), tipo, categoria
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[])
            AS t(codigo, nombre, nivel, tipo, categoria)
      ORDER BY codigo
     ON CONFLICT ON CONSTRAINT pk_territorio DO UPDATE
       SET nombre = EXCLUDED.nombre, tipo = EXCLUDED.tipo, categoria = EXCLUDED.categoria`,
    [columna('codigo'), columna('nombre'), columna('nivel'), columna('tipo'), columna('categoria')],
  );
}
