import { Consulta, Filtros } from '../filtros';
import { filtroDeHechos } from './alcance.sql';
import { ctesDeHechos } from './hechos.sql';
import { FuenteAsistencias } from './pedido';

/**
 * The facts' SQL, kept for review: for each source of attendance records and a few filter sets, the
 * common table expressions, the condition on each fact and their parameters, as the metrics service
 * sends them. A change in the SQL shows here as a change in the snapshot, read before it is accepted.
 * Each case pairs a source with filters that choose it (fuenteDeAsistencias).
 */
interface Caso {
  readonly fuente: FuenteAsistencias;
  readonly caso: string;
  readonly filtros: Filtros;
  /** A breakdown by phase or type: facts without activity keep them. */
  readonly conFaseYTipo?: true;
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
  { fuente: 'departamento', caso: 'departamento, por actividad', filtros: { departamento: '05' } },
  {
    fuente: 'departamento',
    caso: 'departamentos de quien consulta, por actividad',
    filtros: { departamentos: ['05', '54'] },
  },
  {
    fuente: 'departamento_grupo',
    caso: 'departamento y grupo',
    filtros: { departamento: '05', grupo: 'candidatos' },
  },
  { fuente: 'subregion', caso: 'subregión', filtros: { subregion: 'oriente_antioqueno' } },
  {
    fuente: 'subregion_grupo',
    caso: 'subregión, fase y grupo',
    filtros: { subregion: 'catatumbo', fase: 'I', grupo: 'candidatos' },
  },
  { fuente: 'resumen', caso: 'municipio, por actividad', filtros: { municipio: '05001' } },
  {
    fuente: 'resumen',
    caso: 'subregión y municipio',
    filtros: { subregion: 'oriente_antioqueno', municipio: '05615' },
  },
  {
    fuente: 'fase_tipo_departamento',
    caso: 'departamento y grupo, por fase',
    filtros: { departamento: '05', grupo: 'candidatos' },
    conFaseYTipo: true,
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
    conFaseYTipo: true,
  },
  {
    fuente: 'fase_tipo_municipio_total',
    caso: 'tipo de subregión',
    filtros: { tipoSubregion: 'pdet', departamento: '54' },
  },
  { fuente: 'asistencias', caso: 'sin filtros', filtros: {} },
  {
    fuente: 'asistencias',
    caso: 'fecha de corte, municipio y grupo',
    filtros: { fechaCorte: '2024-06-30', municipio: '05001', grupo: 'candidatos' },
  },
];

describe('the facts SQL', () => {
  it.each(CASOS)('$fuente: $caso', ({ fuente, filtros, conFaseYTipo }) => {
    const q = new Consulta();
    const ctes = ctesDeHechos(filtros, q, fuente, conFaseYTipo);
    const filtro = filtroDeHechos(filtros, q);
    expect({ ctes, filtro, parametros: q.params }).toMatchSnapshot();
  });
});
