import { MODALIDADES_ASISTENCIA, SEXOS, sumarAResumenes } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { fecha, texto, textoHasta, TIPOS_DOCUMENTO, ValorInvalido } from '../valores';
import { columnaDepartamento, municipioDeLaFila } from './campos-territoriales';
import { actividadDeLaFila, grupoDeValor, identidad, modalidad } from './comunes';
import { Columna, enElTramo, TipoImportacion, Tramo } from './tipo-importacion';
import { formatoFecha, Validacion } from './validacion';

const SEXO_ALIAS: Record<string, (typeof SEXOS)[number]> = {
  f: 'mujer',
  femenino: 'mujer',
  mujer: 'mujer',
  m: 'hombre',
  masculino: 'hombre',
  hombre: 'hombre',
  otro: 'otro',
  noinforma: 'no_informa',
  noresponde: 'no_informa',
  prefieronodecir: 'no_informa',
};

export const columnasAsistencias: readonly Columna[] = [
  {
    campo: 'codigo_actividad',
    obligatoria: true,
    descripcion:
      'Código de la actividad (o use --actividad al importar un reporte de Teams o Meet o las respuestas de un formulario de Google)',
    ejemplo: 'F2-TAL-01',
    alias: ['actividad', 'codigo'],
    opcion: 'actividad',
  },
  {
    campo: 'tipo_documento',
    obligatoria: false,
    descripcion: `Tipo de documento: ${TIPOS_DOCUMENTO.join(', ')}. Con número_documento, o en su lugar correo`,
    ejemplo: 'CC',
    alias: ['tipo_doc', 'tipo_identificacion', 'tipo de documento', 'tipo de identificación'],
    valores: () => TIPOS_DOCUMENTO,
  },
  {
    campo: 'numero_documento',
    obligatoria: false,
    descripcion: 'Número de documento, con o sin puntos. Nunca se guarda: solo su clave seudónima',
    ejemplo: '1.020.304.050',
    alias: [
      'documento',
      'numero_identificacion',
      'identificacion',
      'cedula',
      'número de documento',
      'número de identificación',
      'documento de identidad',
    ],
    personal: true,
  },
  {
    campo: 'correo',
    obligatoria: false,
    descripcion:
      'Correo electrónico, cuando no hay documento (reportes de Teams y Meet, formularios de Google)',
    ejemplo: 'persona@alcaldia.gov.co',
    alias: ['email', 'correo_electronico', 'e-mail', 'dirección de correo electrónico'],
    personal: true,
  },
  columnaDepartamento,
  {
    campo: 'codigo_municipio',
    obligatoria: false,
    descripcion:
      'Municipio de la persona: código DIVIPOLA (5 dígitos; 5001 se lee 05001) o nombre (Ibagué, Cali, Mompós)',
    ejemplo: '73001',
    alias: ['municipio', 'divipola', 'cod_municipio', 'nombre_municipio', 'ciudad'],
  },
  {
    campo: 'grupo_de_valor',
    obligatoria: false,
    descripcion: 'Grupo de valor, por código, nombre o sigla',
    ejemplo: 'autoridades_salientes',
    alias: ['grupo', 'grupo_valor'],
    valores: (c) => c.gruposDeValor.codigos,
  },
  {
    campo: 'entidad',
    obligatoria: false,
    descripcion: 'Entidad donde trabaja',
    ejemplo: 'Alcaldía de Ibagué',
    alias: ['institucion'],
  },
  { campo: 'cargo', obligatoria: false, descripcion: 'Cargo', ejemplo: 'Secretaria de Planeación' },
  {
    campo: 'sexo',
    obligatoria: false,
    descripcion: 'mujer, hombre, otro o no_informa (F y M también se aceptan)',
    ejemplo: 'mujer',
    valores: () => SEXOS,
  },
  {
    campo: 'modalidad',
    obligatoria: false,
    descripcion: 'presencial o virtual; si falta, la de la actividad cuando no es híbrida',
    ejemplo: 'presencial',
    valores: () => MODALIDADES_ASISTENCIA,
  },
  {
    campo: 'fecha',
    obligatoria: false,
    descripcion: 'Fecha de la asistencia (dd/mm/aaaa), dentro del periodo de la actividad',
    ejemplo: '03/08/2023',
    alias: ['fecha_asistencia'],
  },
];

