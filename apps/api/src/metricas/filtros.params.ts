import { applyDecorators, HttpStatus } from '@nestjs/common';
import { Principal } from '@tablero/access';
import { ApiQuery } from '@nestjs/swagger';
import {
  CAMPOS_FILTRO,
  CampoFiltro,
  FILTROS,
  Filtros,
  FueraDeSusDepartamentos,
  limitarADepartamentos,
  MetricasService,
  periodoInvertido,
} from '@tablero/metrics';
import { ApiError } from '../errors/api-error';
import { invalido, Regla, validarConsulta } from '../errors/consulta';

/** How each filter of `campos` is read from the query string, by its parameter. */
function reglasDe(campos: readonly CampoFiltro[]): Readonly<Record<string, Regla>> {
  return Object.fromEntries(
    campos.map((campo) => {
      const { parametro, lectura } = FILTROS[campo];
      return [parametro, lectura === 'codigo' ? 'texto' : lectura];
    }),
  );
}

/** The filters' query parameters in OpenAPI, for every route that takes `campos` (all by default). */
export function ApiFiltros(
  campos: readonly CampoFiltro[] = CAMPOS_FILTRO,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...campos.map((campo) =>
      ApiQuery({
        name: FILTROS[campo].parametro,
        required: false,
        description: FILTROS[campo].descripcion,
      }),
    ),
  );
}

/**
 * The filters (of `campos`) and the route's own parameters from a query string; a code that
 * names nothing in the catalogues is a 400 too. A department-limited caller
 * gets their departments forced into the filters (403 for another one).
 */
export async function leerFiltros<E extends Record<string, Regla>>(
  consulta: Record<string, unknown>,
  metricas: MetricasService,
  quien: Principal,
  propios: E = {} as E,
  campos: readonly CampoFiltro[] = CAMPOS_FILTRO,
) {
  const leidos = validarConsulta(consulta, { ...reglasDe(campos), ...propios });
  const pedidos = Object.fromEntries(
    campos
      .filter((campo) => leidos[FILTROS[campo].parametro] !== undefined)
      .map((campo) => [campo, leidos[FILTROS[campo].parametro]]),
  ) as Filtros;
  const invertido = periodoInvertido(pedidos);
  if (invertido) throw new ApiError(HttpStatus.BAD_REQUEST, 'PERIODO_INVERTIDO', invertido);
  const desconocido = await metricas.codigoDesconocido(pedidos);
  if (desconocido) {
    throw invalido(
      FILTROS[desconocido[0]].parametro,
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
