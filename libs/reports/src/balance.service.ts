/**
 * The phase balance workbook ("Balance de la Fase I", II, III or general) that
 * an evaluator hands in without retouching: every figure from the metrics, the
 * main charts as images, each metric's definition from the catalogue.
 */
import { Injectable } from '@nestjs/common';
import { GRAFICO, GraficosService, PRESETS } from '@tablero/charts';
import {
  Calificador,
  formatearPorcentaje,
  FUENTE,
  HITOS_PDT,
  NOMBRES_ESTADO,
  NOMBRES_HITO,
  sumarCifras,
  TIPO_WEBINAR,
} from '@tablero/domain';
import {
  Filtros,
  FilaDesglose,
  METRICAS,
  METRICAS_PDT,
  MetricasService,
  PdtService,
} from '@tablero/metrics';
import ExcelJS from 'exceljs';
import { ColumnaHoja, filaDeTotales, fila, filtrar, nuevaHoja, Valor } from './hoja';

const CALIFICADOR: Record<Calificador, string> = {
  exacto: 'Exacto',
  minimo: 'Mínimo (más de)',
  aproximado: 'Aproximado (cerca de)',
};

const GRAFICOS_DEL_BALANCE = [
  'alcance-por-fase',
  'actividades-por-tipo',
  'asistencias-por-departamento',
  'asistencias-por-modalidad',
];

/** Phase III's balance also shows where the development plans stand. */
const GRAFICOS_PDT = ['pdt-estados', 'pdt-estados-por-departamento', 'pdt-embudo'];

const NIVEL: Record<string, string> = { departamento: 'Departamento', municipio: 'Municipio' };

const RETRASO = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } },
  font: { bold: true, color: { argb: 'FF9C0006' } },
} as const;

