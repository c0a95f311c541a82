/**
 * A chart of the catalogue as an image: its rows from the metrics (the same
 * numbers as the API), its words (filters, cut-off date, source), then SVG or PNG.
 */
import { Injectable } from '@nestjs/common';
import {
  compararEnEspanol,
  ESTADOS_PDT,
  FASES,
  formatearFecha,
  formatearNumero,
  formatearPorcentaje,
  FUENTE,
  mayuscula,
  DANE_DIVIPOLA,
  NOMBRES_ESTADO,
} from '@tablero/domain';
import {
  Desglose,
  Filtros,
  FiltrosPdt,
  METRICA,
  MetricaId,
  MetricasService,
  PdtService,
  PuntoSerie,
} from '@tablero/metrics';
import { mapaMunicipal } from './mapa';
import { GRAFICO } from './charts.catalogue';
import {
  ConsultaGrafico,
  DatosGrafico,
  DefinicionGrafico,
  FilaGrafico,
  filasQueSeDibujan,
  filtrosDelGrafico,
  SeriePdt,
} from './grafico';
import { altoDelLienzo } from './opciones';
import { renderizarPng, renderizarSvg, renderizarSvgDePanel } from './render';

export interface Lienzo {
  readonly ancho: number;
  readonly alto: number;
  readonly escala: number;
}

/** Sizes the communications team asks for. */
export const PRESETS: Readonly<Record<string, Lienzo>> = {
  'redes-cuadrado': { ancho: 1080, alto: 1080, escala: 1 },
  'redes-horizontal': { ancho: 1200, alto: 675, escala: 1 },
  diapositiva: { ancho: 1920, alto: 1080, escala: 1 },
  impresion: { ancho: 1600, alto: 1000, escala: 2 },
};

export const LIENZO_POR_DEFECTO: Lienzo = PRESETS['redes-horizontal'];

/** How much an image's type grows with its canvas: 1 up to 540 px on its short side. */
export function escalaDelTexto(lienzo: Lienzo): number {
  return Math.max(1, Math.min(lienzo.ancho, lienzo.alto) / 540);
}

/** Breakdowns by place: their charts draw places, and say where the rest of the figures stand. */
const DIMENSIONES_TERRITORIALES = ['departamento', 'municipio', 'subregion'];

const NINGUN_LUGAR: Readonly<Record<string, string>> = {
  departamento: 'ningún departamento',
  municipio: 'ningún municipio',
  subregion: 'ninguna subregión',
};

const SIN_DATOS = 'sin datos para estos filtros';

/** A chart drawn, or why it has nothing to draw: its message and its note, as a report says it. */
export type Dibujo<T> = { readonly dibujo: T } | { readonly motivo: string };

/** A phase's figure the source does not give: said, never drawn as a zero. */
const SIN_DATO = 'sin dato';

const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

@Injectable()
export class GraficosService {
  constructor(
    private readonly metricas: MetricasService,
    private readonly pdt: PdtService,
  ) {}

  /** The rows a chart draws, the words it carries and its cut-off date. */
  async datos(grafico: DefinicionGrafico, pedidos: Filtros): Promise<DatosGrafico> {
    const f = filtrosDelGrafico(grafico, pedidos);
    const [{ filas, nota }, filtrosEnPalabras, fechaCorte] = await Promise.all([
      this.filas(grafico, f),
      // Every chart states its cut-off date on its own ("Corte: …"): not twice.
      this.metricas.describirFiltros({ ...f, fechaCorte: undefined }),
      grafico.consulta.tipo === 'pdt'
        ? this.pdt.filtrosDe(f).then((p) => p.fecha)
        : this.metricas.fechaDeCorte(f),
    ]);
    const consulta = grafico.consulta;
    return {
      filas,
      fechaCorte,
      contexto: {
        filtrosEnPalabras,
        fechaCorte: fechaCorte ? formatearFecha(fechaCorte) : null,
        fuente:
          consulta.tipo === 'desglose' && esTerritorial(consulta.por)
            ? `${FUENTE}; ${DANE_DIVIPOLA}`
            : FUENTE,
        unidad: unidadDe(consulta),
        ...(nota ? { nota } : {}),
        vacio:
          nota && consulta.tipo === 'desglose' && esTerritorial(consulta.por)
            ? `${NINGUN_LUGAR[consulta.por]} con cifra propia para estos filtros`
            : SIN_DATOS,
        ...(consulta.tipo === 'desglose' && consulta.por === 'municipio'
          ? { mapa: mapaMunicipal(f.departamento) }
          : {}),
      },
    };
  }

