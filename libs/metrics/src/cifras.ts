import { CifraPublicada, cifraExacta, publicarPartes, SIN_CIFRA } from '@tablero/domain';
import { Componente, METRICA, METRICAS_SUMABLES, MetricaId } from './metrics.catalogue';

export type { CifraPublicada } from '@tablero/domain';

/** Sums of facts as SQL returns them: one per component and qualifier. */
export interface SumaDeHechos {
  readonly metrica: Componente;
  readonly calificador: CifraPublicada['calificador'] & string;
  readonly valor: number;
}

const COMPONENTES_SUMABLES = METRICAS_SUMABLES.map(
  (id) => [id, new Set(METRICA[id].componentes)] as const,
);

/** The kind of record each fact is counted from, where records replace a declared figure. */
const REGISTRO_DE: Readonly<Record<Componente, string | null>> = {
  vistas: 'vistas',
  certificados: 'certificados',
  asistentes_presenciales: 'asistencias',
  asistentes_remotos: 'asistencias',
  participantes: 'asistencias',
  actividades: null,
};

/** The kind of record that replaces a declared figure of the metric `metrica`, as an SQL expression. */
export function registroDeSql(metrica: string): string {
  const casos = Object.entries(REGISTRO_DE).flatMap(([componente, registro]) =>
    registro ? [`WHEN '${componente}' THEN '${registro}'`] : [],
  );
  return `CASE ${metrica} ${casos.join(' ')} END`;
}

export interface AusenciaDeCifras {
  /** Why a metric has no figure. */
  readonly motivo?: (id: MetricaId) => string;
  /** The kinds of record the scope is measured by: there, no matching record is a measured zero. */
  readonly medidos?: ReadonlySet<string>;
}

/**
 * Every summable metric of the catalogue from the sums of its components. A metric with no
 * fact in scope has no figure (`motivo` says why), unless records measure it there (a zero, then).
 * No activity in scope is no figure either: the catalogue holds the activities the source names,
 * and the source is silent on the rest (phase III's, or the places of the national ones).
 */
export function cifrasSumables(
  sumas: readonly SumaDeHechos[],
  { motivo = () => SIN_CIFRA, medidos = new Set() }: AusenciaDeCifras = {},
): Record<MetricaId, CifraPublicada> {
  const cifras = {} as Record<MetricaId, CifraPublicada>;
  for (const [id, componentes] of COMPONENTES_SUMABLES) {
    const partes = sumas
      .filter((s) => componentes.has(s.metrica))
      .map((s) => ({ componente: s.metrica, calificador: s.calificador, valor: s.valor }));
    const medido = [...componentes].some((c) => medidos.has(REGISTRO_DE[c] ?? ''));
    cifras[id] =
      partes.length === 0 && medido ? cifraExacta(0) : publicarPartes(partes, motivo(id));
  }
  return cifras;
}
