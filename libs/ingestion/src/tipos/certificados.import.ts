import { ASPIRACIONES } from '@tablero/domain';
import { fecha, texto, TIPOS_DOCUMENTO, uno } from '../valores';
import { columnaDepartamento, municipioDeLaFila } from './campos-territoriales';
import { actividadDeLaFila, contarFusion, identidad } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { formatoFecha, Validacion } from './validacion';

const columnas: readonly Columna[] = [
  {
    campo: 'codigo_actividad',
    obligatoria: true,
    descripcion: 'Código del curso',
    ejemplo: 'F1-CURSO-YES',
    alias: ['curso', 'actividad'],
    opcion: 'actividad',
  },
  {
    campo: 'tipo_documento',
    obligatoria: true,
    descripcion: `Tipo de documento: ${TIPOS_DOCUMENTO.join(', ')}`,
    ejemplo: 'CC',
    valores: () => TIPOS_DOCUMENTO,
  },
  {
    campo: 'numero_documento',
    obligatoria: true,
    descripcion: 'Número de documento; nunca se guarda, solo su clave seudónima',
    ejemplo: '1.020.304.050',
    alias: ['documento', 'identificacion', 'cedula'],
    personal: true,
  },
  columnaDepartamento,
  {
    campo: 'codigo_municipio',
    obligatoria: false,
    descripcion: 'Municipio al que aspira: código DIVIPOLA (5 dígitos) o nombre',
    ejemplo: '05001',
    alias: ['municipio', 'divipola', 'nombre_municipio'],
  },
  {
    campo: 'aspiracion',
    obligatoria: false,
    descripcion: 'alcaldia o gobernacion',
    ejemplo: 'alcaldia',
    alias: ['cargo_aspiracion', 'aspira_a'],
    valores: () => ASPIRACIONES,
  },
  {
    campo: 'fecha_certificacion',
    obligatoria: true,
    descripcion: 'Fecha de certificación (dd/mm/aaaa), no anterior al inicio del curso',
    ejemplo: '15/07/2023',
    alias: ['fecha'],
  },
];

export const certificados: TipoImportacion = {
  codigo: 'certificados',
  descripcion:
    'Una fila por persona certificada en un curso virtual. El documento se convierte en una clave seudónima.',
  columnas,
  stage: [
    ['actividad_codigo', 'varchar'],
    ['persona_clave', 'bytea'],
    ['municipio_codigo', 'varchar'],
    ['aspiracion', 'varchar'],
    ['fecha_certificacion', 'date'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const curso = actividadDeLaFila(v, contexto, ['curso_virtual']);
    const persona = identidad(v, contexto);
    const mun = municipioDeLaFila(v, contexto);
    const aspiracion = v.campo('aspiracion', (c) => uno(texto(c), ASPIRACIONES, 'la aspiración'));
    const dia = v.campo('fecha_certificacion', fecha);
    if (dia && curso && dia < curso.fechaInicio) {
      v.rechazar(
        'fecha_certificacion',
        `la fecha es anterior al inicio del curso (${formatoFecha(curso.fechaInicio)})`,
      );
    }
    if (!v.valida) return v.rechazada();
    return v.aceptada([curso!.codigo, persona!, mun ?? null, aspiracion ?? null, dia!]);
  },

  fusionar: (queryRunner, importacionId) =>
    contarFusion(
      queryRunner,
      `INSERT INTO certificado (actividad_codigo, persona_clave, municipio_codigo, aspiracion,
                                fecha_certificacion, importacion_id)
       SELECT actividad_codigo, persona_clave, municipio_codigo, aspiracion, fecha_certificacion, $1
         FROM stage WHERE errores IS NULL ORDER BY fila
       ON CONFLICT ON CONSTRAINT uq_certificado_persona DO NOTHING
       RETURNING (xmax = 0) AS nueva`,
      importacionId,
    ),
};
