/**
 * The one source of numbers: every figure of the API, the dashboard, the
 * workbooks and the images is computed here, from the facts of hechos/ and
 * the definitions of the metrics catalogue.
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FUENTE,
  publicarPartes,
  SIN_CIFRA,
  sinCifra,
  TIPOS_SUBREGION,
  TipoSubregion,
} from '@tablero/domain';
import { DataSource } from 'typeorm';
import { CifraPublicada, cifrasSumables, registroDeSql, SumaDeHechos } from './cifras';
import {
  CAMPOS_FILTRO,
  CampoFiltro,
  Consulta,
  DefinicionFiltro,
  Filtros,
  FILTROS,
  filtrosSinLugar,
  filtrosTerritoriales,
  OpcionesDeFiltro,
  sinFiltros,
} from './filtros';
import { ctesDeHechos, filtroDeHechos, fuenteDeAsistencias } from './hechos';
import { CONJUNTO, etiquetaDeClave, FUERA_DE_SUBREGIONES, NACIONAL } from './etiquetas';
import {
  ActividadListada,
  AmbitoCobertura,
  Cobertura,
  Desglose,
  Dimension,
  EstadoCobertura,
  FilaDesglose,
  Kpis,
  OpcionesListado,
  PartidaConciliacion,
  Periodo,
  Territorio,
  Serie,
} from './metricas.tipos';
import {
  COMPONENTES_PARTICIPANTES,
  METRICA,
  METRICAS,
  METRICAS_SUMABLES,
  MetricaId,
} from './metrics.catalogue';
import { compararDepartamentos, compararFilas } from './orden';

interface FilaSuma {
  clave: string | null;
  metrica: SumaDeHechos['metrica'];
  calificador: SumaDeHechos['calificador'];
  valor: string;
  /** A row of the total over every key, asked for with `conTotal`. */
  total: boolean;
  /** The latest date from which a declared figure or a webinar's views counted here are known. */
  conocido_desde: string | null;
  /** The kinds of record the activities of this row are measured by ("asistencias,vistas"). */
  mide: string | null;
}

/** A fact without a place of its own: national, or of several places together (its `ambito`). */
const AMBITO_SIN_LUGAR = `CASE h.ambito WHEN 'nacional' THEN '${NACIONAL}' WHEN 'conjunto' THEN '${CONJUNTO}' END`;

/**
 * The SQL expression of each dimension over a fact h, the join it needs
 * (`union`), whether that join can put a fact under several keys, and where
 * its names come from.
 */
const DIMENSION_SQL: Record<
  Dimension,
  {
    clave: string | ((f: Filtros, q: Consulta) => string);
    union?: string;
    variasClavesPorHecho?: true;
    /**
     * Where a row's zero is measured (cifras.ts): a row of one activity, where its records are (they
     * replace its declared figures); a row of several activities (a phase, a type, an ally, a channel),
     * where theirs are and the scope's; a row of a place or a group, where the scope's are, as the card
     * filtered by it.
     */
    ceroMedido?: 'actividad' | 'actividades';
    nombres?: string;
  }
> = {
  fase: { clave: 'h.fase', ceroMedido: 'actividades', nombres: 'SELECT codigo, nombre FROM fase' },
  tipo: {
    clave: 'h.tipo',
    ceroMedido: 'actividades',
    nombres: 'SELECT codigo, nombre FROM tipo_actividad',
  },
  actividad: {
    clave: 'coalesce(h.actividad_codigo, h.ciclo_codigo)',
    ceroMedido: 'actividad',
    nombres:
      'SELECT codigo, titulo AS nombre FROM actividad UNION ALL SELECT codigo, nombre FROM ciclo',
  },
  // A fact with its own place is under it; one held in a subregion, under the subregion's department when
  // it lies in one, else with the joint figures; one of the whole country, national; the rest has no place.
  departamento: {
    clave: `coalesce(left(h.territorio, 2),
              CASE WHEN h.subregion IS NOT NULL THEN
                (SELECT CASE WHEN min(left(st.territorio_codigo, 2)) = max(left(st.territorio_codigo, 2))
                             THEN min(left(st.territorio_codigo, 2)) ELSE '${CONJUNTO}' END
                   FROM subregion_territorio st WHERE st.subregion_codigo = h.subregion) END,
              ${AMBITO_SIN_LUGAR})`,
    nombres: `SELECT codigo, nombre FROM territorio WHERE nivel = 'departamento'`,
  },
  municipio: {
    clave: `CASE WHEN length(h.territorio) = 5 THEN h.territorio
                 WHEN h.territorio IS NULL AND h.subregion IS NOT NULL THEN '${CONJUNTO}'
                 WHEN h.territorio IS NULL THEN ${AMBITO_SIN_LUGAR} END`,
    nombres: `SELECT t.codigo, t.nombre || ' (' || d.nombre || ')' AS nombre
                FROM territorio t JOIN territorio d ON d.codigo = t.departamento_codigo WHERE t.nivel = 'municipio'`,
  },
  subregion: {
    // A fact held in a subregion is under it; one placed in a municipality, under the municipality's
    // (the first by code when it is in two), looked up in one object built once: joined, the few rows
    // of the subregions' municipalities were scanned again for each fact whenever the planner expected
    // few facts. With a kind of subregion asked for, only subregions of that kind. A figure of several places
    // together is with the joint figures and one of the whole country is national, as by department; the
    // rest is outside the subregions when it has a place, else it has none.
    clave: (f, q) => {
      const deltipo = f.tipoSubregion
        ? `IN (SELECT codigo FROM subregion WHERE tipo = ${q.p(f.tipoSubregion)})`
        : undefined;
      return `coalesce(${deltipo ? `CASE WHEN h.subregion ${deltipo} THEN h.subregion END` : 'h.subregion'},
              (SELECT jsonb_object_agg(territorio_codigo, subregion_codigo)
                 FROM (SELECT territorio_codigo, min(subregion_codigo) AS subregion_codigo
                         FROM subregion_territorio ${deltipo ? `WHERE subregion_codigo ${deltipo}` : ''}
                        GROUP BY territorio_codigo) st) ->> h.territorio,
              ${AMBITO_SIN_LUGAR},
              CASE WHEN h.territorio IS NOT NULL THEN '${FUERA_DE_SUBREGIONES}' END)`;
    },
    nombres: `SELECT codigo, CASE tipo WHEN 'pdet' THEN nombre || ' (PDET)' ELSE nombre END AS nombre FROM subregion`,
  },
  // A fact is under each group the group filter finds it in (alcance.sql.ts): its own, else each group its
  // activity was aimed at; the rest has no group.
  grupo: {
    clave: 'g.grupo',
    variasClavesPorHecho: true,
    union: `LEFT JOIN LATERAL (
              SELECT h.grupo WHERE h.grupo IS NOT NULL
              UNION ALL
              SELECT ag.grupo_de_valor_codigo FROM actividad_grupo_de_valor ag
               WHERE h.grupo IS NULL AND ag.actividad_codigo = h.actividad_codigo
            ) g ON TRUE`,
    nombres: 'SELECT codigo, nombre FROM grupo_de_valor',
  },
  aliado: {
    clave: 'al.aliado_codigo',
    variasClavesPorHecho: true,
    ceroMedido: 'actividades',
    union: `LEFT JOIN LATERAL (
              SELECT aa.aliado_codigo FROM actividad_aliado aa WHERE aa.actividad_codigo = h.actividad_codigo
              UNION
              SELECT aa.aliado_codigo FROM act JOIN actividad_aliado aa ON aa.actividad_codigo = act.codigo
               WHERE h.actividad_codigo IS NULL AND act.ciclo_codigo = h.ciclo_codigo
            ) al ON TRUE`,
    nombres: 'SELECT codigo, coalesce(sigla, nombre) AS nombre FROM aliado',
  },
  modalidad: { clave: 'h.modalidad' },
  canal: { clave: 'h.canal', ceroMedido: 'actividades' },
};

