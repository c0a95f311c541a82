/**
 * Phase III: the milestones of a Plan de Desarrollo Territorial, the legal
 * deadlines of Ley 152 de 1994 for the 2024-2027 period, and the state of an
 * entity on a date, derived from its milestones alone. Pure: no I/O, no clock.
 */
import { formatearFecha } from './formato';

/** The milestones in their legal order; the last two are the alternative ways a plan is adopted. */
export const HITOS_PDT = [
  'anteproyecto',
  'radicado_ctp',
  'concepto_ctp',
  'radicado_corporacion',
  'aprobado',
  'adoptado_decreto',
] as const;
export type CodigoHito = (typeof HITOS_PDT)[number];

export const NOMBRES_HITO: Readonly<Record<CodigoHito, string>> = {
  anteproyecto: 'Anteproyecto consolidado',
  radicado_ctp: 'Radicado ante el Consejo Territorial de Planeación',
  concepto_ctp: 'Concepto del CTP',
  radicado_corporacion: 'Radicado ante la asamblea o el concejo',
  aprobado: 'Aprobado (ordenanza o acuerdo)',
  adoptado_decreto: 'Adoptado por decreto',
};

/** Position in the legal sequence; both ways of adoption share the last one. */
export const ORDEN_HITO: Readonly<Record<CodigoHito, number>> = {
  anteproyecto: 1,
  radicado_ctp: 2,
  concepto_ctp: 3,
  radicado_corporacion: 4,
  aprobado: 5,
  adoptado_decreto: 5,
};

export const TEMAS_ASISTENCIA_TECNICA = [
  'diagnostico',
  'parte_estrategica',
  'plan_plurianual_inversiones',
  'seguimiento',
] as const;
export type TemaAsistenciaTecnica = (typeof TEMAS_ASISTENCIA_TECNICA)[number];

export const NOMBRES_TEMA: Readonly<Record<TemaAsistenciaTecnica, string>> = {
  diagnostico: 'Diagnóstico',
  parte_estrategica: 'Parte estratégica',
  plan_plurianual_inversiones: 'Plan plurianual de inversiones',
  seguimiento: 'Seguimiento',
};

/** Who gave an assistance when no ally did. */
export const OFERENTE_DNP = 'dnp';

export interface PlazosPdt {
  /** The new governments take office. */
  readonly posesion: string;
  /** Anteproyecto filed with the Consejo Territorial de Planeación (two months after taking office). */
  readonly radicacionCtp: string;
  /** The CTP's concept is due this many months after the filing. */
  readonly mesesConceptoCtp: number;
  /** Filed with the asamblea or concejo (within the first four months). */
  readonly radicacionCorporacion: string;
  /** Approved: the corporation decides within the following month. */
  readonly aprobacion: string;
}

/** Ley 152 de 1994 (arts. 39 y 40) for the governments of 2024-2027. */
export const PLAZOS_LEY_152_2024: PlazosPdt = {
  posesion: '2024-01-01',
  radicacionCtp: '2024-02-29',
  mesesConceptoCtp: 1,
  radicacionCorporacion: '2024-04-30',
  aprobacion: '2024-05-31',
};

export const ESTADOS_PDT = [
  'sin_iniciar',
  'en_tramite',
  'vencido',
  'aprobado_a_tiempo',
  'aprobado_tarde',
  'adoptado_decreto',
] as const;
export type EstadoPdt = (typeof ESTADOS_PDT)[number];

export const NOMBRES_ESTADO: Readonly<Record<EstadoPdt, string>> = {
  sin_iniciar: 'Sin hitos registrados',
  en_tramite: 'En trámite, al día',
  vencido: 'Con un plazo vencido',
  aprobado_a_tiempo: 'Aprobado a tiempo',
  aprobado_tarde: 'Aprobado fuera de plazo',
  adoptado_decreto: 'Adoptado por decreto',
};

/** The milestones an entity has, each with its date (aaaa-mm-dd). */
export type HitosEntidad = Partial<Readonly<Record<CodigoHito, string>>>;

export interface SituacionPdt {
  readonly estado: EstadoPdt;
  /** The last milestone reached by the date, null when none. */
  readonly ultimoHito: CodigoHito | null;
  /** The next milestone due, null once the plan is adopted. */
  readonly hitoPendiente: CodigoHito | null;
  /** Its deadline. */
  readonly plazoPendiente: string | null;
  /** Days past that deadline on the date; 0 when not overdue. */
  readonly diasRetraso: number;
}

const DIA_MS = 86_400_000;

function dias(desde: string, hasta: string): number {
  return Math.round((Date.parse(hasta) - Date.parse(desde)) / DIA_MS);
}

/** 2024-02-29 + 1 month = 2024-03-29; 2024-01-31 + 1 month = 2024-02-29 (the month's last day). */
export function sumarMeses(fecha: string, meses: number): string {
  const [a, m, d] = fecha.split('-').map(Number);
  const ultimoDia = new Date(Date.UTC(a, m - 1 + meses + 1, 0)).getUTCDate();
  return new Date(Date.UTC(a, m - 1 + meses, Math.min(d, ultimoDia))).toISOString().slice(0, 10);
}

