/**
 * The phase balance workbook ("Balance de la Fase I", II, III or general) that a director sends
 * without retouching: a cover with a summary told from the data, the phase as the source declares
 * it, every figure from the metrics, the main charts as images and each metric's definition from
 * the catalogue. A sheet that would be empty is left out and said so, once.
 */
import { Injectable } from '@nestjs/common';
import { GRAFICO, GraficosService, PRESETS } from '@tablero/charts';
import {
  CifraPublicada,
  CodigoFase,
  contar,
  enumerar,
  FASES,
  formatearNumero,
  SIN_CIFRA,
  TIPO_WEBINAR,
} from '@tablero/domain';
import {
  Cobertura,
  Desglose,
  Filtros,
  Kpis,
  METRICAS,
  METRICAS_PDT,
  MetricasService,
  PdtService,
  ResumenFaseService,
  FaseDeclarada,
} from '@tablero/metrics';
import ExcelJS from 'exceljs';
import {
  hojaActividades,
  hojaAsistenciasTecnicas,
  hojaConciliacion,
  hojaDeclarado,
  hojaDeDesglose,
  hojaEstadoPdt,
  hojaGraficos,
  hojaMetodologia,
  hojaPortada,
  hojaResumen,
  hojaSinCifras,
} from './balance.hojas';
import { GRAFICOS_PDT, GRAFICOS_PRINCIPALES, NOTAS_DE_METODOLOGIA } from './contenido';