  async svg(id: string, f: Filtros, lienzo: Lienzo): Promise<string> {
    const grafico = GRAFICO.get(id)!;
    return this.dibujar(grafico, await this.datos(grafico, f), lienzo);
  }

  /** The chart as SVG, or why it has no figure to draw: a report then leaves it out and says why. */
  async svgSiHayCifras(id: string, f: Filtros, lienzo: Lienzo): Promise<Dibujo<string>> {
    const grafico = GRAFICO.get(id)!;
    const datos = await this.datos(grafico, f);
    if (filasQueSeDibujan(datos.filas).length === 0) {
      const { vacio, nota } = datos.contexto;
      return { motivo: [`${mayuscula(vacio)}.`, nota].filter(Boolean).join(' ') };
    }
    return { dibujo: this.dibujar(grafico, datos, lienzo) };
  }

  /** The chart as PNG, or why it has no figure to draw. */
  async pngSiHayCifras(id: string, f: Filtros, lienzo: Lienzo): Promise<Dibujo<Buffer>> {
    const svg = await this.svgSiHayCifras(id, f, lienzo);
    return 'motivo' in svg
      ? svg
      : { dibujo: await renderizarPng(svg.dibujo, lienzo.ancho, lienzo.escala) };
  }

  png(grafico: DefinicionGrafico, datos: DatosGrafico, lienzo: Lienzo): Promise<Buffer> {
    return renderizarPng(this.dibujar(grafico, datos, lienzo), lienzo.ancho, lienzo.escala);
  }

  /** The chart as SVG, from its data. */
  dibujar(grafico: DefinicionGrafico, { filas, contexto }: DatosGrafico, lienzo: Lienzo): string {
    return renderizarSvg(
      grafico.opcion(filas, { ...contexto, escala: escalaDelTexto(lienzo), ancho: lienzo.ancho }),
      lienzo.ancho,
      lienzo.alto,
    );
  }

  /**
   * The chart as a dashboard panel shows it, drawn here as the images are: at the panel's width, as
   * tall as that width needs, its note told above it by the panel (where it wraps) and not under it.
   */
  dibujarEnPanel(
    grafico: DefinicionGrafico,
    { filas, contexto }: DatosGrafico,
    ancho: number,
  ): string {
    const opcion = grafico.opcion(filas, { ...contexto, nota: undefined, ancho });
    return renderizarSvgDePanel(opcion, ancho, altoDelLienzo(opcion, ancho, filas.length));
  }

