/**
 * The sheets of a phase balance, one function each, every column placed by its heading.
 * Each figure is written as the metrics tell it: its number where it reads as one, the
 * source's words where parts of different qualifiers stand side by side, «—» with its reason
 * where there is none.
 */
import {
  Calificador,
  CifraPublicada,
  enumerar,
  formatearCifra,
  formatearFecha,
  formatearFechaHora,
  formatearPeriodo,
  formatearPorcentaje,
  FUENTE,
  HITOS_PDT,
  NOMBRES_ESTADO,
  NOMBRES_HITO,
  nombreDeModalidad,
  letra,
} from '@tablero/domain';
import {
  ActividadListada,
  Desglose,
  EntidadPdt,
  FilaDesglose,
  Kpis,
  METRICA,
  MetricaId,
  PartidaConciliacion,
  AsistenciaTecnicaListada,
  ResumenPdt,
  FaseDeclarada,
} from '@tablero/metrics';
import ExcelJS from 'exceljs';
import {
  ajustar,
  hojaImprimible,
  ColumnaHoja,
  columnaDe,
  fila,
  filaDeTotales,
  filtrar,
  nota,
  nuevaHoja,
  Valor,
} from './hoja';

const CALIFICADOR: Record<Calificador, string> = {
  exacto: 'Exacto',
  minimo: 'Mínimo (más de)',
  aproximado: 'Aproximado (cerca de)',
};

const NIVEL: Record<string, string> = { departamento: 'Departamento', municipio: 'Municipio' };

const RETRASO = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } },
  font: letra({ bold: true, color: { argb: 'FF9C0006' } }),
} as const;

