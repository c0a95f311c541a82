import { FASES, MODALIDADES, parseFase } from '@tablero/domain';
import { QueryRunner } from 'typeorm';
import { fecha, texto, textoHasta, ValorInvalido } from '../valores';
import { columnaDepartamento, territorioDeLaFila } from './campos-territoriales';
import { modalidad } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** An 11-character id, or the id inside a youtube.com / youtu.be link. */
export function youtubeVideoId(valor: string): string {
  if (YOUTUBE_ID.test(valor)) return valor;
  const enlace = /(?:v=|youtu\.be\/|\/live\/|\/embed\/)([A-Za-z0-9_-]{11})/.exec(valor);
  if (enlace) return enlace[1];
  throw new ValorInvalido('no es un id. de video de YouTube (11 caracteres) ni un enlace a uno');
}

const columnas: readonly Columna[] = [
  {
    campo: 'codigo',
    obligatoria: true,
    descripcion: 'Código estable de la actividad (letras, números y guiones)',
    ejemplo: 'F3-AT-0001',
    alias: ['codigo_actividad'],
  },
  {
    campo: 'fase',
    obligatoria: true,
    descripcion: 'I, II o III',
    ejemplo: 'III',
    valores: () => FASES,
  },
  {
    campo: 'tipo',
    obligatoria: true,
    descripcion: 'Tipo de actividad, por código o nombre',
    ejemplo: 'asistencia_tecnica',
    alias: ['tipo_actividad'],
    valores: (c) => c.tiposActividad.codigos,
  },
  {
    campo: 'titulo',
    obligatoria: true,
    descripcion: 'Título o, para un webinar, su tema',
    ejemplo: 'Asistencia técnica en diagnóstico del PDT',
    alias: ['tema', 'nombre'],
  },
  {
    campo: 'fecha_inicio',
    obligatoria: true,
    descripcion: 'dd/mm/aaaa',
    ejemplo: '15/02/2024',
    alias: ['inicio', 'fecha'],
  },
  {
    campo: 'fecha_fin',
    obligatoria: false,
    descripcion: 'dd/mm/aaaa; si falta, la de inicio',
    ejemplo: '15/02/2024',
    alias: ['fin'],
  },
  {
    campo: 'modalidad',
    obligatoria: false,
    descripcion: 'presencial, virtual o hibrida',
    ejemplo: 'presencial',
    valores: () => MODALIDADES,
  },
  {
    campo: 'canal',
    obligatoria: false,
    descripcion: 'YouTube Live, Microsoft Teams, Google Meet, Presencial…',
    ejemplo: 'Presencial',
  },
  columnaDepartamento,
  {
    campo: 'codigo_territorio',
    obligatoria: false,
    descripcion:
      'Lugar: código DIVIPOLA del departamento (2) o municipio (5), o su nombre (con el departamento si ' +
      'varios municipios lo comparten); vacío, el departamento; o use subregion',
    ejemplo: '73001',
    alias: ['territorio', 'divipola', 'codigo_municipio', 'municipio', 'nombre_municipio', 'lugar'],
  },
  {
    campo: 'subregion',
    obligatoria: false,
    descripcion: 'Subregión por código o nombre, en lugar de codigo_territorio',
    ejemplo: 'Catatumbo',
    valores: (c) => c.subregiones.codigos,
  },
  {
    campo: 'aliados',
    obligatoria: false,
    descripcion: 'Entidades aliadas separadas por ; (código, sigla o nombre)',
    ejemplo: 'ESAP; DAFP',
  },
  {
    campo: 'youtube_video_id',
    obligatoria: false,
    descripcion: 'Id. o enlace del video de YouTube',
    ejemplo: 'dQw4w9WgXcQ',
    alias: ['video', 'youtube'],
  },
  {
    campo: 'ciclo',
    obligatoria: false,
    descripcion: 'Código del ciclo al que pertenece, si lo hay',
    ejemplo: 'F2-TALLERES',
    alias: ['codigo_ciclo'],
  },
];

