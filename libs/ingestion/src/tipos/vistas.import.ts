import { TIPO_WEBINAR } from '@tablero/domain';
import { buscarActividad } from '../catalogos';
import { entero, fecha, texto, ValorInvalido } from '../valores';
import { contarFusion } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

const columnas: readonly Columna[] = [
  {
    campo: 'codigo_actividad',
    obligatoria: false,
    descripcion: 'Código del webinar (o youtube_video_id)',
    ejemplo: 'F1-WEB-01',
    alias: ['actividad', 'webinar'],
  },
  {
    campo: 'youtube_video_id',
    obligatoria: false,
    descripcion: 'Id. del video en YouTube (o codigo_actividad)',
    ejemplo: 'dQw4w9WgXcQ',
    alias: ['video', 'video_id', 'contenido', 'content'],
  },
  {
    campo: 'fecha_corte',
    obligatoria: true,
    descripcion: 'Fecha en que se leyó el contador (dd/mm/aaaa)',
    ejemplo: '31/12/2023',
    alias: ['fecha'],
    opcion: 'fechaCorte',
  },
  {
    campo: 'vistas',
    obligatoria: true,
    descripcion: 'Vistas acumuladas a esa fecha',
    ejemplo: '2.345',
    alias: ['views', 'visualizaciones'],
  },
];

export const vistas: TipoImportacion = {
  codigo: 'vistas',
  descripcion:
    'Cortes de vistas acumuladas de los webinars: uno por webinar y fecha. Acepta la exportación ' +
    'de YouTube Studio (Table data.csv), cuya fila Total se omite.',
  columnas,
  stage: [
    ['actividad_codigo', 'varchar'],
    ['fecha_corte', 'date'],
    ['vistas', 'bigint'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const { actividades, actividadPorVideo } = contexto.catalogos;
    const porCodigo = v.campo('codigo_actividad', (c) =>
      buscarActividad(contexto.catalogos, texto(c), (x) => `la actividad ${x} no existe`),
    );
    const porVideo = porCodigo
      ? null
      : v.campo('youtube_video_id', (c) => {
          const codigo = actividadPorVideo.get(texto(c));
          if (!codigo) throw new ValorInvalido('ningún webinar tiene este video de YouTube');
          return codigo;
        });
    const codigo = porCodigo ?? porVideo;
    if (codigo === null) v.rechazar(null, 'indique codigo_actividad o youtube_video_id');
    if (codigo && actividades.get(codigo)?.tipo !== TIPO_WEBINAR) {
      v.rechazar('codigo_actividad', `la actividad ${codigo} no es un webinar`);
    }
    const dia = v.campo('fecha_corte', fecha, contexto.opciones.fechaCorte);
    const cuenta = v.campo('vistas', entero);
    if (!v.valida) return v.rechazada();
    return v.aceptada([codigo!, dia!, cuenta!]);
  },

  fusionar: (queryRunner, importacionId) =>
    contarFusion(
      queryRunner,
      `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas, importacion_id)
       SELECT DISTINCT ON (actividad_codigo, fecha_corte) actividad_codigo, fecha_corte, vistas, $1
         FROM stage WHERE errores IS NULL ORDER BY actividad_codigo, fecha_corte, fila DESC
       ON CONFLICT ON CONSTRAINT pk_corte_vistas DO UPDATE
         SET vistas = EXCLUDED.vistas, importacion_id = EXCLUDED.importacion_id
         WHERE corte_vistas.vistas IS DISTINCT FROM EXCLUDED.vistas
       RETURNING (xmax = 0) AS nueva`,
      importacionId,
    ),
};
