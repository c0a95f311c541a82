/**
 * How a figure is told, the same in the API, the dashboard, the workbooks and
 * the chart images: a figure that does not exist is "—" with its reason, never
 * 0; figures of different qualifiers are told side by side ("> 300
 * presenciales · ≈ 1.700 remotos") unless an exact part makes their sum
 * meaningful, and then the sum says how much of it is not exact.
 */
import { Calificador, CALIFICADORES, sumarCifras } from './calificador';
import { formatearCifra, formatearNumero } from './formato';

export interface CifraPublicada {
  /** The sum (what a bar's length or a sort uses); null when there is no figure. */
  readonly valor: number | null;
  readonly calificador: Calificador | null;
  /** How it reads: "11.991", "≈ 1.700", "> 300 presenciales · ≈ 1.700 remotos", "—". */
  readonly texto: string;
  /** A sum with exact and other parts: "incluye 2.300 aproximadas o mínimas". */
  readonly detalle?: string;
  /** Without a figure, why: "sin cifra en la fuente", "en la cifra del ciclo …". */
  readonly motivo?: string;
}

/** A part of a figure: one fact kind (vistas, asistentes remotos…) of one qualifier. */
export interface ParteDeCifra {
  readonly componente: string;
  readonly calificador: Calificador;
  readonly valor: number;
}

export const SIN_CIFRA = 'sin cifra en la fuente';

/** The word a part is told by beside another: "> 300 presenciales · ≈ 1.700 remotos". */
export const PALABRA_DE_COMPONENTE: Readonly<Record<string, string>> = {
  vistas: 'vistas',
  certificados: 'certificadas',
  asistentes_presenciales: 'presenciales',
  asistentes_remotos: 'remotos',
  participantes: 'participantes',
  actividades: 'actividades',
};

/** A figure of one exact count. */
export function cifraExacta(valor: number): CifraPublicada {
  return { valor, calificador: 'exacto', texto: formatearNumero(valor) };
}

/** No figure, and why. */
export function sinCifra(motivo = SIN_CIFRA): CifraPublicada {
  return { valor: null, calificador: null, texto: '—', motivo };
}

/**
 * A figure from its parts. Without parts there is no figure (`motivo` says why);
 * an exact zero is a measured zero.
 */
export function publicarPartes(
  partes: readonly ParteDeCifra[],
  motivo = SIN_CIFRA,
): CifraPublicada {
  if (partes.length === 0) return sinCifra(motivo);
  const suma = sumarCifras(partes);
  const calificadores = new Set(partes.map((p) => p.calificador));
  if (calificadores.size === 1) {
    return { valor: suma.valor, calificador: suma.calificador, texto: formatearCifra(suma) };
  }
  if (!calificadores.has('exacto')) {
    return { valor: suma.valor, calificador: suma.calificador, texto: ladoALado(partes) };
  }
  return {
    valor: suma.valor,
    calificador: suma.calificador,
    texto: formatearCifra(suma),
    detalle: `incluye ${formatearNumero(suma.valorNoExacto)} ${
      calificadores.has('aproximado') && calificadores.has('minimo')
        ? 'aproximadas o mínimas'
        : calificadores.has('aproximado')
          ? 'aproximadas'
          : 'mínimas («más de»)'
    }`,
  };
}

/** Each component of its own qualifier, in the order of the qualifiers: "> 300 presenciales · ≈ 1.700 remotos". */
function ladoALado(partes: readonly ParteDeCifra[]): string {
  const grupos = new Map<string, ParteDeCifra[]>();
  for (const p of partes) {
    const clave = `${p.componente}|${p.calificador}`;
    grupos.set(clave, [...(grupos.get(clave) ?? []), p]);
  }
  const componentes = new Set(partes.map((p) => p.componente));
  return [...grupos.values()]
    .sort(
      (a, b) =>
        CALIFICADORES.indexOf(a[0].calificador) - CALIFICADORES.indexOf(b[0].calificador) ||
        a[0].componente.localeCompare(b[0].componente),
    )
    .map((grupo) => {
      const texto = formatearCifra(sumarCifras(grupo));
      return componentes.size > 1
        ? `${texto} ${PALABRA_DE_COMPONENTE[grupo[0].componente] ?? grupo[0].componente}`
        : texto;
    })
    .join(' · ');
}
