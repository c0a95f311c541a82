import {
  EstadoPdt,
  CodigoHito,
  HitosEntidad,
  motivoHitoInvalido,
  PLAZOS_LEY_152_2024,
  plazoDeHito,
  situacionPdt,
  sumarMeses,
} from './pdt';

describe('sumarMeses', () => {
  it.each([
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('%s + %i mes = %s', (fecha, meses, esperada) => {
    expect(sumarMeses(fecha, meses)).toBe(esperada);
  });
});

describe('the deadlines of Ley 152 de 1994 for 2024-2027', () => {
  it.each<[CodigoHito, HitosEntidad, string]>([
    ['anteproyecto', {}, '2024-02-29'],
    ['radicado_ctp', {}, '2024-02-29'],
    ['concepto_ctp', {}, '2024-03-29'],
    ['concepto_ctp', { radicado_ctp: '2024-01-31' }, '2024-02-29'],
    ['concepto_ctp', { radicado_ctp: '2024-02-10' }, '2024-03-10'],
    ['radicado_corporacion', {}, '2024-04-30'],
    ['aprobado', {}, '2024-05-31'],
    ['adoptado_decreto', {}, '2024-05-31'],
  ])('%s with %j is due %s', (hito, hitos, plazo) => {
    expect(plazoDeHito(hito, hitos, PLAZOS_LEY_152_2024)).toBe(plazo);
  });
});

const AL_DIA: HitosEntidad = {
  anteproyecto: '2024-02-01',
  radicado_ctp: '2024-02-20',
  concepto_ctp: '2024-03-15',
  radicado_corporacion: '2024-04-25',
  aprobado: '2024-05-28',
};

interface Caso {
  readonly caso: string;
  readonly hitos: HitosEntidad;
  readonly fecha: string;
  readonly estado: EstadoPdt;
  readonly pendiente: CodigoHito | null;
  readonly diasRetraso: number;
}

/** A date on each side of every deadline. */
const CASOS: Caso[] = [
  {
    caso: 'no milestones, on the CTP filing deadline',
    hitos: {},
    fecha: '2024-02-29',
    estado: 'sin_iniciar',
    pendiente: 'anteproyecto',
    diasRetraso: 0,
  },
  {
    // Nothing recorded is not known to be late: the milestones may not have been loaded yet.
    caso: 'no milestones, the day after it',
    hitos: {},
    fecha: '2024-03-01',
    estado: 'sin_iniciar',
    pendiente: 'anteproyecto',
    diasRetraso: 0,
  },
  {
    caso: 'no milestones, a year after the approval deadline',
    hitos: {},
    fecha: '2025-05-31',
    estado: 'sin_iniciar',
    pendiente: 'anteproyecto',
    diasRetraso: 0,
  },
  {
    caso: 'anteproyecto only, on the CTP filing deadline',
    hitos: { anteproyecto: '2024-02-01' },
    fecha: '2024-02-29',
    estado: 'en_tramite',
    pendiente: 'radicado_ctp',
    diasRetraso: 0,
  },
  {
    caso: 'anteproyecto only, the day after it',
    hitos: { anteproyecto: '2024-02-01' },
    fecha: '2024-03-01',
    estado: 'vencido',
    pendiente: 'radicado_ctp',
    diasRetraso: 1,
  },
  {
    caso: 'filed with the CTP on 20/02, concept due 20/03, on that day',
    hitos: { anteproyecto: '2024-02-01', radicado_ctp: '2024-02-20' },
    fecha: '2024-03-20',
    estado: 'en_tramite',
    pendiente: 'concepto_ctp',
    diasRetraso: 0,
  },
  {
    caso: 'filed with the CTP on 20/02, the day after the concept was due',
    hitos: { anteproyecto: '2024-02-01', radicado_ctp: '2024-02-20' },
    fecha: '2024-03-21',
    estado: 'vencido',
    pendiente: 'concepto_ctp',
    diasRetraso: 1,
  },
  {
    caso: 'filed late with the CTP: the concept counts from the filing',
    hitos: { radicado_ctp: '2024-03-10' },
    fecha: '2024-04-10',
    estado: 'en_tramite',
    pendiente: 'concepto_ctp',
    diasRetraso: 0,
  },
  {
    caso: 'concept received, on the assembly filing deadline',
    hitos: { radicado_ctp: '2024-02-20', concepto_ctp: '2024-03-15' },
    fecha: '2024-04-30',
    estado: 'en_tramite',
    pendiente: 'radicado_corporacion',
    diasRetraso: 0,
  },
  {
    caso: 'concept received, the day after the assembly filing deadline',
    hitos: { radicado_ctp: '2024-02-20', concepto_ctp: '2024-03-15' },
    fecha: '2024-05-01',
    estado: 'vencido',
    pendiente: 'radicado_corporacion',
    diasRetraso: 1,
  },
  {
    caso: 'with the assembly, on the approval deadline',
    hitos: { concepto_ctp: '2024-03-15', radicado_corporacion: '2024-04-25' },
    fecha: '2024-05-31',
    estado: 'en_tramite',
    pendiente: 'aprobado',
    diasRetraso: 0,
  },
  {
    caso: 'with the assembly, ten days after the approval deadline',
    hitos: { concepto_ctp: '2024-03-15', radicado_corporacion: '2024-04-25' },
    fecha: '2024-06-10',
    estado: 'vencido',
    pendiente: 'aprobado',
    diasRetraso: 10,
  },
  {
    caso: 'approved on the deadline',
    hitos: { ...AL_DIA, aprobado: '2024-05-31' },
    fecha: '2024-06-30',
    estado: 'aprobado_a_tiempo',
    pendiente: null,
    diasRetraso: 0,
  },
  {
    caso: 'approved the day after the deadline',
    hitos: { ...AL_DIA, aprobado: '2024-06-01' },
    fecha: '2024-06-30',
    estado: 'aprobado_tarde',
    pendiente: null,
    diasRetraso: 0,
  },
  {
    caso: 'approved later than the date asked: still with the assembly then',
    hitos: AL_DIA,
    fecha: '2024-05-27',
    estado: 'en_tramite',
    pendiente: 'aprobado',
    diasRetraso: 0,
  },
  {
    caso: 'adopted by decree after the deadline',
    hitos: { radicado_corporacion: '2024-04-25', adoptado_decreto: '2024-06-05' },
    fecha: '2024-06-30',
    estado: 'adoptado_decreto',
    pendiente: null,
    diasRetraso: 0,
  },
  {
    caso: 'before the decree, overdue',
    hitos: { radicado_corporacion: '2024-04-25', adoptado_decreto: '2024-06-05' },
    fecha: '2024-06-04',
    estado: 'vencido',
    pendiente: 'aprobado',
    diasRetraso: 4,
  },
];

describe('situacionPdt', () => {
  it.each(CASOS)('$caso → $estado', ({ hitos, fecha, estado, pendiente, diasRetraso }) => {
    const situacion = situacionPdt(hitos, fecha, PLAZOS_LEY_152_2024);
    expect({
      estado: situacion.estado,
      pendiente: situacion.hitoPendiente,
      diasRetraso: situacion.diasRetraso,
    }).toEqual({ estado, pendiente, diasRetraso });
  });
});

describe('motivoHitoInvalido', () => {
  const HOY = '2024-07-01';
  it.each<[string, CodigoHito, string, HitosEntidad, string | null]>([
    ['in order', 'concepto_ctp', '2024-03-15', { radicado_ctp: '2024-02-20' }, null],
    [
      'on the same day as the previous one',
      'concepto_ctp',
      '2024-02-20',
      { radicado_ctp: '2024-02-20' },
      null,
    ],
    [
      'before the previous milestone',
      'concepto_ctp',
      '2024-02-19',
      { radicado_ctp: '2024-02-20' },
      'fuera de orden: es anterior al hito previo «Radicado ante el Consejo Territorial de Planeación» (20/02/2024)',
    ],
    [
      'after the next milestone',
      'radicado_ctp',
      '2024-03-20',
      { concepto_ctp: '2024-03-15' },
      'fuera de orden: es posterior al hito siguiente «Concepto del CTP» (15/03/2024)',
    ],
    ['today', 'aprobado', HOY, {}, null],
    [
      'tomorrow',
      'aprobado',
      '2024-07-02',
      {},
      'la fecha 02/07/2024 es posterior a hoy (01/07/2024)',
    ],
    [
      'before taking office',
      'anteproyecto',
      '2023-12-31',
      {},
      'la fecha 31/12/2023 es anterior a la posesión de los gobiernos (01/01/2024)',
    ],
    [
      'adopted by decree once approved',
      'adoptado_decreto',
      '2024-06-10',
      { aprobado: '2024-05-30' },
      'la entidad ya tiene el hito «Aprobado (ordenanza o acuerdo)»: un plan se aprueba o se adopta por decreto, no ambos',
    ],
    [
      'the same milestone again, a new date',
      'aprobado',
      '2024-05-29',
      { aprobado: '2024-05-30' },
      null,
    ],
  ])('%s', (_caso, hito, fecha, otros, motivo) => {
    expect(motivoHitoInvalido(hito, fecha, otros, HOY, PLAZOS_LEY_152_2024)).toBe(motivo);
  });
});