export const actividades: TipoImportacion = {
  codigo: 'actividades',
  descripcion:
    'Una fila por actividad. Una actividad que ya existe con el mismo código se actualiza; sus aliados ' +
    'pasan a ser los de la fila.',
  columnas,
  stage: [
    ['codigo', 'varchar'],
    ['fase_codigo', 'varchar'],
    ['tipo_codigo', 'varchar'],
    ['titulo', 'text'],
    ['fecha_inicio', 'date'],
    ['fecha_fin', 'date'],
    ['modalidad', 'varchar'],
    ['canal', 'varchar'],
    ['territorio_codigo', 'varchar'],
    ['subregion_codigo', 'varchar'],
    ['aliados', 'varchar[]'],
    ['youtube_video_id', 'varchar'],
    ['ciclo_codigo', 'varchar'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const c = contexto.catalogos;
    const codigo = v.campo('codigo', (x) => {
      const t = texto(x).toUpperCase();
      if (!/^[A-Z0-9][A-Z0-9_-]{1,39}$/.test(t)) {
        throw new ValorInvalido('el código debe tener de 2 a 40 letras, números, guiones o _');
      }
      return t;
    });
    const fase = v.campo('fase', (x) => {
      const f = parseFase(texto(x).replace(/^fase\s+/i, ''));
      if (!f) throw new ValorInvalido('la fase debe ser I, II o III');
      return f;
    });
    const tipo = v.campo('tipo', (x) =>
      c.tiposActividad.resolver(
        texto(x),
        `el tipo debe ser uno de: ${c.tiposActividad.codigos.join(', ')}`,
      ),
    );
    const titulo = v.campo('titulo', textoHasta(500));
    const inicio = v.campo('fecha_inicio', fecha);
    const fin = v.campo('fecha_fin', fecha) ?? inicio;
    if (inicio && fin && fin < inicio)
      v.rechazar('fecha_fin', 'la fecha de fin es anterior a la de inicio');
    const forma = modalidad(v, contexto, MODALIDADES);
    const canal = v.campo('canal', textoHasta(60));
    const territorio = territorioDeLaFila(v, contexto, 'codigo_territorio');
    const subregion = v.campo('subregion', (x) =>
      c.subregiones.resolver(texto(x), 'la subregión no existe'),
    );
    if (territorio && subregion)
      v.rechazar('subregion', 'indique codigo_territorio o subregion, no ambos');
    const aliados = v.campo('aliados', (x) =>
      texto(x)
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => c.aliados.resolver(a, `el aliado «${a}» no existe`)),
    );
    const video = v.campo('youtube_video_id', (x) => youtubeVideoId(texto(x)));
    const ciclo = v.campo('ciclo', (x) => {
      const t = texto(x).toUpperCase();
      const conocido = c.ciclos.get(t);
      if (!conocido) throw new ValorInvalido(`el ciclo ${t} no existe`);
      if (fase && tipo && (conocido.fase !== fase || conocido.tipo !== tipo)) {
        throw new ValorInvalido(
          `el ciclo ${t} es de la fase ${conocido.fase} y tipo ${conocido.tipo}`,
        );
      }
      return t;
    });
    if (!v.valida) return v.rechazada();
    return v.aceptada([
      codigo!,
      fase!,
      tipo!,
      titulo!,
      inicio!,
      fin!,
      forma ?? null,
      canal ?? null,
      territorio ?? null,
      subregion ?? null,
      aliados ?? [],
      video ?? null,
      ciclo ?? null,
    ]);
  },

  async fusionar(queryRunner: QueryRunner) {
    await queryRunner.query(
      `CREATE TEMP TABLE stage_actividad ON COMMIT DROP AS
       SELECT DISTINCT ON (codigo) * FROM stage WHERE errores IS NULL ORDER BY codigo, fila DESC`,
    );
    const filas: { codigo: string; nueva: boolean }[] = await queryRunner.query(
      `INSERT INTO actividad (codigo, fase_codigo, tipo_codigo, titulo, fecha_inicio, fecha_fin, modalidad,
                              canal, territorio_codigo, subregion_codigo, youtube_video_id, ciclo_codigo)
       SELECT codigo, fase_codigo, tipo_codigo, titulo, fecha_inicio, fecha_fin, modalidad, canal,
              territorio_codigo, subregion_codigo, youtube_video_id, ciclo_codigo
         FROM stage_actividad
       ON CONFLICT ON CONSTRAINT pk_actividad DO UPDATE SET
         fase_codigo = EXCLUDED.fase_codigo, tipo_codigo = EXCLUDED.tipo_codigo, titulo = EXCLUDED.titulo,
         fecha_inicio = EXCLUDED.fecha_inicio, fecha_fin = EXCLUDED.fecha_fin, modalidad = EXCLUDED.modalidad,
         canal = EXCLUDED.canal, territorio_codigo = EXCLUDED.territorio_codigo,
         subregion_codigo = EXCLUDED.subregion_codigo, youtube_video_id = EXCLUDED.youtube_video_id,
         ciclo_codigo = EXCLUDED.ciclo_codigo
       WHERE (actividad.fase_codigo, actividad.tipo_codigo, actividad.titulo, actividad.fecha_inicio,
              actividad.fecha_fin, actividad.modalidad, actividad.canal, actividad.territorio_codigo,
              actividad.subregion_codigo, actividad.youtube_video_id, actividad.ciclo_codigo)
             IS DISTINCT FROM
             (EXCLUDED.fase_codigo, EXCLUDED.tipo_codigo, EXCLUDED.titulo, EXCLUDED.fecha_inicio,
              EXCLUDED.fecha_fin, EXCLUDED.modalidad, EXCLUDED.canal, EXCLUDED.territorio_codigo,
              EXCLUDED.subregion_codigo, EXCLUDED.youtube_video_id, EXCLUDED.ciclo_codigo)
       RETURNING codigo, (xmax = 0) AS nueva`,
    );
    const aliadosCambiados: { codigo: string }[] = await queryRunner.query(
      `WITH borrados AS (
         DELETE FROM actividad_aliado aa USING stage_actividad s
          WHERE aa.actividad_codigo = s.codigo AND NOT aa.aliado_codigo = ANY (s.aliados)
          RETURNING aa.actividad_codigo AS codigo),
       nuevos AS (
         INSERT INTO actividad_aliado (actividad_codigo, aliado_codigo)
         SELECT s.codigo, a FROM stage_actividad s, unnest(s.aliados) AS a
         ON CONFLICT DO NOTHING RETURNING actividad_codigo AS codigo)
       SELECT codigo FROM borrados UNION SELECT codigo FROM nuevos`,
    );
    const nuevas = new Set(filas.filter((f) => f.nueva).map((f) => f.codigo));
    const actualizadas = new Set([
      ...filas.filter((f) => !f.nueva).map((f) => f.codigo),
      ...aliadosCambiados.map((f) => f.codigo).filter((codigo) => !nuevas.has(codigo)),
    ]);
    return { aceptadas: nuevas.size, actualizadas: actualizadas.size };
  },
};