@Injectable()
export class BalanceService {
  constructor(
    private readonly metricas: MetricasService,
    private readonly graficos: GraficosService,
    private readonly pdt: PdtService,
    private readonly resumenFase: ResumenFaseService,
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
      declarado,
      pdt,
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
      this.fasesDeclaradas(f.fase),
      f.fase === 'III' ? this.estadoPdt(f) : Promise.resolve(null),
    ]);
    const hayActividades = listado.filas.length > 0;
    const omitidas: [string, string][] = [];
    const sinActividades =
      'No hay actividades registradas ni cifras declaradas en la fuente para estos filtros.';

    const graficos: { titulo: string; png: Buffer }[] = [];
    for (const id of f.fase === 'III'
      ? [...GRAFICOS_PRINCIPALES, ...GRAFICOS_PDT]
      : GRAFICOS_PRINCIPALES) {
      const png = await this.graficos.pngSiHayCifras(id, f, PRESETS['redes-horizontal']);
      const titulo = GRAFICO.get(id)!.titulo;
      if ('dibujo' in png) graficos.push({ titulo, png: png.dibujo });
      else omitidas.push([`Gráfico «${titulo}»`, png.motivo]);
    }

    const plan: { nombre: string; descripcion: string; escribir: () => void }[] = [];
    const agregar = (nombre: string, descripcion: string, escribir: () => void) =>
      plan.push({ nombre, descripcion, escribir });
    const omitir = (nombre: string, motivo: string) => omitidas.unshift([nombre, motivo]);

    if (declarado.some((d) => d.lineas.length > 0))
      agregar(
        'Declarado',
        'La fase tal como la declara el documento fuente, línea por línea.',
        () => hojaDeclarado(libro, declarado),
      );
    else omitir('Declarado', 'El documento fuente no declara actividades ni cifras de esta fase.');
    agregar('Resumen', 'Los indicadores, con su calificador, meta y avance.', () =>
      hojaResumen(libro, kpis, personas, {
        departamentos: coberturaEnPalabras(cobertura, 'departamentos'),
        municipios: coberturaEnPalabras(cobertura, 'municipios'),
      }),
    );
    if (hayActividades) {
      agregar(
        'Actividades',
        'Cada actividad con sus cifras; los ciclos con la cifra del conjunto.',
        () => hojaActividades(libro, listado.filas, porActividad, f.fase ?? null),
      );
      if (webinars.filas.some((r) => r.cifras.vistas.valor !== null))
        agregar('Webinars', 'Las vistas de cada webinar o ciclo de webinars.', () =>
          hojaDeDesglose(
            libro,
            'Webinars',
            'Webinar o ciclo de webinars',
            {
              ...webinars,
              filas: webinars.filas.filter((r) => r.cifras.vistas.valor !== null),
            },
            ['vistas'],
            { sumar: true },
          ),
        );
      else omitir('Webinars', 'No hay webinars para estos filtros.');
      agregar('Territorios', 'Las cifras por departamento y por municipio.', () =>
        hojaDeDesglose(
          libro,
          'Territorios',
          'Departamento',
          departamentos,
          ['asistencias', 'certificados', 'interacciones'],
          {
            sumar: true,
            detalle: municipios,
            notas: notasDeConjuntas(departamentos, municipios),
          },
        ),
      );
      agregar('Grupos de valor', 'Las cifras por grupo de valor.', () =>
        hojaDeDesglose(
          libro,
          'Grupos de valor',
          'Grupo de valor',
          grupos,
          ['asistencias', 'certificados', 'interacciones'],
          { sumar: true },
        ),
      );
      if (aliados.filas.length > 0)
        agregar('Aliados', 'Las actividades y cifras de cada entidad aliada.', () =>
          hojaDeDesglose(
            libro,
            'Aliados',
            'Entidad aliada',
            aliados,
            ['actividades', 'asistencias', 'interacciones'],
            {
              sumar: false,
              notas: [
                'Una actividad con varios aliados cuenta para cada uno de ellos: estas filas no se suman.',
              ],
            },
          ),
        );
      else omitir('Aliados', 'Ninguna actividad de estos filtros registra entidades aliadas.');
      agregar('Conciliación', 'Cifras declaradas frente a los registros persona a persona.', () =>
        hojaConciliacion(libro, partidas),
      );
    } else {
      for (const nombre of [
        'Actividades',
        'Webinars',
        'Territorios',
        'Grupos de valor',
        'Aliados',
        'Conciliación',
      ])
        omitir(nombre, sinActividades);
    }
    if (pdt) {
      if (pdt.estados.resumen.conHitos > 0)
        agregar('Estado PDT', 'El estado del plan de desarrollo de cada entidad territorial.', () =>
          hojaEstadoPdt(libro, pdt.estados),
        );
      else
        omitir(
          'Estado PDT',
          `No se ha cargado ningún hito de los planes de desarrollo: el estado de las ${formatearNumero(pdt.estados.resumen.entidades)} entidades que deben adoptar uno se conocerá al importar sus hitos.`,
        );
      if (pdt.asistencias.length > 0)
        agregar(
          'Asistencias técnicas',
          'Cada asistencia técnica a las entidades territoriales.',
          () => hojaAsistenciasTecnicas(libro, pdt.asistencias),
        );
      else omitir('Asistencias técnicas', 'No se han registrado asistencias técnicas.');
    }
    if (graficos.length > 0)
      agregar('Gráficos', 'Los gráficos principales, como imágenes.', () =>
        hojaGraficos(libro, graficos),
      );
    agregar('Metodología', 'La definición de cada métrica y las reglas de lectura.', () =>
      hojaMetodologia(
        libro,
        f.fase === 'III' ? [...METRICAS, ...METRICAS_PDT] : METRICAS,
        NOTAS_DE_METODOLOGIA,
      ),
    );
    if (omitidas.length > 0)
      agregar('Sin cifras', 'Las hojas y gráficos que este balance no incluye, y por qué.', () =>
        hojaSinCifras(libro, omitidas),
      );

    hojaPortada(libro, {
      titulo,
      fase:
        declarado.length === 1
          ? `Fase ${declarado[0].fase}: ${declarado[0].nombre}`
          : 'Todas las fases',
      periodo: declarado
        .map((d) => (declarado.length > 1 ? `Fase ${d.fase}: ${d.periodo}` : d.periodo))
        .join('; '),
      filtros: enPalabras,
      fechaCorte: kpis.fechaCorte,
      resumen: resumenEnPalabras(kpis, cobertura, personas, declarado, hayActividades),
      hojas: plan.map((h): [string, string] => [h.nombre, h.descripcion]),
      generadoPor,
      ahora,
    });
    for (const hoja of plan) hoja.escribir();
    return Buffer.from(await libro.xlsx.writeBuffer());
  }

  private async fasesDeclaradas(fase: CodigoFase | undefined): Promise<FaseDeclarada[]> {
    const fases = await Promise.all(
      (fase ? [fase] : FASES).map((c) => this.resumenFase.declarado(c)),
    );
    return fases.filter((d): d is FaseDeclarada => d !== undefined);
  }

  private async estadoPdt(f: Filtros) {
    const filtros = await this.pdt.filtrosDe(f);
    const [estados, asistencias] = await Promise.all([
      this.pdt.estados(filtros),
      this.pdt.asistencias(filtros),
    ]);
    return { estados, asistencias };
  }
}