  private async filas(
    grafico: DefinicionGrafico,
    f: Filtros,
  ): Promise<{ filas: FilaGrafico[]; nota?: string }> {
    const consulta = grafico.consulta;
    if (consulta.tipo === 'pdt') {
      const filas = await this.filasPdt(consulta.serie, await this.pdt.filtrosDe(f));
      return filas ? { filas } : { filas: [], nota: SIN_HITOS };
    }
    if (consulta.tipo === 'comparacion-de-fases')
      return { filas: await this.filasPorFase(consulta.metricas as MetricaId[], f) };
    if (consulta.tipo === 'serie') {
      const metrica = consulta.metrica as MetricaId;
      const { puntos, tramos, sinFecha } = await this.metricas.serie(metrica, consulta.periodo, f);
      // A running total stands at each period's end; figures of a period are drawn as that period.
      return {
        filas: consulta.acumulado
          ? enCadaMes(puntos).map((p) => ({
              clave: p.periodo,
              etiqueta: etiquetaDeMes(p.periodo),
              valor: p.acumulado.valor,
              texto: p.acumulado.texto,
            }))
          : tramos.map((t) => ({
              clave: t.desde === t.hasta ? t.desde : `${t.desde}/${t.hasta}`,
              etiqueta: etiquetaDeTramo(t),
              valor: t.cifra.valor,
              texto: t.cifra.texto,
            })),
        nota: sinFecha?.valor
          ? `${METRICA[metrica].etiqueta} sin fecha en la fuente (fuera de todo periodo${consulta.acumulado ? ' y del acumulado' : ''}): ${sinFecha.texto}.`
          : undefined,
      };
    }
    const metrica = consulta.metrica as MetricaId;
    const desglose = await this.metricas.desglose(consulta.por as never, f);
    const territorial = esTerritorial(consulta.por);
    const filas = desglose.filas
      .map((fila) => ({ clave: fila.clave, etiqueta: fila.etiqueta, ...fila.cifras[metrica] }))
      .filter((fila) => consulta.por === 'fase' || (fila.valor ?? 0) > 0)
      // A map or a ranking of territories draws the places; the rest is told in the note.
      .filter((fila) => !territorial || (fila.clave !== null && !fila.clave.startsWith('#')))
      .sort((a, b) => (consulta.por === 'fase' ? 0 : (b.valor ?? -1) - (a.valor ?? -1)))
      .slice(0, consulta.limite ?? Infinity)
      .map(({ clave, etiqueta, valor, texto }) => ({ clave, etiqueta, valor, texto }));
    const conjuntas = (desglose.enCifrasConjuntas ?? []).map(
      ({ clave, etiqueta }): FilaGrafico => ({
        clave,
        etiqueta,
        valor: null,
        texto: '—',
        conjunta: true,
      }),
    );
    return {
      filas: consulta.conjuntas ? [...filas, ...conjuntas] : filas,
      nota: desglose.reparto && notaDeReparto(desglose.reparto, metrica, consulta.por),
    };
  }

  /** Each metric's figure in each phase; a phase without one says «sin dato». */
  private async filasPorFase(metricas: readonly MetricaId[], f: Filtros): Promise<FilaGrafico[]> {
    const { filas } = await this.metricas.desglose('fase', f);
    return metricas.flatMap((metrica) =>
      FASES.map((fase) => {
        const cifra = filas.find((fila) => fila.clave === fase)?.cifras[metrica];
        return {
          clave: fase,
          etiqueta: `Fase ${fase}`,
          serie: METRICA[metrica].etiqueta,
          valor: cifra?.valor ?? null,
          texto: cifra && cifra.valor !== null ? cifra.texto : SIN_DATO,
        };
      }),
    );
  }

  /** The rows of a phase III chart; null while no milestone of any plan is recorded. */
  private async filasPdt(serie: SeriePdt, f: FiltrosPdt): Promise<FilaGrafico[] | null> {
    const cuenta = (clave: string, etiqueta: string, valor: number): FilaGrafico => ({
      clave,
      etiqueta,
      valor,
      texto: formatearNumero(valor),
    });
    if (serie === 'asistencias-por-mes') {
      const porMes = new Map<string, number>();
      for (const a of await this.pdt.asistencias(f)) {
        const mes = a.fecha.slice(0, 7);
        porMes.set(mes, (porMes.get(mes) ?? 0) + 1);
      }
      return [...porMes].map(([mes, n]) => cuenta(mes, etiquetaDeMes(mes), n));
    }
    const resumen = await this.pdt.resumen(f);
    // Without any milestone recorded every plan would read as overdue: there are no figures yet.
    if (resumen.conHitos === 0) return null;
    switch (serie) {
      case 'estados':
        return resumen.porEstado.map((e) => cuenta(e.estado, e.nombre, e.entidades));
      case 'embudo':
        return resumen.embudo.map((p) => cuenta(p.hito, p.nombre, p.entidades));
      case 'vencidas-por-hito':
        return resumen.vencidasPorHito.map((p) => cuenta(p.hito, p.nombre, p.entidades));
      case 'estados-por-departamento':
        return porAprobacion(resumen.aprobadoATiempo.porDepartamento).flatMap((d) =>
          ESTADOS_PDT.filter((e) => d.estados[e] > 0).map((e) => ({
            ...cuenta(d.codigo, d.nombre, d.estados[e]),
            serie: NOMBRES_ESTADO[e],
          })),
        );
      case 'aprobado-por-departamento':
        return resumen.aprobadoATiempo.porDepartamento
          .filter((d) => d.porcentaje !== null)
          .map((d) => ({
            clave: d.codigo,
            etiqueta: d.nombre,
            valor: Math.round(d.porcentaje! * 1000) / 10,
            texto: formatearPorcentaje(d.porcentaje),
          }));
    }
  }
}

