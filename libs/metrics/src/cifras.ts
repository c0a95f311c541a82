import { Calificador, Cifra, formatearCifra, sumarCifras } from '@tablero/domain';
import { Componente, METRICA, METRICAS_SUMABLES, MetricaId } from './metrics.catalogue';

/** A figure as every output shows it: value, qualifier and its es-CO text ("≈ 1.700"). */
export interface CifraPublicada {
  readonly valor: number;
  readonly calificador: Calificador;
  readonly texto: string;
}

export function publicar(cifra: Cifra): CifraPublicada {
  return { valor: cifra.valor, calificador: cifra.calificador, texto: formatearCifra(cifra) };
}

/** Sums of facts as SQL returns them: one per component and qualifier. */
export interface SumaDeHechos {
  readonly metrica: Componente;
  readonly calificador: Calificador;
  readonly valor: number;
}

const COMPONENTES_SUMABLES = METRICAS_SUMABLES.map(
  (id) => [id, new Set(METRICA[id].componentes)] as const,
);

/** Every summable metric of the catalogue from the sums of its components, qualifiers combined. */
export function cifrasSumables(sumas: readonly SumaDeHechos[]): Record<MetricaId, CifraPublicada> {
  const cifras = {} as Record<MetricaId, CifraPublicada>;
  for (const [id, componentes] of COMPONENTES_SUMABLES) {
    cifras[id] = publicar(sumarCifras(sumas.filter((s) => componentes.has(s.metrica))));
  }
  return cifras;
}
