import { CATEGORIAS_MUNICIPIO } from '@tablero/domain';
import { divipola, texto, uno, ValorInvalido } from '../valores';
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
    'El listado DIVIPOLA del DANE: departamentos y municipios con sus códigos. Los territorios que ya ' +
    'existen conservan su nombre (el DANE los escribe en mayúsculas) y actualizan su tipo y, si viene, su categoría.',
  columnas,
  stage: [
    ['departamento_codigo', 'varchar'],
    ['departamento_nombre', 'varchar'],
    ['municipio_codigo', 'varchar'],
    ['municipio_nombre', 'varchar'],
    ['tipo', 'varchar'],
    ['categoria', 'varchar'],
  ],

  validar(fila) {
    const v = new Validacion(fila, columnas);
    const departamento = v.campo('codigo_departamento', (c) => {
      const codigo = divipola(c);
      if (codigo.length !== 2) throw new ValorInvalido('el código de departamento tiene 2 dígitos');
      return codigo;
    });
    const municipio = v.campo('codigo_municipio', (c) => {
      const codigo = divipola(c);
      if (codigo.length !== 5) throw new ValorInvalido('el código de municipio tiene 5 dígitos');
      return codigo;
    });
    if (departamento && municipio && !municipio.startsWith(departamento)) {
      v.rechazar(
        'codigo_municipio',
        `el municipio ${municipio} no pertenece al departamento ${departamento}`,
      );
    }
    const nombre = (campo: string) => v.campo(campo, (c) => texto(c).slice(0, 120));
    const nombreDepartamento = nombre('nombre_departamento');
    const nombreMunicipio = nombre('nombre_municipio');
    const tipo = v.campo('tipo', (c) => texto(c).slice(0, 60));
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
    await queryRunner.query(
      `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo)
       SELECT DISTINCT ON (departamento_codigo) departamento_codigo, departamento_nombre, 'departamento', departamento_codigo
         FROM stage WHERE errores IS NULL ORDER BY departamento_codigo, fila
       ON CONFLICT ON CONSTRAINT pk_territorio DO NOTHING`,
    );
    const [cuentas] = await queryRunner.query(
      `WITH r AS (
         INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo, tipo, categoria)
         SELECT DISTINCT ON (municipio_codigo) municipio_codigo, municipio_nombre, 'municipio', departamento_codigo, tipo, categoria
           FROM stage WHERE errores IS NULL ORDER BY municipio_codigo, fila DESC
         ON CONFLICT ON CONSTRAINT pk_territorio DO UPDATE
           SET tipo = EXCLUDED.tipo, categoria = coalesce(EXCLUDED.categoria, territorio.categoria)
           WHERE (territorio.tipo, territorio.categoria)
                 IS DISTINCT FROM (EXCLUDED.tipo, coalesce(EXCLUDED.categoria, territorio.categoria))
         RETURNING (xmax = 0) AS nueva)
       SELECT count(*) FILTER (WHERE nueva)::int AS aceptadas,
              count(*) FILTER (WHERE NOT nueva)::int AS actualizadas FROM r`,
    );
    return cuentas as { aceptadas: number; actualizadas: number };
  },
};