/** The SQL key of the dimension `por` over a fact h, under the filters `f`. */
function claveDe(por: Dimension, f: Filtros, q: Consulta): string {
  const { clave } = DIMENSION_SQL[por];
  return typeof clave === 'function' ? clave(f, q) : clave;
}

/** How a service computes: from the summaries (the default), or `ingenua` from the raw records, the benchmarks' and tests' baseline. */
export interface OpcionesMetricas {
  readonly ingenua?: boolean;
}

export const OPCIONES_METRICAS = Symbol('OPCIONES_METRICAS');

@Injectable()
export class MetricasService {
  private readonly ingenua: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(OPCIONES_METRICAS) opciones: OpcionesMetricas = {},
  ) {
    this.ingenua = opciones.ingenua ?? false;
  }

  /**
   * Sums of facts by component and qualifier, optionally by a dimension.
   * With `conTotal`, also the total over every key in the same pass, for a
   * dimension that puts each fact under one key.
   */
  async sumas(f: Filtros, por?: Dimension, conTotal = false): Promise<FilaSuma[]> {
    const q = new Consulta();
    const ctes = ctesDeHechos(
      f,
      q,
      fuenteDeAsistencias(f, { por, ingenua: this.ingenua }),
      por === 'fase' || por === 'tipo',
    );
    const dimension = por ? DIMENSION_SQL[por] : undefined;
    const clave = por ? claveDe(por, f, q) : undefined;
    const filtro = filtroDeHechos(f, q);
    return this.dataSource.query<FilaSuma[]>(
      `WITH ${ctes}
       SELECT clave, metrica, calificador, sum(valor)::text AS valor, grouping(clave) = 1 AS total,
              max(conocido_desde)::text AS conocido_desde,
              string_agg(DISTINCT array_to_string(registrado, ','), ',') AS mide
         FROM (SELECT ${clave ?? 'NULL::varchar'} AS clave, h.metrica, h.calificador, h.valor, h.conocido_desde,
                      h.registrado
                 FROM hechos h ${dimension?.union ?? ''}
                WHERE ${filtro}) x
        GROUP BY ${conTotal ? 'GROUPING SETS ((clave, metrica, calificador), (metrica, calificador))' : 'clave, metrica, calificador'}`,
      q.params,
    );
  }

  async totales(f: Filtros): Promise<Record<MetricaId, CifraPublicada>> {
    const [filas, medidos] = await Promise.all([this.sumas(f), this.medidosEnAmbito(f)]);
    return cifrasSumables(aSumas(filas), { medidos });
  }

  /**
   * The cards of the summable metrics. Distinct persons and coverage are exact
   * set computations whose cost grows with the records: they have their own
   * routes (personasUnicas, cobertura), which the dashboard calls alongside.
   */
  async kpis(f: Filtros): Promise<Kpis> {
    // The cut-off date is the cheaper question: once known, both periods are summed at once.
    const fechaCorte = await this.fechaDeCorte(f);
    const fechaCorteAnterior = fechaCorte ? unMesAntes(fechaCorte) : null;
    const [filas, medidos, anteriores, metas, motivo] = await Promise.all([
      this.sumas(f),
      this.medidosEnAmbito(f),
      fechaCorteAnterior ? this.totales({ ...f, fechaCorte: fechaCorteAnterior }) : undefined,
      this.metas(f),
      this.motivoEnLugares(f),
    ]);
    const totales = cifrasSumables(aSumas(filas), { medidos, motivo });
    // What held a month before is known only where every figure counted now was known then: a
    // figure first declared, or a webinar first counted, after it had no value then, not a zero.
    const comparable = (id: MetricaId) =>
      fechaCorteAnterior !== null &&
      totales[id].valor !== null &&
      anteriores?.[id].valor !== null &&
      !filas.some(
        (r) =>
          (METRICA[id].componentes ?? []).includes(r.metrica) &&
          r.conocido_desde !== null &&
          r.conocido_desde > fechaCorteAnterior,
      );
    return {
      fechaCorte,
      fechaCorteAnterior,
      filtros: f,
      fuente: FUENTE,
      kpis: METRICAS.filter((m) => m.agregacion === 'suma').map((m) => {
        const cifra = totales[m.id];
        const meta = metas.get(m.id) ?? null;
        return {
          metrica: m.id,
          etiqueta: m.etiqueta,
          unidad: m.unidad,
          definicion: m.definicion,
          cifra,
          meta,
          avance: meta && cifra.valor !== null ? cifra.valor / meta : null,
          anterior: comparable(m.id) ? anteriores![m.id] : null,
        };
      }),
    };
  }

  async desglose(por: Dimension, f: Filtros): Promise<Desglose> {
    const catalogado = por === 'fase' || por === 'tipo';
    // An activity with several allies is under each of them: its total is not their sum.
    const unaClavePorHecho = !DIMENSION_SQL[por].variasClavesPorHecho;
    const [filas, nombres, totalAparte, orden, medidos] = await Promise.all([
      this.sumas(f, por, unaClavePorHecho),
      this.nombres(por),
      unaClavePorHecho ? undefined : this.totales(f),
      catalogado ? this.ordenCatalogo(por) : undefined,
      this.medidosEnAmbito(f),
    ]);
    const total =
      totalAparte ?? cifrasSumables(aSumas(filas.filter((fila) => fila.total)), { medidos });
    const porClave = new Map<string | null, SumaDeHechos[]>();
    for (const fila of filas.filter((fila) => !fila.total)) {
      const lista = porClave.get(fila.clave) ?? [];
      lista.push(...aSumas([fila]));
      porClave.set(fila.clave, lista);
    }
    const etiqueta = (clave: string | null) => etiquetaDeClave(por, clave, nombres);
    // An activity of a cycle whose figure belongs to the cycle has none of its own: it says where it is.
    const ciclos = por === 'actividad' ? await this.ciclosDe([...porClave.keys()]) : new Map();
    const midenClave = (clave: string | null) => {
      const propios = medidosDe(filas.filter((fila) => !fila.total && fila.clave === clave));
      const { ceroMedido } = DIMENSION_SQL[por];
      if (ceroMedido === 'actividad') return propios;
      if (ceroMedido === 'actividades') return new Set([...propios].filter((t) => medidos.has(t)));
      return medidos;
    };
    const deClave = new Map(
      [...porClave].map(
        ([clave, sumas]) =>
          [
            clave,
            cifrasSumables(sumas, { motivo: motivoDeFila(por, clave), medidos: midenClave(clave) }),
          ] as const,
      ),
    );
    const codigosDeCiclo = new Set(ciclos.values());
    const resultado: FilaDesglose[] = [...porClave.keys()].map((clave) => {
      const ciclo = clave === null ? undefined : ciclos.get(clave);
      const cifras = ciclo
        ? cifrasSumables(porClave.get(clave)!, {
            motivo: enElCiclo(etiqueta(ciclo), deClave.get(ciclo)),
            medidos: midenClave(clave),
          })
        : deClave.get(clave)!;
      // A cycle's own row holds its figure; its activities are counted in their own rows.
      return {
        clave,
        etiqueta: etiqueta(clave),
        cifras: codigosDeCiclo.has(clave)
          ? { ...cifras, actividades: sinCifra('sus actividades se cuentan en sus propias filas') }
          : cifras,
      };
    });
    resultado.sort(compararFilas(orden));
    if (por !== 'departamento' && por !== 'municipio' && por !== 'subregion')
      return { por, filtros: f, filas: resultado, total };
    const propios = new Set(
      resultado.filter((r) => (r.cifras.interacciones.valor ?? 0) > 0).map((r) => r.clave),
    );
    const enCifrasConjuntas = (await this.enCifrasConjuntas(por, f))
      .filter((clave) => !propios.has(clave))
      .map((clave) => ({ clave, etiqueta: etiqueta(clave) }));
    if (por === 'subregion') return { por, filtros: f, filas: resultado, total, enCifrasConjuntas };
    const delGrupo = (en: (clave: string | null) => boolean) =>
      cifrasSumables([...porClave].filter(([clave]) => en(clave)).flatMap(([, sumas]) => sumas));
    const reparto = {
      propio: delGrupo((c) => c !== null && !c.startsWith('#')),
      nacional: delGrupo((c) => c === NACIONAL),
      conjunto: delGrupo((c) => c === CONJUNTO),
      sinLugar: delGrupo((c) => c === null),
    };
    return { por, filtros: f, filas: resultado, total, enCifrasConjuntas, reparto };
  }

  /**
   * A metric over time. A figure known only for a period (an activity or a cycle of several days
   * or months, or a year where the source gives only the year) is counted in the running total at
   * the period's end (`puntos`), and drawn as the period itself where each period is shown
   * (`tramos`): never at a first day the source does not give. What the source does not date is
   * in no period: `sinFecha` says how much, null when nothing. Under a cut-off date, a period is
   * known up to it: with what has no date, the series ends there at the cards' figures.
   */
  async serie(metrica: MetricaId, periodo: Periodo, f: Filtros): Promise<Serie> {
    const definicion = METRICA[metrica];
    const q = new Consulta();
    const ctes = ctesDeHechos(
      f,
      q,
      fuenteDeAsistencias(f, { porActividad: true, ingenua: this.ingenua }),
    );
    const filtro = filtroDeHechos(f, q);
    const unidad = { dia: 'day', semana: 'week', mes: 'month' }[periodo];
    const fin = f.fechaCorte ? `least(h.fecha_fin, ${q.p(f.fechaCorte)}::date)` : 'h.fecha_fin';
    const filas = await this.dataSource.query<
      (FilaSuma & { desde: string | null; hasta: string | null })[]
    >(
      `WITH ${ctes}
       SELECT date_trunc('${unidad}', h.fecha)::date::text AS desde,
              date_trunc('${unidad}', ${fin})::date::text AS hasta, NULL AS clave, h.metrica, h.calificador,
              sum(h.valor)::text AS valor
         FROM hechos h WHERE ${filtro} AND h.metrica = ANY (${q.p(definicion.componentes ?? [])})
        GROUP BY 1, 2, 4, 5 ORDER BY 2, 1`,
      q.params,
    );
    const cifra = (sumas: SumaDeHechos[]) => cifrasSumables(sumas)[metrica];
    const fechadas = filas.filter((f) => f.desde !== null);
    const sinFecha = filas.filter((f) => f.desde === null);
    const acumuladas: SumaDeHechos[] = [];
    const puntos = [...new Set(fechadas.map((f) => f.hasta!))].map((hasta) => {
      const delPeriodo = aSumas(fechadas.filter((f) => f.hasta === hasta));
      acumuladas.push(...delPeriodo);
      return { periodo: hasta, cifra: cifra(delPeriodo), acumulado: cifra(acumuladas) };
    });
    const tramos = [...new Set(fechadas.map((f) => `${f.desde}/${f.hasta}`))]
      .sort()
      .map((clave) => {
        const [desde, hasta] = clave.split('/');
        return {
          desde,
          hasta,
          cifra: cifra(aSumas(fechadas.filter((f) => f.desde === desde && f.hasta === hasta))),
        };
      });
    return { puntos, tramos, sinFecha: sinFecha.length ? cifra(aSumas(sinFecha)) : null };
  }

  /**
   * Departments and municipalities reached: with participants of their own, or only within a figure
   * declared for several places together, or not at all; and the participants of activities held
   * across the whole country, which are national coverage rather than any one place's.
   */
  async cobertura(f: Filtros): Promise<Cobertura> {
    const [
      porMunicipio,
      porDepartamento,
      municipiosEnConjuntas,
      departamentosEnConjuntas,
      { departamentos, municipios },
    ] = await Promise.all([
      this.sumas(f, 'municipio'),
      this.sumas(f, 'departamento'),
      this.enCifrasConjuntas('municipio', f),
      this.enCifrasConjuntas('departamento', f),
      this.territoriosEnAmbito(f),
    ]);
    const participantes = (filas: FilaSuma[]) =>
      filas.filter((r) => COMPONENTES_PARTICIPANTES.includes(r.metrica) && Number(r.valor) > 0);
    const claves = (filas: FilaSuma[]) => new Set(participantes(filas).map((r) => r.clave));
    const cifraDeParticipantes = (filas: FilaSuma[], motivo?: string) =>
      publicarPartes(
        aSumas(participantes(filas)).map((p) => ({ ...p, componente: p.metrica })),
        motivo,
      );
    const codigos = new Set([...departamentos, ...municipios].map((t) => t.codigo));
    const municipiosPropios = new Set(
      [...claves(porMunicipio)].filter((c): c is string => !!c && c.length === 5 && codigos.has(c)),
    );
    const departamentosPropios = new Set(
      [...claves(porDepartamento)].filter((c): c is string => !!c && codigos.has(c)),
    );
    const municipiosConjuntos = new Set(
      municipiosEnConjuntas.filter((c) => !municipiosPropios.has(c)),
    );
    const departamentosConjuntos = new Set(
      departamentosEnConjuntas.filter((c) => !departamentosPropios.has(c)),
    );
    const ambito = (
      lista: readonly Territorio[],
      propios: Set<string>,
      enConjuntas: Set<string>,
    ): AmbitoCobertura => ({
      alcanzados: propios.size,
      enCifrasConjuntas: enConjuntas.size,
      total: lista.length,
      sinAlcanzar: lista
        .filter((t) => !propios.has(t.codigo) && !enConjuntas.has(t.codigo))
        .map(({ codigo, nombre }) => ({ codigo, nombre })),
    });
    const cifraDe = (clave: string, motivo?: string) =>
      cifraDeParticipantes(
        porDepartamento.filter((r) => r.clave === clave),
        motivo,
      );
    const estado = (codigo: string): EstadoCobertura =>
      departamentosPropios.has(codigo)
        ? 'propia'
        : departamentosConjuntos.has(codigo)
          ? 'conjunta'
          : 'sin_alcanzar';
    return {
      filtros: f,
      departamentos: ambito(departamentos, departamentosPropios, departamentosConjuntos),
      municipios: ambito(municipios, municipiosPropios, municipiosConjuntos),
      nacional: cifraDe(NACIONAL),
      porDepartamento: departamentos
        .map((d) => ({
          codigo: d.codigo,
          nombre: d.nombre,
          estado: estado(d.codigo),
          participantes: cifraDe(
            d.codigo,
            estado(d.codigo) === 'conjunta'
              ? 'alcanzado en una cifra declarada para varios territorios juntos'
              : undefined,
          ),
          municipiosAlcanzados: [...municipiosPropios].filter((m) => m.startsWith(d.codigo)).length,
          municipiosEnCifrasConjuntas: [...municipiosConjuntos].filter((m) =>
            m.startsWith(d.codigo),
          ).length,
          municipiosTotal: municipios.filter((m) => m.departamento === d.codigo).length,
        }))
        .sort(compararDepartamentos),
    };
  }

  /**
   * The keys of a territorial breakdown reached by participants declared or recorded for several places
   * together (a subregion's records without a municipality, a cycle's figure whose activities were held in
   * several places): each of their places (a municipality, or a department where an activity is held in one)
   * read as a fact placed in it, under the dimension's own key and the territorial filters, as every fact.
   */
  private async enCifrasConjuntas(
    por: 'departamento' | 'municipio' | 'subregion',
    f: Filtros,
  ): Promise<string[]> {
    const q = new Consulta();
    const filas = await this.dataSource.query<{ clave: string }[]>(
      `WITH ${ctesDeCifrasConjuntas(f, q)}
       SELECT DISTINCT clave FROM (
         SELECT ${claveDe(por, f, q)} AS clave
           FROM lugares l
           CROSS JOIN LATERAL (SELECT l.territorio, NULL::varchar AS subregion, NULL::varchar AS ambito) h
          WHERE l.territorio IS NOT NULL AND ${filtroDeHechos(filtrosTerritoriales(f), q)}
       ) x
        WHERE clave IS NOT NULL AND left(clave, 1) <> '#'
        ORDER BY clave`,
      q.params,
    );
    return filas.map((fila) => fila.clave);
  }

  /**
   * With places among the filters, why a metric has no figure there: the figures declared or recorded
   * for several places together that reach one of them, which are not theirs alone, are named. To a
   * principal limited to departments, without their value: it holds other departments' participants.
   */
  private async motivoEnLugares(f: Filtros): Promise<(id: MetricaId) => string> {
    const territoriales = filtrosTerritoriales(f);
    if (!Object.keys(territoriales).length) return () => SIN_CIFRA;
    const q = new Consulta();
    const filas = await this.dataSource.query<FilaSuma[]>(
      `WITH ${ctesDeCifrasConjuntas(f, q)}
       SELECT c.metrica, c.calificador, sum(c.valor)::text AS valor
         FROM conjuntas c
        WHERE NOT coalesce(${filtroDeHechos(territoriales, q, 'c')}, FALSE)
          AND c.n IN (SELECT l.n FROM lugares l
                       CROSS JOIN LATERAL (SELECT l.territorio, NULL::varchar AS subregion) h
                       WHERE l.territorio IS NOT NULL AND ${filtroDeHechos(territoriales, q)})
        GROUP BY 1, 2`,
      q.params,
    );
    const conjuntas = cifrasSumables(aSumas(filas));
    const enLaConjunta = 'en una cifra conjunta de varios territorios';
    return (id) =>
      conjuntas[id].valor === null
        ? SIN_CIFRA
        : f.departamentos
          ? enLaConjunta
          : `${enLaConjunta}: ${conjuntas[id].texto}`;
  }

  /**
   * The places a coverage is of: the municipalities the territorial filters leave in scope (each
   * read as a fact placed in it) and their departments.
   */
  private async territoriosEnAmbito(f: Filtros) {
    const q = new Consulta();
    const municipios = await this.dataSource.query<
      { codigo: string; nombre: string; departamento: string }[]
    >(
      `SELECT t.codigo, t.nombre, t.departamento_codigo AS departamento
         FROM territorio t CROSS JOIN LATERAL (SELECT t.codigo AS territorio, NULL::varchar AS subregion) h
        WHERE t.nivel = 'municipio' AND ${filtroDeHechos(filtrosTerritoriales(f), q)}
        ORDER BY t.codigo`,
      q.params,
    );
    const departamentos = await this.dataSource.query<{ codigo: string; nombre: string }[]>(
      `SELECT codigo, nombre FROM territorio WHERE nivel = 'departamento' AND codigo = ANY ($1) ORDER BY codigo`,
      [[...new Set(municipios.map((m) => m.departamento))]],
    );
    return { departamentos, municipios };
  }

  /**
   * The declared figures that records replace, beside those records: both as facts, under the same
   * filters as every figure (a declared figure is in scope where its own place, group and modality are).
   */
  async conciliacion(f: Filtros): Promise<PartidaConciliacion[]> {
    const q = new Consulta();
    const ctes = ctesDeHechos(f, q, fuenteDeAsistencias(f, { porActividad: true }));
    const filas = await this.dataSource.query<
      {
        objeto: 'actividad' | 'ciclo';
        codigo: string;
        nombre: string;
        metrica: string;
        declarado: string;
        valores: string[];
        calificadores: SumaDeHechos['calificador'][];
        fecha_corte: string;
        registrado: string;
      }[]
    >(
      `WITH ${ctes}
       SELECT CASE WHEN h.actividad_codigo IS NULL THEN 'ciclo' ELSE 'actividad' END AS objeto,
              coalesce(h.actividad_codigo, h.ciclo_codigo) AS codigo,
              coalesce(a.titulo, c.nombre) AS nombre, h.metrica, sum(h.valor)::text AS declarado,
              array_agg(h.valor::text) AS valores, array_agg(h.calificador) AS calificadores,
              max(h.fecha_corte)::text AS fecha_corte,
              (SELECT coalesce(sum(r.valor), 0)
                 FROM (SELECT r.actividad_codigo, act.ciclo_codigo, r.metrica, r.valor, r.territorio, r.grupo,
                              r.modalidad, coalesce(r.subregion, act.subregion_codigo) AS subregion,
                              NULL::varchar AS objetivo
                         FROM registros r JOIN act ON act.codigo = r.actividad_codigo) r
                WHERE (r.actividad_codigo = h.actividad_codigo
                       OR (h.actividad_codigo IS NULL AND r.ciclo_codigo = h.ciclo_codigo))
                  AND (r.metrica = h.metrica
                       OR (h.metrica = 'participantes' AND r.metrica IN ('asistentes_presenciales', 'asistentes_remotos')))
                  AND ${filtroDeHechos(f, q, 'r')}
              )::text AS registrado
         FROM declarados_como_hechos h
         LEFT JOIN actividad a ON a.codigo = h.actividad_codigo
         LEFT JOIN ciclo c ON c.codigo = h.ciclo_codigo AND h.actividad_codigo IS NULL
        WHERE NOT h.sin_registros AND ${filtroDeHechos(f, q, 'h')}
        GROUP BY 1, 2, 3, 4, h.actividad_codigo, h.ciclo_codigo
        ORDER BY 2, 4`,
      q.params,
    );
    return filas.map((f) => ({
      objeto: f.objeto,
      codigo: f.codigo,
      nombre: f.nombre,
      metrica: f.metrica,
      declarado: publicarPartes(
        f.valores.map((valor, i) => ({
          componente: f.metrica,
          valor: Number(valor),
          calificador: f.calificadores[i],
        })),
      ),
      fechaCorteDeclarado: f.fecha_corte,
      registrado: Number(f.registrado),
      diferencia: Number(f.registrado) - Number(f.declarado),
    }));
  }

  async actividades(
    f: Filtros,
    o: OpcionesListado,
  ): Promise<{ total: number; pagina: number; tamano: number; filas: ActividadListada[] }> {
    const q = new Consulta();
    const ctes = ctesDeHechos(
      f,
      q,
      fuenteDeAsistencias(f, { porActividad: true, ingenua: this.ingenua }),
    );
    const filtro = filtroDeHechos(f, q);
    const buscar = o.buscar ? q.p(`%${o.buscar.replace(/[%_\\]/g, '\\$&')}%`) : undefined;
    const columna = {
      codigo: 'a.codigo',
      titulo: 'a.titulo',
      fecha_inicio: 'act.periodo_desde',
      fase: 'a.fase_codigo',
      tipo: 't.nombre',
    }[o.orden];
    const filas = await this.dataSource.query<
      (Omit<ActividadListada, 'cifras'> & { total: number })[]
    >(
      `WITH ${ctes}
       SELECT a.codigo, a.fase_codigo AS fase, t.nombre AS tipo, a.titulo, act.periodo_desde::text AS "fechaInicio",
              act.periodo_hasta::text AS "fechaFin", a.modalidad, a.canal, a.ciclo_codigo AS ciclo,
              coalesce(a.lugar, terr.nombre, sr.nombre) AS lugar,
              coalesce((SELECT array_agg(coalesce(al.sigla, al.nombre) ORDER BY al.nombre)
                          FROM actividad_aliado aa JOIN aliado al ON al.codigo = aa.aliado_codigo
                         WHERE aa.actividad_codigo = a.codigo), '{}') AS aliados,
              count(*) OVER ()::int AS total
         FROM act JOIN actividad a ON a.codigo = act.codigo
         JOIN tipo_actividad t ON t.codigo = a.tipo_codigo
         LEFT JOIN territorio terr ON terr.codigo = a.territorio_codigo
         LEFT JOIN subregion sr ON sr.codigo = a.subregion_codigo
        WHERE ${filtro === 'TRUE' ? 'TRUE' : `EXISTS (SELECT 1 FROM hechos h WHERE h.actividad_codigo = a.codigo AND ${filtro})`}
          ${buscar ? `AND (a.titulo ILIKE ${buscar} OR a.codigo ILIKE ${buscar})` : ''}
        ORDER BY ${columna} ${o.direccion === 'desc' ? 'DESC' : 'ASC'}, a.codigo
        LIMIT ${q.p(o.tamano)} OFFSET ${q.p((o.pagina - 1) * o.tamano)}`,
      q.params,
    );
    const codigos = filas.map((fila) => fila.codigo);
    const cifras = codigos.length ? await this.cifrasPorActividad(f, codigos) : new Map();
    return {
      total: filas[0]?.total ?? 0,
      pagina: o.pagina,
      tamano: o.tamano,
      filas: filas.map(({ total: _total, ...fila }) => ({
        ...fila,
        cifras: cifras.get(fila.codigo) ?? cifrasSumables([]),
      })),
    };
  }

  /**
   * Distinct persons among the attendance records in scope; null when there are no records at all.
   * Without filters, the count kept as the records change (total_personas); under filters, counted.
   */
  async personasUnicas(f: Filtros): Promise<number | null> {
    if (!this.ingenua && sinFiltros(f)) {
      const [total] = await this.dataSource.query<{ personas: string }[]>(
        'SELECT personas::text FROM total_personas',
      );
      return total && Number(total.personas) > 0 ? Number(total.personas) : null;
    }
    const q = new Consulta();
    const ctes = ctesDeHechos(f, q, 'actividad');
    const filtro = filtroDeHechos(f, q, 'x');
    const [fila] = await this.dataSource.query<{ personas: string; hay: boolean }[]>(
      `WITH ${ctes}
       SELECT (SELECT count(DISTINCT x.persona_clave)
                 FROM (SELECT s.persona_clave, s.actividad_codigo, s.municipio_codigo AS territorio,
                              s.grupo_de_valor_codigo AS grupo, s.modalidad, act.subregion_codigo AS subregion,
                              NULL::varchar AS objetivo
                         FROM asistencia s JOIN act ON act.codigo = s.actividad_codigo) x
                WHERE ${filtro})::text AS personas,
              EXISTS (SELECT 1 FROM asistencia) AS hay`,
      q.params,
    );
    return fila.hay ? Number(fila.personas) : null;
  }

  /**
   * The values of the filters read from catalogues, with their names, for the dashboard's filter
   * bar; for a department-limited caller, only its departments.
   */
  async opcionesDeFiltro(suyos: readonly string[] | null): Promise<OpcionesDeFiltro> {
    const lista = (sql: string) => this.dataSource.query<OpcionesDeFiltro['fases']>(sql);
    const [fases, tipos, departamentos, subregiones, aliados, grupos] = await Promise.all([
      lista(`SELECT codigo, nombre FROM fase ORDER BY codigo`),
      lista(`SELECT codigo, nombre FROM tipo_actividad ORDER BY orden, nombre`),
      lista(`SELECT codigo, nombre FROM territorio WHERE nivel = 'departamento' ORDER BY nombre`),
      lista(`SELECT codigo, nombre, tipo AS grupo FROM subregion ORDER BY tipo, nombre`).then(
        (subregiones) =>
          subregiones.map((s) => ({ ...s, grupo: TIPOS_SUBREGION[s.grupo as TipoSubregion] })),
      ),
      lista(`SELECT codigo, nombre FROM aliado ORDER BY nombre`),
      lista(`SELECT codigo, nombre FROM grupo_de_valor ORDER BY nombre`),
    ]);
    return {
      fases,
      tipos,
      departamentos: suyos ? departamentos.filter((d) => suyos.includes(d.codigo)) : departamentos,
      subregiones,
      aliados,
      grupos,
    };
  }

  /** The filters in words, for titles and sheets: "Fase II · Departamento: Tolima"; "Toda la estrategia" when none. */
  async describirFiltros(f: Filtros): Promise<string> {
    const nombre = async (campo: CampoFiltro, codigo: string) => {
      const { catalogo }: DefinicionFiltro = FILTROS[campo];
      if (!catalogo) return codigo;
      const [fila] = await this.dataSource.query<{ nombre: string }[]>(
        `SELECT nombre FROM ${catalogo.tabla} WHERE codigo = $1`,
        [codigo],
      );
      return fila?.nombre ?? codigo;
    };
    const partes = await Promise.all(
      CAMPOS_FILTRO.filter((campo) => f[campo] !== undefined).map(async (campo) =>
        FILTROS[campo].enPalabras(f[campo]!, await nombre(campo, f[campo]!)),
      ),
    );
    if (f.departamentos && !f.departamento && !f.municipio) {
      const nombres = await Promise.all(f.departamentos.map((d) => nombre('departamento', d)));
      partes.push(`Solo ${nombres.join(', ')}`);
    }
    return partes.length ? partes.join(' · ') : 'Toda la estrategia';
  }

  /** The departments a subregion's municipalities (or departments) lie in. */
  async departamentosDeSubregion(subregion: string): Promise<string[]> {
    const filas = await this.dataSource.query<{ departamento: string }[]>(
      `SELECT DISTINCT left(territorio_codigo, 2) AS departamento FROM subregion_territorio
        WHERE subregion_codigo = $1`,
      [subregion],
    );
    return filas.map((f) => f.departamento);
  }

  /** The first filter whose code names nothing in its catalogue, as [campo, value]. */
  async codigoDesconocido(f: Filtros): Promise<[CampoFiltro, string] | undefined> {
    const pedidos = CAMPOS_FILTRO.flatMap((campo) => {
      const { catalogo }: DefinicionFiltro = FILTROS[campo];
      const valor = f[campo];
      return catalogo && valor !== undefined ? [{ campo, valor, catalogo }] : [];
    });
    const existen = await Promise.all(
      pedidos.map(
        async ({ valor, catalogo }) =>
          (
            await this.dataSource.query(
              `SELECT 1 FROM ${catalogo.tabla} WHERE codigo = $1 AND ${catalogo.condicion}`,
              [valor],
            )
          ).length > 0,
      ),
    );
    const primero = pedidos.find((_, i) => !existen[i]);
    return primero && [primero.campo, primero.valor];
  }

  private async cifrasPorActividad(f: Filtros, codigos: string[]) {
    const q = new Consulta();
    const ctes = ctesDeHechos(
      f,
      q,
      fuenteDeAsistencias(f, { porActividad: true, ingenua: this.ingenua }),
    );
    const filtro = filtroDeHechos(f, q);
    const filas = await this.dataSource.query<FilaSuma[]>(
      `WITH ${ctes}
       SELECT h.actividad_codigo AS clave, h.metrica, h.calificador, sum(h.valor)::text AS valor,
              string_agg(DISTINCT array_to_string(h.registrado, ','), ',') AS mide
         FROM hechos h WHERE ${filtro} AND h.actividad_codigo = ANY (${q.p(codigos)})
        GROUP BY 1, 2, 3`,
      q.params,
    );
    return new Map(
      codigos.map((c) => {
        const deLaActividad = filas.filter((fila) => fila.clave === c);
        return [c, cifrasSumables(aSumas(deLaActividad), { medidos: medidosDe(deLaActividad) })];
      }),
    );
  }

  /**
   * The cut-off date the figures stand at: the one asked for, or the latest
   * date of a figure in scope (declared cut-offs, view snapshots, activities with records).
   */
  async fechaDeCorte(f: Filtros): Promise<string | null> {
    if (f.fechaCorte) return f.fechaCorte;
    const q = new Consulta();
    const ctes = ctesDeHechos(f, q, 'actividad');
    const [fila] = await this.dataSource.query<{ fecha: string | null }[]>(
      `WITH ${ctes}
       SELECT greatest(
                (SELECT max(fecha_corte) FROM declarados_como_hechos WHERE sin_registros),
                (SELECT max(fecha_corte) FROM vistas_al_corte),
                (SELECT max(act.fecha_inicio) FROM act WHERE act.codigo IN (SELECT actividad_codigo FROM con_registros))
              )::text AS fecha`,
      q.params,
    );
    return fila.fecha;
  }

  private async metas(f: Filtros): Promise<Map<string, number>> {
    // The targets are national: a department-limited view has none to compare with.
    if (f.departamentos) return new Map();
    const filas = await this.dataSource.query<{ metrica: string; valor: string }[]>(
      `SELECT i.metrica, sum(m.valor)::text AS valor FROM meta m JOIN indicador i ON i.codigo = m.indicador_codigo
        WHERE $1::varchar IS NULL OR m.fase_codigo = $1 GROUP BY i.metrica`,
      [f.fase ?? null],
    );
    return new Map(filas.map((fila) => [fila.metrica, Number(fila.valor)]));
  }

  /**
   * The kinds of record the activities in scope are measured by, whatever the filters on each fact
   * (a group, a place) leave: where they are, no matching record is a measured zero. Not a kind of
   * which a declared figure is still in force in scope: that figure does not say which groups or
   * places it holds, so a group or a place absent from the records may still be in it.
   */
  private async medidosEnAmbito(f: Filtros): Promise<Set<string>> {
    const q = new Consulta();
    const ctes = ctesDeHechos(f, q, 'actividad');
    const [{ tipos }] = await this.dataSource.query<{ tipos: string | null }[]>(
      `WITH ${ctes}
       SELECT string_agg(DISTINCT t, ',') AS tipos FROM registrado_por_actividad, unnest(registrado) t
        WHERE NOT EXISTS (SELECT 1 FROM declarados_como_hechos d
                           WHERE d.sin_registros AND ${registroDeSql('d.metrica')} = t)`,
      q.params,
    );
    return new Set(tipos?.split(',') ?? []);
  }

  /** The cycle each of these activities belongs to, for those in one. */
  private async ciclosDe(actividades: readonly (string | null)[]): Promise<Map<string, string>> {
    const filas = await this.dataSource.query<{ codigo: string; ciclo: string }[]>(
      `SELECT codigo, ciclo_codigo AS ciclo FROM actividad WHERE codigo = ANY ($1) AND ciclo_codigo IS NOT NULL`,
      [actividades.filter((a) => a !== null)],
    );
    return new Map(filas.map((f) => [f.codigo, f.ciclo]));
  }

  private async nombres(por: Dimension): Promise<Map<string, string>> {
    const fuente = DIMENSION_SQL[por].nombres;
    if (!fuente) return new Map();
    const filas = await this.dataSource.query<{ codigo: string; nombre: string }[]>(fuente);
    return new Map(filas.map((f) => [f.codigo, f.nombre]));
  }

  private async ordenCatalogo(por: 'fase' | 'tipo'): Promise<Map<string, number>> {
    const filas = await this.dataSource.query<{ codigo: string; orden: number }[]>(
      por === 'fase'
        ? `SELECT codigo, row_number() OVER (ORDER BY inicio)::int AS orden FROM fase`
        : `SELECT codigo, orden FROM tipo_actividad`,
    );
    return new Map(filas.map((f) => [f.codigo, f.orden]));
  }
}

