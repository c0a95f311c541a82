import { CALIFICADORES, METRICAS_DECLARADAS } from '@tablero/domain';
import { buscarActividad } from '../catalogos';
import { entero, fecha, normalizar, texto, uno, ValorInvalido } from '../valores';
import { columnaDepartamento, territorioDeLaFila } from './campos-territoriales';
import { contarFusion, grupoDeValor } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

const METRICAS = Object.keys(METRICAS_DECLARADAS);

/** The document's own words for its qualifiers. */
const CALIFICADOR_ALIAS: Record<string, (typeof CALIFICADORES)[number]> = {
  exacto: 'exacto',
  exacta: 'exacto',
  aproximado: 'aproximado',
  aproximada: 'aproximado',
  aprox: 'aproximado',
  cercade: 'aproximado',
  minimo: 'minimo',
  masde: 'minimo',
  almenos: 'minimo',
};

const columnas: readonly Columna[] = [
  {
    campo: 'codigo_actividad',
    obligatoria: true,
    descripcion: 'Código de la actividad o del ciclo al que corresponde la cifra',
    ejemplo: 'F2-TALLERES',
    alias: ['actividad', 'ciclo', 'codigo'],
  },
  {
    campo: 'metrica',
    obligatoria: true,
    descripcion: METRICAS.join(', '),
    ejemplo: 'asistentes_presenciales',
    valores: () => METRICAS,
  },
  {
    campo: 'valor',
    obligatoria: true,
    descripcion: 'La cifra (entero, sin decimales)',
    ejemplo: '3.715',
    alias: ['cifra', 'total'],
  },
  {
    campo: 'calificador',
    obligatoria: false,
    descripcion: 'exacto (por omisión), aproximado ("cerca de") o minimo ("más de")',
    ejemplo: 'exacto',
    valores: () => CALIFICADORES,
  },
  {
    campo: 'fecha_corte',
    obligatoria: true,
    descripcion: 'Fecha de corte de la cifra (dd/mm/aaaa)',
    ejemplo: '31/12/2023',
    alias: ['fecha'],
    opcion: 'fechaCorte',
  },
  columnaDepartamento,
  {
    campo: 'codigo_territorio',
    obligatoria: false,
    descripcion:
      'Si la cifra es de un territorio: código DIVIPOLA del departamento (2) o municipio (5), o su nombre; ' +
      'vacío, el departamento',
    ejemplo: '73',
    alias: ['territorio', 'divipola', 'municipio'],
  },
  {
    campo: 'grupo_de_valor',
    obligatoria: false,
    descripcion: 'Grupo de valor, si la cifra es de un grupo',
    ejemplo: 'candidatos',
    alias: ['grupo'],
    valores: (c) => c.gruposDeValor.codigos,
  },
];

export const totales: TipoImportacion = {
  codigo: 'totales',
  descripcion:
    'Cifras declaradas cuando no hay lista de personas: una por actividad o ciclo, métrica, fecha de ' +
    'corte, y opcionalmente territorio y grupo de valor. Una cifra nueva para la misma clave la reemplaza.',
  columnas,
  stage: [
    ['actividad_codigo', 'varchar'],
    ['ciclo_codigo', 'varchar'],
    ['metrica', 'varchar'],
    ['valor', 'bigint'],
    ['calificador', 'varchar'],
    ['fecha_corte', 'date'],
    ['territorio_codigo', 'varchar'],
    ['grupo_de_valor_codigo', 'varchar'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const objeto = v.campo('codigo_actividad', (c) => {
      const codigo = texto(c).toUpperCase();
      if (contexto.catalogos.ciclos.has(codigo)) return { actividad: null, ciclo: codigo };
      const actividad = buscarActividad(
        contexto.catalogos,
        texto(c),
        (x) => `no hay actividad ni ciclo con el código ${x}`,
      );
      return { actividad, ciclo: null };
    });
    const metrica = v.campo('metrica', (c) => uno(texto(c), METRICAS, 'la métrica'));
    const valor = v.campo('valor', entero);
    const calificador =
      v.campo('calificador', (c) => {
        const canonico = CALIFICADOR_ALIAS[normalizar(texto(c))];
        if (!canonico)
          throw new ValorInvalido(`el calificador debe ser uno de: ${CALIFICADORES.join(', ')}`);
        return canonico;
      }) ?? 'exacto';
    const dia = v.campo('fecha_corte', fecha, contexto.opciones.fechaCorte);
    const territorio = territorioDeLaFila(v, contexto, 'codigo_territorio');
    const grupo = grupoDeValor(v, contexto);
    if (!v.valida) return v.rechazada();
    return v.aceptada([
      objeto!.actividad,
      objeto!.ciclo,
      metrica!,
      valor!,
      calificador,
      dia!,
      territorio ?? null,
      grupo ?? null,
    ]);
  },

  fusionar: (queryRunner, importacionId) =>
    contarFusion(
      queryRunner,
      `INSERT INTO total_declarado (actividad_codigo, ciclo_codigo, metrica, valor, calificador,
                                    fecha_corte, territorio_codigo, grupo_de_valor_codigo, fuente, importacion_id)
       SELECT DISTINCT ON (actividad_codigo, ciclo_codigo, metrica, fecha_corte, territorio_codigo, grupo_de_valor_codigo)
              actividad_codigo, ciclo_codigo, metrica, valor, calificador, fecha_corte,
              territorio_codigo, grupo_de_valor_codigo, 'Importación ' || $1::bigint::text, $1::bigint
         FROM stage WHERE errores IS NULL
        ORDER BY actividad_codigo, ciclo_codigo, metrica, fecha_corte, territorio_codigo, grupo_de_valor_codigo, fila DESC
       ON CONFLICT ON CONSTRAINT uq_total_declarado DO UPDATE
         SET valor = EXCLUDED.valor, calificador = EXCLUDED.calificador,
             fuente = EXCLUDED.fuente, importacion_id = EXCLUDED.importacion_id
         WHERE (total_declarado.valor, total_declarado.calificador)
               IS DISTINCT FROM (EXCLUDED.valor, EXCLUDED.calificador)
       RETURNING (xmax = 0) AS nueva`,
      importacionId,
    ),
};
