import { MODALIDADES_ASISTENCIA, SEXOS, sumarAResumenes } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { buscarActividad } from '../catalogos';
import {
  correo,
  fecha,
  numeroDocumento,
  texto,
  textoHasta,
  TIPOS_DOCUMENTO,
  tipoDocumento,
  ValorInvalido,
} from '../valores';
import { columnaDepartamento, municipioDeLaFila } from './campos-territoriales';
import { Columna, Contexto, TipoImportacion } from './tipo-importacion';
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

/**
 * Identity → keyed hash: a document (type + normalised number) or, failing
 * that, an e-mail; a document given without its type or number falls back on
 * the e-mail when there is one.
 */
export function identidad(v: Validacion, contexto: Contexto): Buffer | undefined {
  return v.identificar(() => {
    const tipo = v.campo('tipo_documento', tipoDocumento);
    const numero = v.campo('numero_documento', numeroDocumento);
    if (tipo && numero) return contexto.seudonimo(`doc:${tipo}:${numero}`);
    if (tipo === undefined || numero === undefined) return undefined;
    const email = v.campo('correo', correo);
    if (email) return contexto.seudonimo(`correo:${email}`);
    if (email === undefined) return undefined;
    if (tipo || numero)
      v.rechazar(
        tipo ? 'numero_documento' : 'tipo_documento',
        'el documento necesita tipo y número',
      );
    else v.rechazar(null, 'la persona no tiene documento ni correo que la identifique');
    return undefined;
  });
}

export function actividadDeLaFila(
  v: Validacion,
  contexto: Contexto,
  tiposAdmitidos?: readonly string[],
) {
  const codigo = v.campo(
    'codigo_actividad',
    (c) => buscarActividad(contexto.catalogos, texto(c), (x) => `la actividad ${x} no existe`),
    contexto.opciones.actividad,
  );
  if (!codigo) return undefined;
  const actividad = contexto.catalogos.actividades.get(codigo)!;
  if (tiposAdmitidos && !tiposAdmitidos.includes(actividad.tipo)) {
    v.rechazar(
      'codigo_actividad',
      `la actividad ${codigo} es de tipo ${actividad.tipo}, no ${tiposAdmitidos.join(' ni ')}`,
    );
    return undefined;
  }
  return actividad;
}

export function grupoDeValor(v: Validacion, contexto: Contexto) {
  return v.campo('grupo_de_valor', (c) =>
    contexto.catalogos.gruposDeValor.resolver(texto(c), 'el grupo de valor no existe'),
  );
}

/** A modality among `admitidas`, by code, name or alias. */
export function modalidad<T extends string>(
  v: Validacion,
  contexto: Contexto,
  admitidas: readonly T[],
): T | null | undefined {
  const motivo = `la modalidad debe ser uno de: ${admitidas.join(', ')}`;
  return v.campo('modalidad', (c) => {
    const codigo = contexto.catalogos.modalidades.resolver(texto(c), motivo);
    if (!(admitidas as readonly string[]).includes(codigo)) throw new ValorInvalido(motivo);
    return codigo as T;
  });
}

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

  /** New attendances, and the summaries the figures are read from grow by them in the same statement. */
  async fusionar(queryRunner: QueryRunner, importacionId: string) {
    const resumenes = sumarAResumenes('nuevas')
      .map((insert, i) => `resumen_${i} AS (${insert})`)
      .join(',\n');
    const [fila] = await queryRunner.query(
      `WITH nuevas AS (
         INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo,
                                 grupo_de_valor_codigo, entidad, cargo, sexo, importacion_id)
         SELECT actividad_codigo, persona_clave, modalidad, fecha, municipio_codigo,
                grupo_de_valor_codigo, entidad, cargo, sexo, $1
           FROM stage WHERE errores IS NULL ORDER BY fila
         ON CONFLICT ON CONSTRAINT uq_asistencia_persona DO NOTHING
         RETURNING actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad),
       ${resumenes}
       SELECT count(*)::int AS aceptadas FROM nuevas`,
      [importacionId],
    );
    return { aceptadas: fila.aceptadas as number, actualizadas: 0 };
  },
};

/** Runs an INSERT … RETURNING (xmax = 0) AS nueva and counts new and updated rows. */
export async function contarFusion(
  queryRunner: QueryRunner,
  insert: string,
  importacionId: string,
) {
  const [fila] = await queryRunner.query(
    `WITH r AS (${insert})
     SELECT count(*) FILTER (WHERE nueva)::int AS aceptadas,
            count(*) FILTER (WHERE NOT nueva)::int AS actualizadas FROM r`,
    [importacionId],
  );
  return fila as { aceptadas: number; actualizadas: number };
}