/**
 * The deadline of a milestone. The CTP's concept is due a month after the
 * actual filing, or after the filing's deadline when the filing is not recorded;
 * the anteproyecto is due when it must be filed.
 */
export function plazoDeHito(hito: CodigoHito, hitos: HitosEntidad, plazos: PlazosPdt): string {
  switch (hito) {
    case 'anteproyecto':
    case 'radicado_ctp':
      return plazos.radicacionCtp;
    case 'concepto_ctp':
      return sumarMeses(hitos.radicado_ctp ?? plazos.radicacionCtp, plazos.mesesConceptoCtp);
    case 'radicado_corporacion':
      return plazos.radicacionCorporacion;
    case 'aprobado':
    case 'adoptado_decreto':
      return plazos.aprobacion;
  }
}

const SECUENCIA: readonly CodigoHito[] = [
  'anteproyecto',
  'radicado_ctp',
  'concepto_ctp',
  'radicado_corporacion',
  'aprobado',
];

/**
 * An entity's state on a date, from the milestones dated on or before it.
 * Overdue means the next milestone not yet reached is past its deadline, for
 * an entity with at least one milestone recorded ("sin hitos registrados" otherwise);
 * a milestone recorded out of order (a later one reached, an earlier one
 * missing) is not waited for: the next milestone is the one after the last reached.
 */
export function situacionPdt(
  todos: HitosEntidad,
  fecha: string,
  plazos: PlazosPdt = PLAZOS_LEY_152_2024,
): SituacionPdt {
  const hitos: Partial<Record<CodigoHito, string>> = {};
  for (const h of HITOS_PDT) {
    const dia = todos[h];
    if (dia && dia <= fecha) hitos[h] = dia;
  }
  if (hitos.adoptado_decreto) return adoptado('adoptado_decreto', 'adoptado_decreto');
  if (hitos.aprobado) {
    return adoptado(
      hitos.aprobado <= plazos.aprobacion ? 'aprobado_a_tiempo' : 'aprobado_tarde',
      'aprobado',
    );
  }
  const alcanzados = SECUENCIA.filter((h) => hitos[h]);
  const ultimoHito = alcanzados.length ? alcanzados[alcanzados.length - 1] : null;
  const hitoPendiente = SECUENCIA[ultimoHito ? SECUENCIA.indexOf(ultimoHito) + 1 : 0];
  const plazoPendiente = plazoDeHito(hitoPendiente, hitos, plazos);
  // Without any milestone recorded, nothing says the entity is late: its milestones may not be loaded yet.
  const diasRetraso = ultimoHito ? Math.max(0, dias(plazoPendiente, fecha)) : 0;
  return {
    estado: diasRetraso > 0 ? 'vencido' : ultimoHito ? 'en_tramite' : 'sin_iniciar',
    ultimoHito,
    hitoPendiente,
    plazoPendiente,
    diasRetraso,
  };
}

function adoptado(estado: EstadoPdt, ultimoHito: CodigoHito): SituacionPdt {
  return { estado, ultimoHito, hitoPendiente: null, plazoPendiente: null, diasRetraso: 0 };
}

/**
 * Why a milestone dated `fecha` cannot join the ones an entity already has,
 * or null when it can: dates must follow the legal order (the same day is
 * allowed), a plan is adopted once, and nothing happens before taking office
 * or after today.
 */
export function motivoHitoInvalido(
  hito: CodigoHito,
  fecha: string,
  otros: HitosEntidad,
  hoy: string,
  plazos: PlazosPdt = PLAZOS_LEY_152_2024,
): string | null {
  if (fecha > hoy)
    return `la fecha ${formatearFecha(fecha)} es posterior a hoy (${formatearFecha(hoy)})`;
  if (fecha < plazos.posesion) {
    return `la fecha ${formatearFecha(fecha)} es anterior a la posesión de los gobiernos (${formatearFecha(plazos.posesion)})`;
  }
  for (const otro of HITOS_PDT) {
    const dia = otros[otro];
    if (!dia || otro === hito) continue;
    if (ORDEN_HITO[otro] === ORDEN_HITO[hito]) {
      return `la entidad ya tiene el hito «${NOMBRES_HITO[otro]}»: un plan se aprueba o se adopta por decreto, no ambos`;
    }
    if (ORDEN_HITO[otro] < ORDEN_HITO[hito] && dia > fecha) {
      return `fuera de orden: es anterior al hito previo «${NOMBRES_HITO[otro]}» (${formatearFecha(dia)})`;
    }
    if (ORDEN_HITO[otro] > ORDEN_HITO[hito] && dia < fecha) {
      return `fuera de orden: es posterior al hito siguiente «${NOMBRES_HITO[otro]}» (${formatearFecha(dia)})`;
    }
  }
  return null;
}