export const asistencias: TipoImportacion = {
  codigo: 'asistencias',
  descripcion:
    'Una fila por persona y actividad. Los nombres del archivo se ignoran; el documento o el correo ' +
    'se convierten en una clave seudónima y nunca se guardan.',
  columnas: columnasAsistencias,
  stage: [
    ['actividad_codigo', 'varchar'],
    ['persona_clave', 'bytea'],
    ['modalidad', 'varchar'],
    ['fecha', 'date'],
    ['municipio_codigo', 'varchar'],
    ['grupo_de_valor_codigo', 'varchar'],
    ['entidad', 'varchar'],
    ['cargo', 'varchar'],
    ['sexo', 'varchar'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnasAsistencias);
    const actividad = actividadDeLaFila(v, contexto);
    const persona = identidad(v, contexto);
    const mun = municipioDeLaFila(v, contexto);
    const grupo = grupoDeValor(v, contexto);
    let forma = modalidad(v, contexto, MODALIDADES_ASISTENCIA);
    if (forma === null && actividad) {
      if (actividad.modalidad === 'presencial' || actividad.modalidad === 'virtual') {
        forma = actividad.modalidad;
      } else {
        v.rechazar('modalidad', 'indique presencial o virtual: la actividad es híbrida');
      }
    }
    const dia = v.campo('fecha', fecha);
    if (dia && actividad && (dia < actividad.fechaInicio || dia > actividad.fechaFin)) {
      v.rechazar(
        'fecha',
        `la fecha está fuera del periodo de la actividad (${formatoFecha(actividad.fechaInicio)} a ${formatoFecha(actividad.fechaFin)})`,
      );
    }
    const sexo = v.campo('sexo', (c) => {
      const valor = SEXO_ALIAS[texto(c).toLowerCase().replace(/[\s_]/g, '')];
      if (!valor) throw new ValorInvalido(`el sexo debe ser uno de: ${SEXOS.join(', ')}`);
      return valor;
    });
    const libre = (campo: string) => v.campo(campo, textoHasta(200));
    const entidad = libre('entidad');
    const cargo = libre('cargo');
    if (!v.valida) return v.rechazada();
    return v.aceptada([
      actividad!.codigo,
      persona!,
      forma!,
      dia ?? null,
      mun ?? null,
      grupo ?? null,
      entidad ?? null,
      cargo ?? null,
      sexo ?? null,
    ]);
  },

  porTramos: true,

  /** New attendances, and the summaries the figures are read from grow by them in the same statement. */
  async fusionar(queryRunner: QueryRunner, importacionId: string, tramo?: Tramo) {
    const resumenes = sumarAResumenes('nuevas')
      .map((insert, i) => `resumen_${i} AS (${insert})`)
      .join(',\n');
    const [fila] = await queryRunner.query(
      `WITH nuevas AS (
         INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo,
                                 grupo_de_valor_codigo, entidad, cargo, sexo, importacion_id)
         SELECT actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo,
                grupo_de_valor_codigo, entidad, cargo, sexo, $1
           FROM stage WHERE errores IS NULL AND ${enElTramo(tramo, 'stage')} ORDER BY fila
         ON CONFLICT ON CONSTRAINT uq_asistencia_persona DO NOTHING
         RETURNING actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad),
       ${resumenes}
       SELECT count(*)::int AS aceptadas FROM nuevas`,
      [importacionId],
    );
    return { aceptadas: fila.aceptadas as number, actualizadas: 0 };
  },
};
