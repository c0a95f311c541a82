import {
  formatearFecha,
  MODALIDADES,
  NOMBRES_TEMA,
  OFERENTE_DNP,
  TEMAS_ASISTENCIA_TECNICA,
  TemaAsistenciaTecnica,
} from '@tablero/domain';
import { decimal, entero, fecha, normalizar, texto, ValorInvalido } from '../valores';
import { columnaDepartamento, columnaEntidad, territorioDeLaFila } from './campos-territoriales';
import { contarFusion, modalidad } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

const columnas: readonly Columna[] = [
  {
    campo: 'fecha',
    obligatoria: true,
    descripcion: 'Fecha de la asistencia técnica (dd/mm/aaaa), no posterior a hoy',
    ejemplo: '14/03/2024',
  },
  columnaDepartamento,
  columnaEntidad,
  {
    campo: 'tema',
    obligatoria: true,
    descripcion: `Parte del plan: ${TEMAS_ASISTENCIA_TECNICA.map((t) => `${t} (${NOMBRES_TEMA[t]})`).join(', ')}`,
    ejemplo: 'parte_estrategica',
    valores: () => TEMAS_ASISTENCIA_TECNICA,
  },
  {
    campo: 'modalidad',
    obligatoria: true,
    descripcion: 'presencial, virtual o hibrida',
    ejemplo: 'virtual',
    valores: () => MODALIDADES,
  },
  {
    campo: 'oferente',
    obligatoria: true,
    descripcion: 'Quién la dio: DNP, o el código, el nombre o la sigla de una entidad aliada',
    ejemplo: 'DNP',
    alias: ['aliado', 'quien_asiste', 'entidad_que_asiste'],
    valores: (catalogos) => ['DNP', ...catalogos.aliados.codigos],
  },
  {
    campo: 'horas',
    obligatoria: true,
    descripcion: 'Duración en horas (admite decimales: 2,5)',
    ejemplo: '2,5',
    alias: ['duracion_horas', 'duracion'],
  },
  {
    campo: 'funcionarios',
    obligatoria: true,
    descripcion: 'Número de funcionarios de la entidad que asistieron',
    ejemplo: '6',
    alias: ['asistentes', 'numero_funcionarios'],
  },
];

const POR_NOMBRE = new Map<string, TemaAsistenciaTecnica>(
  TEMAS_ASISTENCIA_TECNICA.flatMap((t) => [
    [normalizar(t), t],
    [normalizar(NOMBRES_TEMA[t]), t],
  ]),
);

export const asistenciasTecnicas: TipoImportacion = {
  codigo: 'asistencias_tecnicas',
  descripcion:
    'Las asistencias técnicas a las entidades territoriales para su Plan de Desarrollo Territorial: una ' +
    'fila por asistencia. Una misma entidad, fecha, tema y oferente es una sola asistencia: volver a ' +
    'cargarla corrige su modalidad, horas y funcionarios.',
  columnas,
  stage: [
    ['fecha', 'date'],
    ['territorio_codigo', 'varchar'],
    ['tema', 'varchar'],
    ['modalidad', 'varchar'],
    ['oferente', 'varchar'],
    ['horas', 'numeric'],
    ['funcionarios', 'integer'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const dia = v.campo('fecha', (c) => {
      const iso = fecha(c);
      if (iso > contexto.hoy) {
        throw new ValorInvalido(`la fecha es posterior a hoy (${formatearFecha(contexto.hoy)})`);
      }
      return iso;
    });
    const territorio = territorioDeLaFila(v, contexto, 'codigo_entidad');
    const tema = v.campo('tema', (c) => {
      const codigo = POR_NOMBRE.get(normalizar(texto(c)));
      if (!codigo)
        throw new ValorInvalido(`el tema debe ser uno de: ${TEMAS_ASISTENCIA_TECNICA.join(', ')}`);
      return codigo;
    });
    const forma = modalidad(v, contexto, MODALIDADES);
    const oferente = v.campo('oferente', (c) => {
      if (normalizar(texto(c)) === OFERENTE_DNP) return OFERENTE_DNP;
      return contexto.catalogos.aliados.resolver(
        texto(c),
        'debe ser DNP o una entidad aliada registrada',
      );
    });
    const horas = v.campo('horas', decimal);
    const funcionarios = v.campo('funcionarios', entero);
    if (!v.valida) return v.rechazada();
    return v.aceptada([dia!, territorio!, tema!, forma!, oferente!, horas!, funcionarios!]);
  },

  fusionar: (queryRunner, importacionId) =>
    contarFusion(
      queryRunner,
      `INSERT INTO asistencia_tecnica (fecha, territorio_codigo, tema, modalidad, oferente, horas,
                                       funcionarios, importacion_id)
       SELECT DISTINCT ON (territorio_codigo, fecha, tema, oferente)
              fecha, territorio_codigo, tema, modalidad, oferente, horas, funcionarios, $1
         FROM stage WHERE errores IS NULL ORDER BY territorio_codigo, fecha, tema, oferente, fila DESC
       ON CONFLICT ON CONSTRAINT uq_asistencia_tecnica DO UPDATE
         SET modalidad = EXCLUDED.modalidad, horas = EXCLUDED.horas,
             funcionarios = EXCLUDED.funcionarios, importacion_id = EXCLUDED.importacion_id
         WHERE (asistencia_tecnica.modalidad, asistencia_tecnica.horas, asistencia_tecnica.funcionarios)
               IS DISTINCT FROM (EXCLUDED.modalidad, EXCLUDED.horas, EXCLUDED.funcionarios)
       RETURNING (xmax = 0) AS nueva`,
      importacionId,
    ),
};
