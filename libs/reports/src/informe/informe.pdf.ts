/**
 * The phase report a director forwards, section by section: cover, the phase as the source
 * declares it, the figures of the dashboard's cards, the main charts, the figures by department,
 * and methodology and sources. A figure the data lacks reads «sin dato» with its reason, never 0.
 */
import { Lienzo } from '@tablero/charts';
import {
  CifraPublicada,
  CodigoFase,
  contar,
  DANE_DIVIPOLA,
  formatearFecha,
  formatearFechaHora,
  formatearNumero,
  formatearPorcentaje,
  FUENTE,
} from '@tablero/domain';
import { Desglose, FaseDeclarada, Kpi, Kpis, METRICA, MetricaId } from '@tablero/metrics';
import { Pagina } from './pagina';

export interface GraficoDelInforme {
  readonly titulo: string;
  readonly descripcion: string;
  readonly svg: string;
  readonly lienzo: Lienzo;
}

export interface ContenidoInforme {
  readonly fase: CodigoFase;
  readonly declarado: FaseDeclarada;
  /** False when the report is limited to some departments: the declared lines are national. */
  readonly nacional: boolean;
  readonly filtros: string;
  readonly kpis: Kpis;
  readonly tarjetas: readonly Kpi[];
  readonly graficos: readonly GraficoDelInforme[];
  /** Titles of the main charts left out for want of figures. */
  /** The main charts left out, and why. */
  readonly sinGraficos: readonly { readonly titulo: string; readonly motivo: string }[];
  readonly territorios: Desglose;
  readonly metricas: readonly { etiqueta: string; unidad: string; definicion: string }[];
  readonly notas: readonly string[];
  readonly generadoPor: string;
  readonly ahora: Date;
}

const SIN_DATO = 'sin dato';

/** A figure as the report prints it: the source's words, or «sin dato». */
function cifra(c: CifraPublicada): string {
  return c.valor === null ? SIN_DATO : c.texto;
}

/** What a figure leaves unsaid: how much of it is not exact, or why there is none. */
function observacion(c: CifraPublicada): string {
  return [c.detalle, c.valor === null ? c.motivo : undefined].filter(Boolean).join('; ');
}

const SECCIONES = [
  'La fase según el documento fuente',
  'Resumen de cifras',
  'Gráficos principales',
  'Cifras por departamento',
  'Metodología y fuentes',
];

export async function escribirInforme(c: ContenidoInforme): Promise<Buffer> {
  const titulo = `Informe de la Fase ${c.fase}`;
  const pagina = new Pagina({
    titulo: `${titulo}: ${c.declarado.nombre}`,
    asunto: 'Estrategia Juntos por el Territorio',
    autor: 'Departamento Nacional de Planeación',
    palabrasClave: 'informe, Juntos por el Territorio, DNP',
    creado: c.ahora,
  });
  portada(pagina, titulo, c);
  declarado(pagina, c.declarado, c.nacional);
  resumen(pagina, c.kpis, c.tarjetas);
  graficos(pagina, c.graficos, c.sinGraficos);
  territorios(pagina, c.territorios);
  metodologia(pagina, c);
  const corte = c.kpis.fechaCorte ? ` · corte al ${formatearFecha(c.kpis.fechaCorte)}` : '';
  return pagina.terminar(`${titulo} · Juntos por el Territorio (DNP)${corte}`);
}

function portada(p: Pagina, titulo: string, c: ContenidoInforme): void {
  p.doc.moveDown(4);
  p.parrafo('Departamento Nacional de Planeación', { tamano: 13, color: '#0B3D6B' });
  p.parrafo('Estrategia Juntos por el Territorio', { tamano: 13 });
  p.doc.moveDown(2);
  p.parrafo(titulo, { tamano: 28, negrita: true, color: '#0B3D6B' });
  p.parrafo(c.declarado.nombre, { tamano: 16 });
  p.doc.moveDown(2);
  p.pares([
    ['Periodo', c.declarado.periodo],
    [
      'Fecha de corte',
      c.kpis.fechaCorte ? formatearFecha(c.kpis.fechaCorte) : 'Sin cifras con fecha',
    ],
    ['Filtros aplicados', c.filtros],
    ['Generado el', `${formatearFechaHora(c.ahora)} (hora de Colombia)`],
    ['Generado por', c.generadoPor],
    ['Fuente', FUENTE.replace(/^Fuente: /, '')],
  ]);
  p.doc.moveDown(2);
  p.parrafo('Contenido', { negrita: true, tamano: 12 });
  SECCIONES.forEach((s, i) => p.parrafo(`${i + 1}. ${s}`));
}

