/**
 * The territory of a row as files write it: a code, or a name with the
 * department in its own column ("Departamento", "Municipio") or after it in
 * the same cell. Every kind that takes a territory reads it here.
 */
import { Columna, Contexto } from './tipo-importacion';
import { Validacion } from './validacion';

export const columnaDepartamento: Columna = {
  campo: 'departamento',
  obligatoria: false,
  descripcion:
    'Departamento, por nombre o código: necesario cuando el municipio se escribe por un nombre que ' +
    'varios municipios comparten (Albania, Armenia, San Andrés…)',
  ejemplo: 'Tolima',
  alias: ['codigo_departamento', 'nombre_departamento', 'depto', 'dpto', 'cod_departamento'],
};

/** The territorial entity whose plan or assistance a row is about: a department or a municipality. */
export const columnaEntidad: Columna = {
  campo: 'codigo_entidad',
  obligatoria: true,
  descripcion:
    'Entidad territorial: código DIVIPOLA (2 dígitos para un departamento, 5 para un municipio) o nombre ' +
    '(«Gobernación de Arauca», «Alcaldía de Arauca» o «Arauca» con su departamento); vacía, la del departamento',
  ejemplo: '73001',
  alias: [
    'codigo_divipola',
    'divipola',
    'codigo_dane',
    'entidad_territorial',
    'entidad',
    'municipio',
  ],
};

function departamentoDeLaFila(v: Validacion, contexto: Contexto): string | null | undefined {
  return v.territorio('departamento', (t) => contexto.catalogos.territorios.departamento(t));
}

/**
 * A municipality's code, by code or name within the row's department. When
 * the department is refused the municipality is not read: once the
 * department is mapped, it will be read within it.
 */
export function municipioDeLaFila(v: Validacion, contexto: Contexto, campo = 'codigo_municipio') {
  const departamento = departamentoDeLaFila(v, contexto);
  if (departamento === undefined) return undefined;
  return v.territorio(campo, (t) => contexto.catalogos.territorios.municipio(t, departamento));
}

/** A department's or a municipality's code; with the column empty, the row's department. */
export function territorioDeLaFila(v: Validacion, contexto: Contexto, campo: string) {
  const departamento = departamentoDeLaFila(v, contexto);
  if (departamento === undefined) return undefined;
  return v.territorio(
    campo,
    (t) => contexto.catalogos.territorios.territorio(t, departamento),
    departamento ?? undefined,
  );
}