/**
 * The CTEs of the figures of several places together under the filters other than places (a joint
 * figure has no one place: the filters on places choose among its places): `conjuntas`, each such
 * fact of participants, numbered (a cycle's figure whose activities were held in several places, a
 * subregion's without a municipality); and `lugares`, each of their places (a municipality, or a
 * department where an activity is held in one).
 */
function ctesDeCifrasConjuntas(f: Filtros, q: Consulta): string {
  const sinLugar = filtrosSinLugar(f);
  const ctes = ctesDeHechos(sinLugar, q, fuenteDeAsistencias(sinLugar, { por: 'municipio' }));
  return `${ctes},
   conjuntas AS (
     SELECT row_number() OVER () AS n, h.* FROM hechos h
      WHERE (h.ambito = 'conjunto' OR (h.territorio IS NULL AND h.subregion IS NOT NULL))
        AND h.metrica = ANY (${q.p(COMPONENTES_PARTICIPANTES)}) AND h.valor > 0 AND ${filtroDeHechos(sinLugar, q)}
   ),
   lugares AS (
     SELECT c.n, coalesce(act.territorio_codigo, st.territorio_codigo) AS territorio
       FROM conjuntas c JOIN act ON act.ciclo_codigo = c.ciclo_codigo
       LEFT JOIN subregion_territorio st ON st.subregion_codigo = act.subregion_codigo
      WHERE c.ambito = 'conjunto'
     UNION
     SELECT c.n, st.territorio_codigo FROM conjuntas c JOIN subregion_territorio st ON st.subregion_codigo = c.subregion
      WHERE c.territorio IS NULL
   )`;
}