function declarado(p: Pagina, fase: FaseDeclarada, nacional: boolean): void {
  p.nuevaPagina();
  p.titulo(`1. ${SECCIONES[0]}`);
  p.nota(`${fase.periodo}. ${fase.fuente}.`);
  if (!nacional) {
    p.parrafo(
      'Las líneas que declara el documento fuente son nacionales: este informe se limita a los departamentos de su usuario y no las incluye.',
    );
    return;
  }
  if (fase.lineas.length === 0) {
    p.parrafo(
      'El documento fuente aún no trae actividades ni cifras de esta fase: este sistema es donde se registrarán.',
    );
    return;
  }
  p.tabla(
    [
      { titulo: 'Actividad', ancho: 0.32 },
      { titulo: 'Número', ancho: 0.11, alinear: 'right' },
      { titulo: 'Cifra declarada', ancho: 0.2, alinear: 'right' },
      { titulo: 'Canal o lugar', ancho: 0.19 },
      { titulo: 'Fecha o periodo', ancho: 0.18 },
    ],
    fase.lineas.map((l) => [
      l.nombre,
      l.actividades === null ? SIN_DATO : formatearNumero(l.actividades),
      l.cifra.valor === null ? SIN_DATO : l.texto,
      [l.canal, l.lugar].filter(Boolean).join(' · ') || '—',
      l.fechas ?? SIN_DATO,
    ]),
  );
  p.nota(
    'Cada línea dice lo que el documento fuente declara, con su calificador: «>» es «más de», «≈» es «cerca de». Un ciclo es una serie de actividades cuya cifra la fuente da para el conjunto.',
  );
}

function resumen(p: Pagina, kpis: Kpis, tarjetas: readonly Kpi[]): void {
  p.titulo(`2. ${SECCIONES[1]}`);
  p.nota(
    kpis.fechaCorte
      ? `Cifras con corte al ${formatearFecha(kpis.fechaCorte)}: las mismas de las tarjetas del tablero.`
      : 'Sin cifras con fecha para estos filtros.',
  );
  p.tabla(
    [
      { titulo: 'Indicador', ancho: 0.24 },
      { titulo: 'Cifra', ancho: 0.2, alinear: 'right' },
      { titulo: 'Unidad', ancho: 0.22 },
      { titulo: 'Meta y observaciones', ancho: 0.34 },
    ],
    tarjetas.map((k) => [
      k.etiqueta,
      cifra(k.cifra),
      k.unidad,
      [
        k.meta === null
          ? null
          : `Meta ${formatearNumero(k.meta)}; avance ${formatearPorcentaje(k.avance)}`,
        observacion(k.cifra),
      ]
        .filter(Boolean)
        .join('. ') || '—',
    ]),
  );
}

function graficos(
  p: Pagina,
  lista: readonly GraficoDelInforme[],
  sinGraficos: ContenidoInforme['sinGraficos'],
): void {
  p.nuevaPagina();
  p.titulo(`3. ${SECCIONES[2]}`);
  if (lista.length === 0) p.parrafo('Sin cifras para dibujar gráficos con estos filtros.');
  for (const g of lista) {
    p.grafico(g.svg, g.lienzo.ancho, g.lienzo.alto);
    p.nota(g.descripcion);
    p.doc.moveDown(0.6);
  }
  for (const { titulo, motivo } of sinGraficos) p.nota(`No se incluye «${titulo}». ${motivo}`);
}

const METRICAS_TERRITORIALES: readonly MetricaId[] = [
  'asistencias',
  'certificados',
  'interacciones',
];

function territorios(p: Pagina, d: Desglose): void {
  p.nuevaPagina();
  p.titulo(`4. ${SECCIONES[3]}`);
  p.nota(
    'Las cifras de cada departamento tal como las dan los registros y la fuente; las de alcance nacional o de varios territorios a la vez van en su propia fila, sin repartir.',
  );
  if (d.filas.length === 0) {
    p.parrafo('No hay cifras por departamento para estos filtros.');
    return;
  }
  p.tabla(
    [
      { titulo: 'Departamento', ancho: 0.34 },
      ...METRICAS_TERRITORIALES.map((m) => ({
        titulo: METRICA[m].etiqueta,
        ancho: 0.22,
        alinear: 'right' as const,
      })),
    ],
    [
      ...d.filas.map((f) => [f.etiqueta, ...METRICAS_TERRITORIALES.map((m) => cifra(f.cifras[m]))]),
      ['Total', ...METRICAS_TERRITORIALES.map((m) => cifra(d.total[m]))],
    ],
    true,
  );
  if (d.enCifrasConjuntas?.length)
    p.nota(
      `${contar(d.enCifrasConjuntas.length, 'departamento alcanzado', 'departamentos alcanzados')} solo en cifras conjuntas de varios territorios: sin cifra propia («sin dato»), su parte está en la fila de las cifras conjuntas.`,
    );
}

function metodologia(p: Pagina, c: ContenidoInforme): void {
  p.nuevaPagina();
  p.titulo(`5. ${SECCIONES[4]}`);
  for (const m of c.metricas) {
    p.reservar(40);
    p.parrafo(`${m.etiqueta} (${m.unidad})`, { negrita: true });
    p.parrafo(m.definicion, { tamano: 9 });
  }
  p.titulo('Reglas de lectura', 12);
  p.parrafo('En este informe, «sin dato» ocupa el lugar de «—»: la cifra no existe, no es 0.', {
    tamano: 9,
  });
  for (const nota of c.notas) p.parrafo(nota, { tamano: 9 });
  p.titulo('Fuentes', 12);
  p.parrafo(`${c.declarado.fuente}.`, { tamano: 9 });
  p.parrafo(`Territorios: ${DANE_DIVIPOLA}.`, { tamano: 9 });
}
