import { applyDecorators, HttpStatus } from '@nestjs/common';
import { Principal } from '@tablero/access';
import { ApiQuery } from '@nestjs/swagger';
import {
  Filtros,
  FueraDeSusDepartamentos,
  limitarADepartamentos,
  MetricasService,
  MODALIDADES_FILTRO,
  PARAMETROS_FILTRO,
} from '@tablero/metrics';
import { ApiError } from '../errors/api-error';
import { invalido, Regla, validarConsulta } from '../errors/consulta';

/** How each filter is read from the query string. */
export const REGLAS_FILTRO = {
  fase: 'fase',
  desde: 'fecha',
  hasta: 'fecha',
  fecha_corte: 'fecha',
  departamento: 'departamento',
  municipio: 'municipio',
  subregion: 'texto',
  tipo: 'texto',
  aliado: 'texto',
  grupo: 'texto',
  modalidad: MODALIDADES_FILTRO,
} as const satisfies Record<string, Regla>;

const DESCRIPCION: Record<keyof typeof REGLAS_FILTRO, string> = {
  fase: 'I, II o III',
  desde: 'Actividades que terminan en o después de esta fecha (aaaa-mm-dd)',
  hasta: 'Actividades que empiezan en o antes de esta fecha (aaaa-mm-dd)',
  fecha_corte: 'Cifras como estaban en esta fecha (aaaa-mm-dd)',
  departamento: 'Código DIVIPOLA del departamento (2 dígitos)',
  municipio: 'Código DIVIPOLA del municipio (5 dígitos)',
  subregion: 'Código de la subregión',
  tipo: 'Código del tipo de actividad',
  aliado: 'Código de la entidad aliada',
  grupo: 'Código del grupo de valor',
  modalidad: 'presencial, virtual o hibrida',
};

/** The filters' query parameters in OpenAPI, for every metrics route. */
export function ApiFiltros(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(DESCRIPCION).map(([name, description]) =>
      ApiQuery({ name, required: false, description }),
    ),
  );
}

/**
 * The filters and the route's own parameters from a query string; a code that
 * names nothing in the catalogues is a 400 too. A department-limited caller
 * gets their departments forced into the filters (403 for another one).
 */
export async function leerFiltros<E extends Record<string, Regla>>(
  consulta: Record<string, unknown>,
  metricas: MetricasService,
  quien: Principal,
  propios: E = {} as E,
) {
  const leidos = validarConsulta(consulta, { ...REGLAS_FILTRO, ...propios });
  const pedidos = Object.fromEntries(
    (Object.entries(PARAMETROS_FILTRO) as [keyof Filtros, string][])
      .filter(([, parametro]) => leidos[parametro] !== undefined)
      .map(([campo, parametro]) => [campo, leidos[parametro]]),
  ) as Filtros;
  const desconocido = await metricas.codigoDesconocido(pedidos);
  if (desconocido) {
    throw invalido(
      PARAMETROS_FILTRO[desconocido[0]],
      `no corresponde a ningún código conocido («${desconocido[1].slice(0, 40)}»)`,
    );
  }
  try {
    const deLaSubregion =
      quien.departamentos && pedidos.subregion
        ? await metricas.departamentosDeSubregion(pedidos.subregion)
        : [];
    return {
      filtros: limitarADepartamentos(pedidos, quien.departamentos, deLaSubregion),
      parametros: leidos,
    };
  } catch (error) {
    if (error instanceof FueraDeSusDepartamentos)
      throw new ApiError(HttpStatus.FORBIDDEN, 'FUERA_DE_SUS_DEPARTAMENTOS', error.message);
    throw error;
  }
}