/** The kinds of record the activities of these rows are measured by. */
function medidosDe(filas: readonly Pick<FilaSuma, 'mide'>[]): Set<string> {
  return new Set(filas.flatMap((fila) => fila.mide?.split(',') ?? []).filter(Boolean));
}

const DE_ASISTENTES = new Set<MetricaId>(
  METRICAS_SUMABLES.filter((id) =>
    (METRICA[id].componentes as readonly string[]).some((c) => c.startsWith('asistentes_')),
  ),
);

/**
 * Why a breakdown's row has no figure of a metric. A hybrid activity's attendees are counted by how
 * each attended, in the rows Presencial and Virtual: its own row has none, though the source gives them.
 */
function motivoDeFila(por: Dimension, clave: string | null): (id: MetricaId) => string {
  return (id) =>
    por === 'modalidad' && clave === 'hibrida' && DE_ASISTENTES.has(id)
      ? 'sus asistentes se cuentan en Presencial o en Virtual, según cómo asistió cada uno'
      : SIN_CIFRA;
}

/** Why an activity of a cycle has no figure of a metric: the cycle holds it, when it does. */
function enElCiclo(
  nombre: string,
  cifras: Record<MetricaId, CifraPublicada> | undefined,
): (id: MetricaId) => string {
  return (id) => {
    const delCiclo = cifras?.[id];
    return delCiclo && delCiclo.valor !== null
      ? `en la cifra del ciclo ${nombre}: ${delCiclo.texto}`
      : SIN_CIFRA;
  };
}

function aSumas(filas: FilaSuma[]): SumaDeHechos[] {
  return filas.map((f) => ({
    metrica: f.metrica,
    calificador: f.calificador,
    valor: Number(f.valor),
  }));
}

/**
 * The same day one month earlier; a month's last day gives the last day of the month before
 * (30/06 → 31/05, 31/03 → 29/02 or 28/02), as a month-end cut-off is compared with the one before.
 */
export function unMesAntes(fecha: string): string {
  const [anio, mes, dia] = fecha.split('-').map(Number);
  const ultimoDe = (m: number) => new Date(Date.UTC(anio, m, 0)).getUTCDate();
  const finDeMes = dia === ultimoDe(mes);
  const d = new Date(
    Date.UTC(anio, mes - 2, finDeMes ? ultimoDe(mes - 1) : Math.min(dia, ultimoDe(mes - 1))),
  );
  return d.toISOString().slice(0, 10);
}
