import {
  CodigoHito,
  formatearFecha,
  HITOS_PDT,
  motivoHitoInvalido,
  NOMBRES_HITO,
  ORDEN_HITO,
  PLAZOS_LEY_152_2024,
} from '@tablero/domain';
import { fecha, normalizar, texto, textoHasta, ValorInvalido } from '../valores';
import { columnaDepartamento, columnaEntidad, territorioDeLaFila } from './campos-territoriales';
import { contarFusion } from './comunes';
import { Columna, TipoImportacion } from './tipo-importacion';
import { Validacion } from './validacion';

const columnas: readonly Columna[] = [
  columnaDepartamento,
  columnaEntidad,
  {
    campo: 'hito',
    obligatoria: true,
    descripcion: `Hito del plan de desarrollo: ${HITOS_PDT.map((h) => `${h} (${NOMBRES_HITO[h]})`).join(', ')}`,
    ejemplo: 'radicado_ctp',
    valores: () => HITOS_PDT,
  },
  {
    campo: 'fecha',
    obligatoria: true,
    descripcion:
      'Fecha del hito (dd/mm/aaaa): no anterior a la posesión (01/01/2024) ni posterior a hoy, y en el orden legal de los hitos',
    ejemplo: '20/02/2024',
    alias: ['fecha_hito'],
  },
  {
    campo: 'referencia',
    obligatoria: false,
    descripcion: 'Referencia del documento: número de radicado, ordenanza, acuerdo o decreto',
    ejemplo: 'Ordenanza 012 de 2024',
    alias: ['documento', 'numero_documento_soporte', 'soporte'],
  },
];

const POR_NOMBRE = new Map<string, CodigoHito>(
  HITOS_PDT.flatMap((h) => [
    [normalizar(h), h],
    [normalizar(NOMBRES_HITO[h]), h],
  ]),
);

interface HitoLeido {
  fila: number;
  territorio: string;
  hito: CodigoHito;
  fecha: string;
}

export const hitosPdt: TipoImportacion = {
  codigo: 'hitos_pdt',
  descripcion:
    'Los hitos del Plan de Desarrollo Territorial 2024-2027 de cada entidad: una fila por entidad y hito. ' +
    'Volver a cargar un hito corrige su fecha o su referencia. Se rechaza el hito con fecha futura, ' +
    'anterior a la posesión o fuera del orden legal respecto de los demás hitos de la entidad.',
  columnas,
  stage: [
    ['territorio_codigo', 'varchar'],
    ['hito', 'varchar'],
    ['fecha', 'date'],
    ['referencia', 'varchar'],
  ],

  validar(fila, contexto) {
    const v = new Validacion(fila, columnas);
    const territorio = territorioDeLaFila(v, contexto, 'codigo_entidad');
    const hito = v.campo('hito', (c) => {
      const codigo = POR_NOMBRE.get(normalizar(texto(c)));
      if (!codigo) throw new ValorInvalido(`el hito debe ser uno de: ${HITOS_PDT.join(', ')}`);
      return codigo;
    });
    const dia = v.campo('fecha', fecha);
    const referencia = v.campo('referencia', textoHasta(200));
    if (!v.valida) return v.rechazada();
    return v.aceptada([territorio!, hito!, dia!, referencia ?? null]);
  },

  /**
   * Each row against the entity's other milestones as they will stand: the
   * stored ones, replaced by this file's where it has them (its last row for a
   * milestone wins). When two rows of the file contradict each other, the one
   * later in the legal sequence is rejected: it is the one out of order.
   * Milestone imports take turns, so two files cannot each pass against the
   * other's absence.
   */
  async revisar(queryRunner, contexto) {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('importacion:hitos_pdt'))`);
    const filas: HitoLeido[] = await queryRunner.query(
      `SELECT fila, territorio_codigo AS territorio, hito, fecha::text AS fecha
         FROM stage WHERE errores IS NULL ORDER BY fila`,
    );
    const guardados: HitoLeido[] = await queryRunner.query(
      `SELECT territorio_codigo AS territorio, hito, fecha::text AS fecha FROM hito_pdt
        WHERE territorio_codigo IN (SELECT territorio_codigo FROM stage WHERE errores IS NULL)`,
    );
    const plazos = PLAZOS_LEY_152_2024;
    const agrupar = (hitos: readonly HitoLeido[]) => {
      const porEntidad = new Map<string, Partial<Record<CodigoHito, string>>>();
      for (const h of hitos)
        porEntidad.set(h.territorio, { ...porEntidad.get(h.territorio), [h.hito]: h.fecha });
      return porEntidad;
    };
    const delArchivo = agrupar(
      filas.filter((h) => h.fecha <= contexto.hoy && h.fecha >= plazos.posesion),
    );
    const almacenados = agrupar(guardados);
    const rechazos: { fila: number; errores: string }[] = [];
    for (const h of filas) {
      const archivo = delArchivo.get(h.territorio) ?? {};
      const otros: Partial<Record<CodigoHito, string>> = { ...almacenados.get(h.territorio) };
      for (const otro of HITOS_PDT) {
        if (archivo[otro]) {
          if (ORDEN_HITO[otro] <= ORDEN_HITO[h.hito]) otros[otro] = archivo[otro];
          else delete otros[otro];
        }
      }
      delete otros[h.hito];
      const motivo = motivoHitoInvalido(h.hito, h.fecha, otros, contexto.hoy, plazos);
      if (motivo) {
        rechazos.push({
          fila: h.fila,
          errores: JSON.stringify([{ columna: 'fecha', valor: formatearFecha(h.fecha), motivo }]),
        });
      }
    }
    if (rechazos.length === 0) return;
    await queryRunner.query(
      `UPDATE stage s SET errores = r.errores::jsonb
         FROM jsonb_to_recordset($1::jsonb) AS r(fila int, errores text) WHERE s.fila = r.fila`,
      [JSON.stringify(rechazos)],
    );
  },

  fusionar: (queryRunner, importacionId) =>
    contarFusion(
      queryRunner,
      `INSERT INTO hito_pdt (territorio_codigo, hito, fecha, referencia, importacion_id)
       SELECT DISTINCT ON (territorio_codigo, hito) territorio_codigo, hito, fecha, referencia, $1
         FROM stage WHERE errores IS NULL ORDER BY territorio_codigo, hito, fila DESC
       ON CONFLICT ON CONSTRAINT pk_hito_pdt DO UPDATE
         SET fecha = EXCLUDED.fecha, referencia = EXCLUDED.referencia,
             importacion_id = EXCLUDED.importacion_id
         WHERE (hito_pdt.fecha, hito_pdt.referencia) IS DISTINCT FROM (EXCLUDED.fecha, EXCLUDED.referencia)
       RETURNING (xmax = 0) AS nueva`,
      importacionId,
    ),
};