/**
 * The places reached only within a figure declared for several together, named: the sheet has
 * no row of their own for them.
 */
function notasDeConjuntas(departamentos: Desglose, municipios: Desglose): string[] {
  const notas = (
    [
      ['Departamentos', departamentos],
      ['Municipios', municipios],
    ] as const
  ).flatMap(([nivel, d]) =>
    d.enCifrasConjuntas?.length
      ? [
          `${nivel} alcanzados solo en cifras conjuntas, sin cifra propia (${formatearNumero(d.enCifrasConjuntas.length)}): ` +
            `${enumerar(d.enCifrasConjuntas.map((l) => l.etiqueta))}.`,
        ]
      : [],
  );
  return notas.length
    ? [
        ...notas,
        'La fila «En cifras conjuntas de varios territorios» suma esas cifras sin repartirlas entre ellos.',
      ]
    : [];
}

function coberturaEnPalabras(c: Cobertura, nivel: 'departamentos' | 'municipios'): string {
  const a = c[nivel];
  return [
    `${formatearNumero(a.alcanzados)} de ${formatearNumero(a.total)} con cifra propia`,
    a.enCifrasConjuntas > 0
      ? `${formatearNumero(a.enCifrasConjuntas)} más en cifras conjuntas`
      : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The cover's summary: what the figures say, in sentences a director can quote. */
function resumenEnPalabras(
  kpis: Kpis,
  cobertura: Cobertura,
  personas: number | null,
  declarado: readonly FaseDeclarada[],
  hayActividades: boolean,
): string[] {
  if (!hayActividades)
    return [
      'No hay actividades registradas ni cifras declaradas en la fuente para estos filtros.',
      ...(declarado.length === 1 && declarado[0].fase === 'III'
        ? [
            'La fase III acompaña la formulación y adopción de los planes de desarrollo territorial: su avance se mide por los hitos de cada plan, que se cargan como importación.',
          ]
        : []),
    ];
  const cifra = (id: string): CifraPublicada | undefined =>
    kpis.kpis.find((k) => k.metrica === id)?.cifra;
  const actividades = cifra('actividades');
  const interacciones = cifra('interacciones');
  const sinCifra = (c: CifraPublicada | undefined) => c?.motivo ?? SIN_CIFRA;
  const porUnidad = kpis.kpis
    .filter((k) => ['vistas', 'certificados', 'asistencias'].includes(k.metrica))
    .map(
      (k) =>
        `${k.etiqueta.toLowerCase()}: ${k.cifra.valor === null ? sinCifra(k.cifra) : k.cifra.texto}`,
    );
  const lineas = declarado.reduce((t, d) => t + d.lineas.length, 0);
  const declarada = declarado.length === 1 ? `la fase ${declarado[0].fase}` : 'la estrategia';
  return [
    (actividades?.valor == null
      ? `Actividades realizadas: ${sinCifra(actividades)}.`
      : `${contar(actividades.valor, 'actividad realizada', 'actividades realizadas')}.`) +
      (lineas
        ? ` El documento fuente declara ${declarada} en ${contar(lineas, 'línea', 'líneas')} (hoja Declarado).`
        : ''),
    `Por unidad: ${porUnidad.join('; ')}. ` +
      (interacciones?.valor == null
        ? `Sumadas, interacciones registradas: ${sinCifra(interacciones)}.`
        : `Sumadas, ${interacciones.texto} interacciones registradas${interacciones.detalle ? ` (${interacciones.detalle})` : ''}: no son personas, pues una persona puede ver varios webinars y certificarse.`),
    personas === null
      ? 'Personas distintas: sin registros persona a persona para estos filtros.'
      : `Personas distintas en los registros persona a persona: ${formatearNumero(personas)}.`,
    `Territorio: departamentos ${coberturaEnPalabras(cobertura, 'departamentos')}; municipios ${coberturaEnPalabras(cobertura, 'municipios')}.${
      cobertura.nacional.valor !== null
        ? ` Actividades de alcance nacional: ${cobertura.nacional.texto} participantes, sin repartir por territorio.`
        : ''
    }`,
    ...(kpis.fechaCorte ? [] : ['Sin fecha de corte: ninguna cifra tiene fecha.']),
  ];
}