/** A calendar date (aaaa-mm-dd) as the Date Excel stores, at noon UTC so no time zone moves its day. */
export function fecha(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T12:00:00Z`) : null;
}

/**
 * A figure in a cell: its number where it reads as one ("11.991", "≈ 1.700"), the source's words
 * where parts of different qualifiers are told side by side, «—» where there is none.
 */
export function celdaDeCifra(cifra: CifraPublicada): Valor {
  if (cifra.valor === null) return '—';
  return cifra.calificador &&
    cifra.texto === formatearCifra({ valor: cifra.valor, calificador: cifra.calificador })
    ? cifra.valor
    : cifra.texto;
}

const PREFIJO_DE: Record<string, Calificador> = { '>': 'minimo', '≈': 'aproximado' };

/** The qualifier, or those of the parts told side by side ("Mínimo (más de) y aproximado (cerca de)"). */
function calificadorDe(cifra: CifraPublicada): string {
  if (!cifra.calificador) return '—';
  const calificadores = [
    ...new Set(cifra.texto.split(' · ').map((parte) => PREFIJO_DE[parte[0]] ?? 'exacto')),
  ];
  if (calificadores.length === 1) return CALIFICADOR[cifra.calificador];
  const nombres = calificadores.map((c, i) =>
    i === 0 ? CALIFICADOR[c] : CALIFICADOR[c].toLowerCase(),
  );
  return `${nombres.slice(0, -1).join(', ')} y ${nombres[nombres.length - 1]}`;
}

/** What a row's figures leave unsaid: why one is missing, how much of a sum is not exact. */
function observacionDe(partes: readonly (readonly [string, CifraPublicada])[]): string {
  const columnasDe = new Map<string, string[]>();
  for (const [columna, cifra] of partes)
    for (const texto of [cifra.motivo, cifra.detalle])
      if (texto) columnasDe.set(texto, [...(columnasDe.get(texto) ?? []), columna.toLowerCase()]);
  // A remark true of every figure of the row needs no names; one true of some names them.
  return [...columnasDe]
    .map(([texto, columnas]) =>
      columnas.length === partes.length ? texto : `${enumerar(columnas)}: ${texto}`,
    )
    .join('; ');
}

/** What the cover says about the balance. */
export interface Portada {
  readonly titulo: string;
  readonly fase: string;
  readonly periodo: string;
  readonly filtros: string;
  readonly fechaCorte: string | null;
  readonly resumen: readonly string[];
  readonly hojas: readonly [string, string][];
  readonly generadoPor: string;
  readonly ahora: Date;
}

export function hojaPortada(libro: ExcelJS.Workbook, p: Portada): void {
  const hoja = hojaImprimible(libro, 'Portada', 'portrait');
  hoja.getColumn(1).width = 24;
  hoja.getColumn(2).width = 90;
  const titulo = nota(hoja, p.titulo, 2);
  titulo.font = letra({ bold: true, size: 18, color: { argb: 'FF0B3D6B' } });
  // LibreOffice keeps a row without a height at the default one, whatever its font: the title overlapped the next row.
  titulo.height = 26;
  nota(hoja, 'Estrategia Juntos por el Territorio · Departamento Nacional de Planeación', 2).font =
    letra({ size: 12 });
  hoja.addRow([]);
  for (const [etiqueta, valor] of [
    ['Fase', p.fase],
    ['Periodo', p.periodo],
    ['Filtros aplicados', p.filtros],
    ['Fecha de corte', p.fechaCorte ? formatearFecha(p.fechaCorte) : 'Sin cifras con fecha'],
    ['Generado el', `${formatearFechaHora(p.ahora)} (hora de Colombia)`],
    ['Generado por', p.generadoPor],
    ['Fuente', FUENTE.replace(/^Fuente: /, '')],
  ]) {
    fila(hoja, [etiqueta, valor]).getCell(1).font = letra({ bold: true });
  }
  hoja.addRow([]);
  fila(hoja, ['Resumen']).font = letra({ bold: true, size: 13 });
  for (const parrafo of p.resumen) fila(hoja, ['', parrafo]);
  hoja.addRow([]);
  fila(hoja, ['Contenido']).font = letra({ bold: true, size: 13 });
  for (const [nombre, descripcion] of p.hojas) fila(hoja, [nombre, descripcion]);
  ajustar(hoja, [24, 90]);
}

/** The phases' lines as the source document states them. */
export function hojaDeclarado(libro: ExcelJS.Workbook, fases: readonly FaseDeclarada[]): void {
  const varias = fases.length > 1;
  const columnas: ColumnaHoja[] = [
    ...(varias ? [{ titulo: 'Fase', ancho: 6, formato: 'texto' } as const] : []),
    { titulo: 'Código', ancho: 16, formato: 'texto' },
    { titulo: 'Actividad o ciclo', ancho: 48, formato: 'texto' },
    { titulo: 'Tipo', ancho: 22, formato: 'texto' },
    { titulo: 'Actividades', ancho: 12, formato: 'entero' },
    { titulo: 'Cifra declarada', ancho: 40, formato: 'texto' },
    { titulo: 'Calificador', ancho: 22, formato: 'texto' },
    { titulo: 'Canal', ancho: 24, formato: 'texto' },
    { titulo: 'Lugar', ancho: 36, formato: 'texto' },
    { titulo: 'Fecha o periodo', ancho: 28, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, 'Declarado', columnas);
  for (const f of fases) {
    for (const l of f.lineas) {
      fila(hoja, [
        ...(varias ? [f.fase] : []),
        l.codigo,
        l.nombre,
        l.objeto === 'ciclo' ? `Ciclo de ${l.tipo.toLowerCase()}` : l.tipo,
        l.actividades ?? '—',
        l.texto,
        calificadorDe(l.cifra),
        l.canal,
        l.lugar,
        l.fechas ?? '—',
      ]);
    }
  }
  filtrar(hoja, columnas.length, hoja.rowCount);
  nota(
    hoja,
    'Cada línea dice lo que el documento fuente declara, con su calificador: «>» es «más de», «≈» es «cerca de». ' +
      'Un ciclo es una serie de actividades cuya cifra la fuente da para el conjunto, no para cada una.',
    columnas.length,
  );
  ajustar(hoja, columnas);
}

export function hojaResumen(
  libro: ExcelJS.Workbook,
  kpis: Kpis,
  personas: number | null,
  cobertura: { departamentos: string; municipios: string },
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Indicador', ancho: 32, formato: 'texto' },
    { titulo: 'Cifra', ancho: 20, formato: 'entero' },
    { titulo: 'Calificador', ancho: 22, formato: 'texto' },
    { titulo: 'Cifra publicada', ancho: 40, formato: 'texto' },
    { titulo: 'Meta', ancho: 12, formato: 'entero' },
    { titulo: 'Avance', ancho: 10, formato: 'porcentaje' },
    {
      titulo: kpis.fechaCorteAnterior
        ? `Cifra al ${formatearFecha(kpis.fechaCorteAnterior)}`
        : 'Cifra anterior',
      ancho: 18,
      formato: 'entero',
    },
    { titulo: 'Observación', ancho: 50, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, 'Resumen', columnas);
  for (const k of kpis.kpis) {
    fila(hoja, [
      k.etiqueta,
      celdaDeCifra(k.cifra),
      calificadorDe(k.cifra),
      k.cifra.texto,
      k.meta,
      k.avance,
      k.anterior ? celdaDeCifra(k.anterior) : '—',
      observacionDe([[k.etiqueta, k.cifra]]) ||
        (k.anterior ? '' : 'Sin cifra anterior: los datos no dicen qué se sabía un mes antes'),
    ]);
  }
  fila(hoja, [
    'Personas únicas',
    personas ?? '—',
    personas === null ? '—' : 'Exacto',
    personas === null ? '—' : String(personas),
    null,
    null,
    null,
    personas === null ? 'Sin registros persona a persona' : '',
  ]);
  fila(hoja, ['Departamentos alcanzados', null, null, cobertura.departamentos]);
  fila(hoja, ['Municipios alcanzados', null, null, cobertura.municipios]);
  ajustar(hoja, columnas);
}

const COLUMNAS_DE_CIFRAS = [
  ['asistencias', 'Asistencias'],
  ['certificados', 'Personas certificadas'],
  ['vistas', 'Vistas'],
  ['interacciones', 'Interacciones registradas'],
] as const satisfies readonly (readonly [MetricaId, string])[];

/** One row per activity, and one per cycle whose figure belongs to no single activity. */
export function hojaActividades(
  libro: ExcelJS.Workbook,
  actividades: readonly ActividadListada[],
  porActividad: Desglose,
  fase: string | null,
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Código', ancho: 16, formato: 'texto' },
    { titulo: 'Fase', ancho: 6, formato: 'texto' },
    { titulo: 'Tipo', ancho: 26, formato: 'texto' },
    { titulo: 'Título', ancho: 50, formato: 'texto' },
    // As the source gives it; the bounds beside it as dates, to sort and filter by.
    { titulo: 'Fecha o periodo', ancho: 24, formato: 'texto' },
    { titulo: 'Desde', ancho: 13, formato: 'fecha' },
    { titulo: 'Hasta', ancho: 13, formato: 'fecha' },
    { titulo: 'Modalidad', ancho: 12, formato: 'texto' },
    { titulo: 'Canal', ancho: 20, formato: 'texto' },
    { titulo: 'Lugar', ancho: 30, formato: 'texto' },
    { titulo: 'Aliados', ancho: 30, formato: 'texto' },
    ...COLUMNAS_DE_CIFRAS.map(([, titulo]): ColumnaHoja => ({
      titulo,
      ancho: 40,
      formato: 'entero',
    })),
    { titulo: 'Calificador', ancho: 22, formato: 'texto' },
    { titulo: 'Observación', ancho: 60, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, 'Actividades', columnas);
  const cifrasPor = new Map(porActividad.filas.map((r) => [r.clave, r]));
  const cifrasDe = (r: FilaDesglose | undefined): Valor[] => {
    if (!r) return [...COLUMNAS_DE_CIFRAS.map(() => '—'), '—', 'sin cifra en la fuente'];
    const partes = COLUMNAS_DE_CIFRAS.map(([m, titulo]) => [titulo, r.cifras[m]] as const);
    return [
      ...partes.map(([, cifra]) => celdaDeCifra(cifra)),
      calificadorDe(r.cifras.interacciones),
      observacionDe(partes),
    ];
  };
  for (const a of actividades) {
    fila(hoja, [
      a.codigo,
      a.fase,
      a.tipo,
      a.titulo,
      formatearPeriodo(a.fechaInicio, a.fechaFin),
      fecha(a.fechaInicio),
      fecha(a.fechaFin),
      nombreDeModalidad(a.modalidad),
      a.canal,
      a.lugar,
      a.aliados.join('; '),
      ...cifrasDe(cifrasPor.get(a.codigo)),
    ]);
  }
  const codigos = new Set(actividades.map((a) => a.codigo));
  for (const r of porActividad.filas.filter(
    (r) => r.clave && !codigos.has(r.clave) && r.cifras.interacciones.valor !== null,
  )) {
    fila(hoja, [
      r.clave,
      fase,
      'Ciclo (cifra del conjunto)',
      r.etiqueta,
      ...Array(7).fill(null),
      ...cifrasDe(r),
    ]);
  }
  const ultima = hoja.rowCount;
  filtrar(hoja, columnas.length, ultima);
  const total = filaDeTotales(
    hoja,
    'Total',
    new Map(
      COLUMNAS_DE_CIFRAS.map(([m, titulo]) => [
        columnaDe(columnas, titulo),
        celdaDeCifra(porActividad.total[m]),
      ]),
    ),
    2,
    ultima,
  );
  total.getCell(columnaDe(columnas, 'Calificador')).value = calificadorDe(
    porActividad.total.interacciones,
  );
  total.getCell(columnaDe(columnas, 'Observación')).value = observacionDe([
    ['Interacciones registradas', porActividad.total.interacciones],
  ]);
  ajustar(hoja, columnas);
}

type MetricaDeTabla = 'actividades' | 'asistencias' | 'certificados' | 'vistas' | 'interacciones';

/**
 * A breakdown as a table: its label column, the metrics asked for, the breakdown's own total when
 * its rows add up to it, and a second table of details (municipalities under departments).
 */
export function hojaDeDesglose(
  libro: ExcelJS.Workbook,
  nombre: string,
  etiqueta: string,
  desglose: Desglose,
  metricas: readonly MetricaDeTabla[],
  opciones: { sumar: boolean; detalle?: Desglose; notas?: readonly string[] },
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Código', ancho: 12, formato: 'texto' },
    { titulo: etiqueta, ancho: 46, formato: 'texto' },
    ...metricas.map((m): ColumnaHoja => ({
      titulo: METRICA[m].etiqueta,
      ancho: 40,
      formato: 'entero',
    })),
    { titulo: 'Calificador', ancho: 22, formato: 'texto' },
    { titulo: 'Observación', ancho: 60, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, nombre, columnas);
  const ultimaMetrica = metricas[metricas.length - 1];
  const escribir = (r: FilaDesglose) =>
    fila(hoja, [
      r.clave,
      r.etiqueta,
      ...metricas.map((m) => celdaDeCifra(r.cifras[m])),
      calificadorDe(r.cifras[ultimaMetrica]),
      observacionDe(metricas.map((m) => [METRICA[m].etiqueta, r.cifras[m]])),
    ]);
  desglose.filas.forEach(escribir);
  const ultima = hoja.rowCount;
  filtrar(hoja, columnas.length, ultima);
  if (opciones.sumar) {
    const total = filaDeTotales(
      hoja,
      'Total',
      new Map(metricas.map((m, i) => [i + 3, celdaDeCifra(desglose.total[m])])),
      2,
      ultima,
    );
    total.getCell(columnaDe(columnas, 'Calificador')).value = calificadorDe(
      desglose.total[ultimaMetrica],
    );
    total.getCell(columnaDe(columnas, 'Observación')).value = observacionDe([
      [METRICA[ultimaMetrica].etiqueta, desglose.total[ultimaMetrica]],
    ]);
  }
  for (const texto of opciones.notas ?? []) nota(hoja, texto, columnas.length);
  if (opciones.detalle && opciones.detalle.filas.length > 0) {
    hoja.addRow([]);
    fila(hoja, ['Municipios']).font = letra({ bold: true, size: 12 });
    fila(
      hoja,
      columnas.map((c, i) => (i === 1 ? 'Municipio (departamento)' : c.titulo)),
    ).font = letra({ bold: true });
    opciones.detalle.filas.forEach(escribir);
  }
  ajustar(hoja, columnas);
}

export function hojaConciliacion(
  libro: ExcelJS.Workbook,
  partidas: readonly PartidaConciliacion[],
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Objeto', ancho: 10, formato: 'texto' },
    { titulo: 'Código', ancho: 18, formato: 'texto' },
    { titulo: 'Nombre', ancho: 48, formato: 'texto' },
    { titulo: 'Métrica', ancho: 24, formato: 'texto' },
    { titulo: 'Declarado', ancho: 12, formato: 'entero' },
    { titulo: 'Calificador', ancho: 22, formato: 'texto' },
    { titulo: 'Corte declarado', ancho: 14, formato: 'fecha' },
    { titulo: 'Registrado', ancho: 12, formato: 'entero' },
    { titulo: 'Diferencia', ancho: 12, formato: 'entero' },
  ];
  const hoja = nuevaHoja(libro, 'Conciliación', columnas);
  for (const p of partidas) {
    fila(hoja, [
      p.objeto,
      p.codigo,
      p.nombre,
      p.metrica,
      p.declarado.valor,
      calificadorDe(p.declarado),
      fecha(p.fechaCorteDeclarado),
      p.registrado,
      p.diferencia,
    ]);
  }
  filtrar(hoja, columnas.length, hoja.rowCount);
  const diferencia = hoja.getColumn(columnaDe(columnas, 'Diferencia')).letter;
  if (partidas.length > 0) {
    hoja.addConditionalFormatting({
      ref: `${diferencia}2:${diferencia}${partidas.length + 1}`,
      rules: [
        {
          type: 'expression',
          formulae: [`${diferencia}2<>0`],
          priority: 1,
          style: RETRASO,
        },
      ],
    });
  } else {
    nota(
      hoja,
      'Sin partidas: ninguna cifra declarada tiene registros persona a persona que la reemplacen.',
      columnas.length,
    );
  }
  ajustar(hoja, columnas);
}

/** One row per entity with its milestones and state on the cut-off date, overdue and late ones highlighted. */
export function hojaEstadoPdt(
  libro: ExcelJS.Workbook,
  { entidades, resumen }: { entidades: readonly EntidadPdt[]; resumen: ResumenPdt },
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Código', ancho: 9, formato: 'texto' },
    { titulo: 'Entidad territorial', ancho: 34, formato: 'texto' },
    { titulo: 'Nivel', ancho: 13, formato: 'texto' },
    { titulo: 'Categoría', ancho: 10, formato: 'texto' },
    { titulo: 'Departamento', ancho: 30, formato: 'texto' },
    ...HITOS_PDT.map((h): ColumnaHoja => ({
      titulo: NOMBRES_HITO[h],
      ancho: 15,
      formato: 'fecha',
    })),
    { titulo: 'Acto de adopción', ancho: 24, formato: 'texto' },
    { titulo: 'Estado', ancho: 26, formato: 'texto' },
    { titulo: 'Hito pendiente', ancho: 30, formato: 'texto' },
    { titulo: 'Plazo del hito pendiente', ancho: 14, formato: 'fecha' },
    { titulo: 'Días de retraso', ancho: 10, formato: 'entero' },
    { titulo: 'Asistencias técnicas', ancho: 12, formato: 'entero' },
    { titulo: 'Horas de asistencia', ancho: 12, formato: 'decimal' },
  ];
  const hoja = nuevaHoja(libro, 'Estado PDT', columnas);
  for (const e of entidades) {
    fila(hoja, [
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
  filtrar(hoja, columnas.length, hoja.rowCount);
  const letraDe = (titulo: string) => hoja.getColumn(columnaDe(columnas, titulo)).letter;
  if (entidades.length > 0) {
    hoja.addConditionalFormatting({
      ref: `A2:${hoja.getColumn(columnas.length).letter}${entidades.length + 1}`,
      rules: [
        {
          type: 'expression',
          formulae: [`$${letraDe('Días de retraso')}2>0`],
          priority: 1,
          style: RETRASO,
        },
        {
          type: 'expression',
          formulae: [`$${letraDe('Estado')}2="${NOMBRES_ESTADO.aprobado_tarde}"`],
          priority: 2,
          style: { fill: RETRASO.fill },
        },
      ],
    });
  }
  hoja.addRow([]);
  const { nacional, asistidas, noAsistidas } = resumen.aprobadoATiempo;
  const proporcion = (p: typeof nacional) =>
    p.entidades === 0
      ? '—'
      : `${p.aprobadasATiempo} de ${p.entidades} (${formatearPorcentaje(p.porcentaje)})`;
  for (const [etiqueta, valor] of [
    ['Fecha de los estados', resumen.fecha ? formatearFecha(resumen.fecha) : '—'],
    ['PDT aprobados a tiempo', proporcion(nacional)],
    ['Aprobados a tiempo entre las entidades asistidas', proporcion(asistidas)],
    ['Aprobados a tiempo entre las no asistidas', proporcion(noAsistidas)],
  ]) {
    nota(hoja, `${etiqueta}: ${valor}`, columnas.length).font = letra({ bold: true });
  }
  ajustar(hoja, columnas);
}

export function hojaAsistenciasTecnicas(
  libro: ExcelJS.Workbook,
  asistencias: readonly AsistenciaTecnicaListada[],
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Fecha', ancho: 12, formato: 'fecha' },
    { titulo: 'Código', ancho: 9, formato: 'texto' },
    { titulo: 'Entidad territorial', ancho: 34, formato: 'texto' },
    { titulo: 'Tema', ancho: 34, formato: 'texto' },
    { titulo: 'Modalidad', ancho: 12, formato: 'texto' },
    { titulo: 'Quién la dio', ancho: 24, formato: 'texto' },
    { titulo: 'Horas', ancho: 10, formato: 'decimal' },
    { titulo: 'Funcionarios', ancho: 13, formato: 'entero' },
  ];
  const hoja = nuevaHoja(libro, 'Asistencias técnicas', columnas);
  for (const a of asistencias) {
    fila(hoja, [
      fecha(a.fecha),
      a.codigo,
      a.nombre,
      a.temaNombre,
      nombreDeModalidad(a.modalidad),
      a.oferente,
      a.horas,
      a.funcionarios,
    ]);
  }
  const ultima = hoja.rowCount;
  filtrar(hoja, columnas.length, ultima);
  const suma = (de: (a: AsistenciaTecnicaListada) => number) =>
    asistencias.reduce((t, a) => t + de(a), 0);
  filaDeTotales(
    hoja,
    `Total: ${asistencias.length} asistencias`,
    new Map([
      [columnaDe(columnas, 'Horas'), suma((a) => a.horas)],
      [columnaDe(columnas, 'Funcionarios'), suma((a) => a.funcionarios)],
    ]),
    2,
    ultima,
  );
  ajustar(hoja, columnas);
}

/** The main charts as images, each under its title; those without figures are left out. */
export function hojaGraficos(
  libro: ExcelJS.Workbook,
  graficos: readonly { titulo: string; png: Buffer }[],
): void {
  const hoja = hojaImprimible(libro, 'Gráficos', 'landscape');
  hoja.getColumn(1).width = 120;
  let filaGrafico = 1;
  for (const { titulo, png } of graficos) {
    fila(hoja, [titulo]).font = letra({ bold: true, size: 13 });
    hoja.addImage(libro.addImage({ buffer: png as never, extension: 'png' }), {
      tl: { col: 0, row: filaGrafico },
      ext: { width: 800, height: 450 },
    });
    filaGrafico += 25;
    while (hoja.rowCount < filaGrafico - 1) hoja.addRow([]);
    hoja.getRow(filaGrafico - 1).addPageBreak();
  }
}

export function hojaMetodologia(
  libro: ExcelJS.Workbook,
  metricas: readonly { etiqueta: string; unidad: string; definicion: string }[],
  notas: readonly string[],
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Métrica', ancho: 28, formato: 'texto' },
    { titulo: 'Unidad', ancho: 24, formato: 'texto' },
    { titulo: 'Definición', ancho: 100, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, 'Metodología', columnas);
  for (const m of metricas) fila(hoja, [m.etiqueta, m.unidad, m.definicion]);
  for (const texto of notas) fila(hoja, ['Nota', '', texto]);
  ajustar(hoja, columnas);
}

/** One statement of the sheets a balance leaves out, and why, in place of empty sheets. */
export function hojaSinCifras(
  libro: ExcelJS.Workbook,
  omitidas: readonly [string, string][],
): void {
  const columnas: ColumnaHoja[] = [
    { titulo: 'Hoja', ancho: 24, formato: 'texto' },
    { titulo: 'Por qué no está', ancho: 100, formato: 'texto' },
  ];
  const hoja = nuevaHoja(libro, 'Sin cifras', columnas);
  for (const par of omitidas) fila(hoja, par);
  ajustar(hoja, columnas);
}