/** A calendar date (aaaa-mm-dd) as the Date Excel stores, at noon UTC so no time zone moves its day. */
function fecha(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T12:00:00Z`) : null;
}

@Injectable()
export class BalanceService {
  constructor(
    private readonly metricas: MetricasService,
    private readonly graficos: GraficosService,
    private readonly pdt: PdtService,
  ) {}

  async libro(f: Filtros, generadoPor: string, ahora = new Date()): Promise<Buffer> {
    const titulo = f.fase ? `Balance de la Fase ${f.fase}` : 'Balance general';
    const libro = new ExcelJS.Workbook();
    libro.creator = 'Tablero JPT (DNP)';
    libro.lastModifiedBy = generadoPor;
    libro.company = 'Departamento Nacional de Planeación';
    libro.title = titulo;
    libro.subject = 'Estrategia Juntos por el Territorio';
    libro.keywords = 'balance, Juntos por el Territorio, DNP';
    libro.created = ahora;
    libro.modified = ahora;

    const [
      kpis,
      personas,
      cobertura,
      porActividad,
      webinars,
      departamentos,
      municipios,
      grupos,
      aliados,
      partidas,
      listado,
      enPalabras,
    ] = await Promise.all([
      this.metricas.kpis(f),
      this.metricas.personasUnicas(f),
      this.metricas.cobertura(f),
      this.metricas.desglose('actividad', f),
      this.metricas.desglose('actividad', { ...f, tipo: TIPO_WEBINAR }),
      this.metricas.desglose('departamento', f),
      this.metricas.desglose('municipio', f),
      this.metricas.desglose('grupo', f),
      this.metricas.desglose('aliado', f),
      this.metricas.conciliacion(f),
      this.metricas.actividades(f, {
        pagina: 1,
        tamano: 1_000_000,
        orden: 'codigo',
        direccion: 'asc',
      }),
      this.metricas.describirFiltros(f),
    ]);

    // Resumen
    const resumen = nuevaHoja(libro, 'Resumen', [
      { titulo: 'Indicador', ancho: 32, formato: 'texto' },
      { titulo: 'Cifra', ancho: 20, formato: 'entero' },
      { titulo: 'Calificador', ancho: 22, formato: 'texto' },
      { titulo: 'Cifra publicada', ancho: 16, formato: 'texto' },
      { titulo: 'Meta', ancho: 12, formato: 'entero' },
      { titulo: 'Avance', ancho: 10, formato: 'porcentaje' },
      {
        titulo: kpis.fechaCorteAnterior ? 'Cifra un mes antes' : 'Cifra anterior',
        ancho: 18,
        formato: 'entero',
      },
    ]);
    for (const k of kpis.kpis) {
      fila(resumen, [
        k.etiqueta,
        k.cifra.valor,
        CALIFICADOR[k.cifra.calificador],
        k.cifra.texto,
        k.meta,
        k.avance,
        k.anterior?.valor ?? null,
      ]);
    }
    fila(resumen, [
      'Personas únicas',
      personas,
      personas === null ? 'Sin registros de personas' : 'Exacto',
      personas === null ? '–' : String(personas),
      null,
      null,
      null,
    ]);
    fila(resumen, [
      'Departamentos alcanzados',
      cobertura.departamentos.alcanzados,
      'Exacto',
      `${cobertura.departamentos.alcanzados} de ${cobertura.departamentos.total}`,
      null,
      null,
      null,
    ]);
    fila(resumen, [
      'Municipios alcanzados',
      cobertura.municipios.alcanzados,
      'Exacto',
      `${cobertura.municipios.alcanzados} de ${cobertura.municipios.total}`,
      null,
      null,
      null,
    ]);
    resumen.addRow([]);
    const datos: [string, Valor][] = [
      ['Balance', titulo],
      ['Filtros aplicados', enPalabras],
      ['Fecha de corte', fecha(kpis.fechaCorte)],
      ['Generado el', ahora],
      ['Generado por', generadoPor],
      ['Fuente', FUENTE.replace(/^Fuente: /, '')],
    ];
    for (const [etiqueta, valor] of datos) {
      const r = fila(resumen, [etiqueta, valor]);
      r.getCell(1).font = { bold: true };
      if (valor instanceof Date)
        r.getCell(2).numFmt = etiqueta === 'Generado el' ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
    }

    // Actividades: one row per activity, and one per cycle whose figure belongs to no single activity.
    const cifrasPor = new Map(porActividad.filas.map((r) => [r.clave, r]));
    const actividades = nuevaHoja(libro, 'Actividades', [
      { titulo: 'Código', ancho: 16, formato: 'texto' },
      { titulo: 'Fase', ancho: 6, formato: 'texto' },
      { titulo: 'Tipo', ancho: 20, formato: 'texto' },
      { titulo: 'Título', ancho: 50, formato: 'texto' },
      { titulo: 'Inicio', ancho: 12, formato: 'fecha' },
      { titulo: 'Fin', ancho: 12, formato: 'fecha' },
      { titulo: 'Modalidad', ancho: 12, formato: 'texto' },
      { titulo: 'Canal', ancho: 16, formato: 'texto' },
      { titulo: 'Lugar', ancho: 24, formato: 'texto' },
      { titulo: 'Aliados', ancho: 24, formato: 'texto' },
      { titulo: 'Asistencias', ancho: 13, formato: 'entero' },
      { titulo: 'Certificados', ancho: 13, formato: 'entero' },
      { titulo: 'Vistas', ancho: 12, formato: 'entero' },
      { titulo: 'Alcance', ancho: 12, formato: 'entero' },
      { titulo: 'Calificador', ancho: 20, formato: 'texto' },
    ]);
    const cifrasFila = (r: FilaDesglose | undefined): Valor[] => [
      r?.cifras.asistencias.valor ?? 0,
      r?.cifras.certificados.valor ?? 0,
      r?.cifras.vistas.valor ?? 0,
      r?.cifras.alcance.valor ?? 0,
      CALIFICADOR[r?.cifras.alcance.calificador ?? 'exacto'],
    ];
    for (const a of listado.filas) {
      fila(actividades, [
        a.codigo,
        a.fase,
        a.tipo,
        a.titulo,
        fecha(a.fechaInicio),
        fecha(a.fechaFin),
        a.modalidad,
        a.canal,
        a.lugar,
        a.aliados.join('; '),
        ...cifrasFila(cifrasPor.get(a.codigo)),
      ]);
    }
    const codigos = new Set(listado.filas.map((a) => a.codigo));
    for (const r of porActividad.filas.filter(
      (r) => r.clave && !codigos.has(r.clave) && r.cifras.alcance.valor > 0,
    )) {
      fila(actividades, [
        r.clave,
        f.fase ?? null,
        'Ciclo (cifra del conjunto)',
        r.etiqueta,
        null,
        null,
        null,
        null,
        null,
        null,
        ...cifrasFila(r),
      ]);
    }
    const ultimaActividad = actividades.rowCount;
    filtrar(actividades, 15, ultimaActividad);
    filaDeTotales(actividades, 'Total', [11, 12, 13, 14], 2, ultimaActividad).getCell(15).value =
      CALIFICADOR[porActividad.total.alcance.calificador];

    tablaDeDesglose(
      libro,
      'Webinars',
      'Webinar o ciclo de webinars',
      webinars.filas.filter((r) => r.cifras.vistas.valor > 0),
      ['vistas'],
      true,
    );
    tablaDeDesglose(
      libro,
      'Territorios',
      'Departamento',
      departamentos.filas,
      ['asistencias', 'certificados', 'alcance'],
      true,
      municipios.filas,
    );
    tablaDeDesglose(
      libro,
      'Grupos de valor',
      'Grupo de valor',
      grupos.filas,
      ['asistencias', 'certificados', 'alcance'],
      true,
    );
    const hojaAliados = tablaDeDesglose(
      libro,
      'Aliados',
      'Entidad aliada',
      aliados.filas,
      ['actividades', 'asistencias', 'alcance'],
      false,
    );
    fila(hojaAliados, [
      'Una actividad con varios aliados cuenta para cada uno de ellos: estas filas no se suman.',
    ]).font = { italic: true };

    // Conciliación
    const conciliacion = nuevaHoja(libro, 'Conciliación', [
      { titulo: 'Objeto', ancho: 10, formato: 'texto' },
      { titulo: 'Código', ancho: 18, formato: 'texto' },
      { titulo: 'Nombre', ancho: 48, formato: 'texto' },
      { titulo: 'Métrica', ancho: 24, formato: 'texto' },
      { titulo: 'Declarado', ancho: 12, formato: 'entero' },
      { titulo: 'Calificador', ancho: 20, formato: 'texto' },
      { titulo: 'Corte declarado', ancho: 14, formato: 'fecha' },
      { titulo: 'Registrado', ancho: 12, formato: 'entero' },
      { titulo: 'Diferencia', ancho: 12, formato: 'entero' },
    ]);
    for (const p of partidas) {
      fila(conciliacion, [
        p.objeto,
        p.codigo,
        p.nombre,
        p.metrica,
        p.declarado.valor,
        CALIFICADOR[p.declarado.calificador],
        fecha(p.fechaCorteDeclarado),
        p.registrado,
        p.diferencia,
      ]);
    }
    filtrar(conciliacion, 9, conciliacion.rowCount);
    if (partidas.length > 0) {
      conciliacion.addConditionalFormatting({
        ref: `I2:I${partidas.length + 1}`,
        rules: [
          {
            type: 'expression',
            formulae: ['I2<>0'],
            priority: 1,
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } },
              font: { bold: true, color: { argb: 'FF9C0006' } },
            },
          },
        ],
      });
    } else {
      fila(conciliacion, [
        'Sin partidas: ninguna cifra declarada tiene registros que la reemplacen.',
      ]);
    }

    const esFaseIII = f.fase === 'III';
    if (esFaseIII) await this.hojasPdt(libro, f);

    // Gráficos
    const hojaGraficos = libro.addWorksheet('Gráficos', {
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    hojaGraficos.getColumn(1).width = 120;
    const lienzo = PRESETS['redes-horizontal'];
    let filaGrafico = 1;
    for (const id of esFaseIII
      ? [...GRAFICOS_DEL_BALANCE, ...GRAFICOS_PDT]
      : GRAFICOS_DEL_BALANCE) {
      const imagen = libro.addImage({
        buffer: (await this.graficos.png(id, f, lienzo)) as never,
        extension: 'png',
      });
      fila(hojaGraficos, [GRAFICO.get(id)!.titulo]).font = { bold: true, size: 13 };
      hojaGraficos.addImage(imagen, {
        tl: { col: 0, row: filaGrafico },
        ext: { width: 800, height: 450 },
      });
      filaGrafico += 25;
      while (hojaGraficos.rowCount < filaGrafico - 1) hojaGraficos.addRow([]);
      hojaGraficos.getRow(filaGrafico - 1).addPageBreak();
    }

    // Metodología
    const metodologia = nuevaHoja(libro, 'Metodología', [
      { titulo: 'Métrica', ancho: 28, formato: 'texto' },
      { titulo: 'Unidad', ancho: 18, formato: 'texto' },
      { titulo: 'Definición', ancho: 110, formato: 'texto' },
    ]);
    for (const m of esFaseIII ? [...METRICAS, ...METRICAS_PDT] : METRICAS)
      fila(metodologia, [m.etiqueta, m.unidad, m.definicion]).alignment = {
        wrapText: true,
        vertical: 'top',
      };
    for (const nota of [
      'Calificadores: una cifra exacta se muestra tal cual (11.991); un mínimo ("más de") con > y una aproximación ("cerca de") con ≈. Una suma conserva el calificador menos cierto de sus partes.',
      'Registros y cifras declaradas: cuando una actividad o un ciclo tiene registros persona a persona, los registros son la cifra y la cifra declarada pasa a la hoja Conciliación.',
      'Las personas se identifican solo por una clave seudónima (HMAC-SHA256 del documento o el correo): ningún nombre ni número de documento se guarda ni se exporta.',
      `${FUENTE}. Documento base: DNP (2023), Estrategia Juntos por el Territorio.`,
    ]) {
      fila(metodologia, ['Nota', '', nota]).alignment = { wrapText: true, vertical: 'top' };
    }

    return Buffer.from(await libro.xlsx.writeBuffer());
  }

  /**
   * Estado PDT: one row per entity with its milestones and state on the
   * cut-off date (the data's without one), overdue and late ones highlighted;
   * Asistencias técnicas: one row per assistance, with totals.
   */
  private async hojasPdt(libro: ExcelJS.Workbook, f: Filtros): Promise<void> {
    const filtros = await this.pdt.filtrosDe(f);
    const [{ entidades, resumen }, asistencias] = await Promise.all([
      this.pdt.estados(filtros),
      this.pdt.asistencias(filtros),
    ]);
    const estado = nuevaHoja(libro, 'Estado PDT', [
      { titulo: 'Código', ancho: 9, formato: 'texto' },
      { titulo: 'Entidad territorial', ancho: 30, formato: 'texto' },
      { titulo: 'Nivel', ancho: 13, formato: 'texto' },
      { titulo: 'Categoría', ancho: 10, formato: 'texto' },
      { titulo: 'Departamento', ancho: 22, formato: 'texto' },
      ...HITOS_PDT.map((h): ColumnaHoja => ({
        titulo: NOMBRES_HITO[h],
        ancho: 15,
        formato: 'fecha',
      })),
      { titulo: 'Acto de adopción', ancho: 24, formato: 'texto' },
      { titulo: 'Estado', ancho: 24, formato: 'texto' },
      { titulo: 'Hito pendiente', ancho: 30, formato: 'texto' },
      { titulo: 'Plazo del hito pendiente', ancho: 14, formato: 'fecha' },
      { titulo: 'Días de retraso', ancho: 10, formato: 'entero' },
      { titulo: 'Asistencias técnicas', ancho: 12, formato: 'entero' },
      { titulo: 'Horas de asistencia', ancho: 12, formato: 'decimal' },
    ]);
    for (const e of entidades) {
      fila(estado, [
        e.codigo,
        e.nombre,
        NIVEL[e.nivel],
        e.categoria,
        e.departamentoNombre,
        ...HITOS_PDT.map((h) => fecha(e.hitos[h] ?? null)),
        e.referencias.aprobado ?? e.referencias.adoptado_decreto ?? null,
        NOMBRES_ESTADO[e.estado],
        e.hitoPendiente ? NOMBRES_HITO[e.hitoPendiente] : null,
        fecha(e.plazoPendiente),
        e.diasRetraso,
        e.asistencias,
        e.horas,
      ]);
    }
    const columnas = 5 + HITOS_PDT.length + 7;
    filtrar(estado, columnas, estado.rowCount);
    const ultima = estado.getColumn(columnas).letter;
    const letraEstado = estado.getColumn(5 + HITOS_PDT.length + 2).letter;
    const letraRetraso = estado.getColumn(columnas - 2).letter;
    if (entidades.length > 0) {
      estado.addConditionalFormatting({
        ref: `A2:${ultima}${entidades.length + 1}`,
        rules: [
          {
            type: 'expression',
            formulae: [`$${letraRetraso}2>0`],
            priority: 1,
            style: RETRASO,
          },
          {
            type: 'expression',
            formulae: [`$${letraEstado}2="${NOMBRES_ESTADO.aprobado_tarde}"`],
            priority: 2,
            style: { fill: RETRASO.fill },
          },
        ],
      });
    }
    estado.addRow([]);
    const { nacional, asistidas, noAsistidas } = resumen.aprobadoATiempo;
    for (const [etiqueta, valor] of [
      ['Fecha de los estados', fecha(resumen.fecha)],
      [
        'PDT aprobados a tiempo',
        `${nacional.aprobadasATiempo} de ${nacional.entidades} (${formatearPorcentaje(nacional.porcentaje)})`,
      ],
      [
        'Aprobados a tiempo entre las entidades asistidas',
        `${asistidas.aprobadasATiempo} de ${asistidas.entidades} (${formatearPorcentaje(asistidas.porcentaje)})`,
      ],
      [
        'Aprobados a tiempo entre las no asistidas',
        `${noAsistidas.aprobadasATiempo} de ${noAsistidas.entidades} (${formatearPorcentaje(noAsistidas.porcentaje)})`,
      ],
    ] as [string, Valor][]) {
      const r = fila(estado, [etiqueta, valor]);
      r.getCell(1).font = { bold: true };
      if (valor instanceof Date) r.getCell(2).numFmt = 'dd/mm/yyyy';
    }

    const hoja = nuevaHoja(libro, 'Asistencias técnicas', [
      { titulo: 'Fecha', ancho: 12, formato: 'fecha' },
      { titulo: 'Código', ancho: 9, formato: 'texto' },
      { titulo: 'Entidad territorial', ancho: 30, formato: 'texto' },
      { titulo: 'Tema', ancho: 30, formato: 'texto' },
      { titulo: 'Modalidad', ancho: 12, formato: 'texto' },
      { titulo: 'Quién la dio', ancho: 20, formato: 'texto' },
      { titulo: 'Horas', ancho: 10, formato: 'decimal' },
      { titulo: 'Funcionarios', ancho: 13, formato: 'entero' },
    ]);
    for (const a of asistencias) {
      fila(hoja, [
        fecha(a.fecha),
        a.codigo,
        a.nombre,
        a.temaNombre,
        a.modalidad,
        a.oferente,
        a.horas,
        a.funcionarios,
      ]);
    }
    const ultimaAsistencia = hoja.rowCount;
    filtrar(hoja, 8, ultimaAsistencia);
    filaDeTotales(hoja, `Total: ${asistencias.length} asistencias`, [7, 8], 2, ultimaAsistencia);
  }
}

/** A breakdown as a table: its label column, the metrics asked for and, when additive, a SUM row. */
function tablaDeDesglose(
  libro: ExcelJS.Workbook,
  nombre: string,
  etiqueta: string,
  filas: readonly FilaDesglose[],
  metricas: readonly ('actividades' | 'asistencias' | 'certificados' | 'vistas' | 'alcance')[],
  sumar: boolean,
  detalle?: readonly FilaDesglose[],
): ExcelJS.Worksheet {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Código', ancho: 12, formato: 'texto' },
    { titulo: etiqueta, ancho: 46, formato: 'texto' },
    ...metricas.flatMap((m): ColumnaHoja[] => [
      { titulo: METRICAS.find((x) => x.id === m)!.etiqueta, ancho: 16, formato: 'entero' },
    ]),
    { titulo: 'Calificador', ancho: 20, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, nombre, columnas);
  const escribir = (r: FilaDesglose) =>
    fila(hoja, [
      r.clave,
      r.etiqueta,
      ...metricas.map((m) => r.cifras[m].valor),
      CALIFICADOR[r.cifras[metricas[metricas.length - 1]].calificador],
    ]);
  filas.forEach(escribir);
  const ultima = hoja.rowCount;
  filtrar(hoja, columnas.length, ultima);
  if (sumar) {
    const total = filaDeTotales(
      hoja,
      'Total',
      metricas.map((_m, i) => i + 3),
      2,
      ultima,
    );
    total.getCell(columnas.length).value =
      CALIFICADOR[
        sumarCifras(filas.map((r) => r.cifras[metricas[metricas.length - 1]])).calificador
      ];
  }
  if (detalle && detalle.length > 0) {
    hoja.addRow([]);
    const titulo = fila(hoja, ['Municipios']);
    titulo.font = { bold: true, size: 12 };
    fila(
      hoja,
      columnas.map((c, i) => (i === 1 ? 'Municipio (departamento)' : c.titulo)),
    ).font = { bold: true };
    detalle.forEach(escribir);
  }
  return hoja;
}
