/** The order of the rows the metrics answer with. */
import { compararEnEspanol } from '@tablero/domain';
import { Cobertura, FilaDesglose } from './metricas.tipos';

/**
 * A breakdown's rows: in the catalogue's order (`orden`, for phases and types), else most interactions
 * first, then most activities, then by label.
 */
export function compararFilas(
  orden: ReadonlyMap<string, number> | undefined,
): (a: FilaDesglose, b: FilaDesglose) => number {
  return (a, b) =>
    orden
      ? (orden.get(a.clave ?? '') ?? 99) - (orden.get(b.clave ?? '') ?? 99)
      : (b.cifras.interacciones.valor ?? -1) - (a.cifras.interacciones.valor ?? -1) ||
        (b.cifras.actividades.valor ?? 0) - (a.cifras.actividades.valor ?? 0) ||
        compararEnEspanol(a.etiqueta, b.etiqueta);
}

type DepartamentoCubierto = Cobertura['porDepartamento'][number];

const ORDEN_DE_ESTADO: Readonly<Record<DepartamentoCubierto['estado'], number>> = {
  propia: 0,
  conjunta: 1,
  sin_alcanzar: 2,
};

/** A coverage's departments: reached on their own, then within joint figures, then not; by participants, then by name. */
export function compararDepartamentos(a: DepartamentoCubierto, b: DepartamentoCubierto): number {
  return (
    ORDEN_DE_ESTADO[a.estado] - ORDEN_DE_ESTADO[b.estado] ||
    (b.participantes.valor ?? 0) - (a.participantes.valor ?? 0) ||
    compararEnEspanol(a.nombre, b.nombre)
  );
}