const SIN_HITOS =
  'Sin hitos de los planes de desarrollo cargados: el documento fuente no trae cifras de la fase III.';

/** Departments with the largest share approved on time first, then by name. */
function porAprobacion<T extends { nombre: string; porcentaje: number | null }>(
  departamentos: readonly T[],
): T[] {
  return [...departamentos].sort(
    (a, b) => (b.porcentaje ?? 0) - (a.porcentaje ?? 0) || compararEnEspanol(a.nombre, b.nombre),
  );
}

const esTerritorial = (por: string) => DIMENSIONES_TERRITORIALES.includes(por);

/** The unit of a chart's figures; a comparison's panels each name their own. */
function unidadDe(consulta: ConsultaGrafico): string {
  if (consulta.tipo === 'pdt') return consulta.unidad;
  if (consulta.tipo === 'comparacion-de-fases') return 'la de cada panel';
  return METRICA[consulta.metrica as MetricaId].unidad;
}

/**
 * Where the figures of a territorial chart stand: how much has a place of its own, and the rest
 * (the whole country, several places together, no place), so that no one reads a map as all of it.
 */
function notaDeReparto(
  reparto: NonNullable<Desglose['reparto']>,
  metrica: MetricaId,
  por: string,
): string | undefined {
  const partes = [
    [reparto.propio[metrica], `con ${por === 'municipio' ? 'municipio' : 'departamento'} propio`],
    [reparto.nacional[metrica], 'en todo el territorio nacional'],
    [reparto.conjunto[metrica], 'en cifras conjuntas de varios territorios'],
    [reparto.sinLugar[metrica], 'sin territorio (virtuales o sin lugar)'],
  ] as const;
  const conCifra = partes.filter(([cifra]) => cifra.valor);
  if (conCifra.length === 0 || (conCifra.length === 1 && conCifra[0][1].startsWith('con')))
    return undefined;
  return `De las ${METRICA[metrica].etiqueta.toLowerCase()}: ${conCifra.map(([cifra, donde]) => `${donde}, ${cifra.texto}`).join('; ')}.`;
}

function etiquetaDeMes(periodo: string): string {
  const [anio, mes] = periodo.split('-');
  return `${MESES[Number(mes) - 1]} ${anio}`;
}

/**
 * A running total at every month from its first to its last, carried over the months that add
 * nothing: a month apart on the axis is a month apart in time.
 */
function enCadaMes(puntos: readonly PuntoSerie[]): PuntoSerie[] {
  const meses: PuntoSerie[] = [];
  for (const punto of puntos) {
    const anterior = meses.at(-1);
    if (anterior) {
      for (let mes = mesSiguiente(anterior.periodo); mes < punto.periodo; mes = mesSiguiente(mes))
        meses.push({ ...anterior, periodo: mes });
    }
    meses.push(punto);
  }
  return meses;
}

function mesSiguiente(mes: string): string {
  const [anio, numero] = mes.split('-').map(Number);
  return new Date(Date.UTC(anio, numero, 1)).toISOString().slice(0, 10);
}

/** A month, a run of months, or a year where the source gives only the year. */
function etiquetaDeTramo({ desde, hasta }: { desde: string; hasta: string }): string {
  if (desde === hasta) return etiquetaDeMes(desde);
  const [anio] = desde.split('-');
  if (desde === `${anio}-01-01` && hasta === `${anio}-12-01`) return anio;
  return `${etiquetaDeMes(desde)} – ${etiquetaDeMes(hasta)}`;
}
