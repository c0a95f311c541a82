import { Consulta, Filtros } from '../filtros';
import { Dimension } from '../metricas.tipos';
import { filtroDeHechos } from './alcance.sql';
import { fuenteDeAsistencias, FuenteAsistencias } from './fuente';
import { ctesDeHechos } from './hechos.sql';

/**
 * The facts' SQL, kept for review: for each source of attendance records and a few filter sets, the
 * common table expressions, the condition on each fact and their parameters, as the metrics service
 * sends them. A change in the SQL shows here as a change in the snapshot, read before it is accepted.
 * Each case is a question (filters, a breakdown or figures per activity, or the naive baseline) and the
 * source it is answered from.
 */
interface Caso {
  readonly fuente: FuenteAsistencias;
  readonly caso: string;
  readonly filtros: Filtros;
  readonly pregunta?: { por?: Dimension; porActividad?: true; ingenua?: true };
}

const CASOS: readonly Caso[] = [
  { fuente: 'actividad', caso: 'sin filtros', filtros: {} },
  { fuente: 'actividad', caso: 'fase', filtros: { fase: 'II' } },
  { fuente: 'actividad', caso: 'aliado y tipo', filtros: { aliado: 'esap', tipo: 'webinar' } },
  {
    fuente: 'actividad',
    caso: 'fecha de corte y modalidad',
    filtros: { fechaCorte: '2024-06-30', modalidad: 'virtual' },
  },
  { fuente: 'grupo', caso: 'grupo', filtros: { grupo: 'candidatos' } },
  {
    fuente: 'departamento',
    caso: 'departamento, por actividad',
    filtros: { departamento: '05' },
    pregunta: { porActividad: true },
  },
  {
    fuente: 'departamento',
    caso: 'departamentos de quien consulta, por actividad',
    filtros: { departamentos: ['05', '54'] },
    pregunta: { porActividad: true },
  },
  {
    fuente: 'departamento_grupo',
    caso: 'departamento y grupo',
    filtros: { departamento: '05', grupo: 'candidatos' },
    pregunta: { porActividad: true },
  },
  {
    fuente: 'departamento_grupo',
    caso: 'departamento, por grupo',
    filtros: { departamento: '05' },
    pregunta: { por: 'grupo' },
  },
  { fuente: 'subregion', caso: 'subregión', filtros: { subregion: 'oriente_antioqueno' } },
  {
    fuente: 'subregion_grupo',
    caso: 'subregión, fase y grupo',
    filtros: { subregion: 'catatumbo', fase: 'I', grupo: 'candidatos' },
  },
  {
    fuente: 'resumen',
    caso: 'municipio, por actividad',
    filtros: { municipio: '05001' },
    pregunta: { porActividad: true },
  },
  {
    fuente: 'resumen',
    caso: 'subregión y municipio',
    filtros: { subregion: 'oriente_antioqueno', municipio: '05615' },
    pregunta: { porActividad: true },
  },
  {
    fuente: 'fase_tipo_departamento',
    caso: 'departamento y grupo, por fase',
    filtros: { departamento: '05', grupo: 'candidatos' },
    pregunta: { por: 'fase' },
  },
  { fuente: 'fase_tipo_departamento_total', caso: 'departamento', filtros: { departamento: '05' } },
  {
    fuente: 'fase_tipo_departamento_total',
    caso: 'departamentos de quien consulta y fechas',
    filtros: { departamentos: ['05', '54'], desde: '2024-02-01', hasta: '2024-07-31' },
  },
  {
    fuente: 'fase_tipo_municipio',
    caso: 'municipio y grupo',
    filtros: { municipio: '05001', grupo: 'ciudadania' },
  },
  { fuente: 'fase_tipo_municipio_total', caso: 'municipio', filtros: { municipio: '05001' } },
  {
    fuente: 'fase_tipo_municipio_total',
    caso: 'municipio y fechas',
    filtros: { municipio: '05001', desde: '2024-02-01', hasta: '2024-07-31' },
  },
  {
    fuente: 'fase_tipo_municipio_total',
    caso: 'municipio, fechas y corte, por tipo',
    filtros: { municipio: '05001', desde: '2024-02-01', fechaCorte: '2024-06-30' },
    pregunta: { por: 'tipo' },
  },
  {
    fuente: 'fase_tipo_municipio_total',
    caso: 'tipo de subregión',
    filtros: { tipoSubregion: 'pdet', departamento: '54' },
  },
  { fuente: 'asistencias', caso: 'sin filtros', filtros: {}, pregunta: { ingenua: true } },
  {
    fuente: 'asistencias',
    caso: 'fecha de corte, municipio y grupo',
    filtros: { fechaCorte: '2024-06-30', municipio: '05001', grupo: 'candidatos' },
    pregunta: { ingenua: true },
  },
];

describe('the facts SQL', () => {
  it.each(CASOS)('$caso is answered from $fuente', ({ fuente, filtros, pregunta = {} }) => {
    expect(fuenteDeAsistencias(filtros, pregunta)).toBe(fuente);
  });

  it.each(CASOS)('$fuente: $caso', ({ fuente, filtros, pregunta = {} }) => {
    const q = new Consulta();
    const ctes = ctesDeHechos(
      filtros,
      q,
      fuente,
      pregunta.por === 'fase' || pregunta.por === 'tipo',
    );
    const filtro = filtroDeHechos(filtros, q);
    expect({ ctes, filtro, parametros: q.params }).toMatchSnapshot();
  });
});
