/**
 * Phase III figures: each territorial entity's development plan state on a
 * date, derived by the domain's situacionPdt from its milestones, and the
 * technical assistance it received. Every PDT number of the API, the
 * dashboard, the charts and the workbook comes from here.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CATEGORIAS_MUNICIPIO,
  CategoriaMunicipio,
  CodigoHito,
  ESTADOS_PDT,
  EstadoPdt,
  HITOS_PDT,
  HitosEntidad,
  NivelTerritorio,
  NOMBRES_ESTADO,
  NOMBRES_HITO,
  NOMBRES_TEMA,
  ORDEN_HITO,
  PLAZOS_LEY_152_2024,
  PlazosPdt,
  situacionPdt,
  SituacionPdt,
  TemaAsistenciaTecnica,
} from '@tablero/domain';
import { DataSource } from 'typeorm';
import { Consulta, Filtros, filtrosTerritoriales } from './filtros';
import { filtroDeHechos } from './hechos';

/** The places the entities are chosen by (see filtrosTerritoriales), and the PDT's own options. */
export type FiltrosPdt = Filtros & {
  /** The date the states are read on (aaaa-mm-dd); assistances up to it. */
  readonly fecha: string;
  readonly nivel?: NivelTerritorio;
  /** Assistances on or after this date. */
  readonly desde?: string;
};

export interface EntidadPdt extends SituacionPdt {
  readonly codigo: string;
  readonly nombre: string;
  readonly nivel: NivelTerritorio;
  /** A municipality's category (Ley 617 de 2000), where known. */
  readonly categoria: CategoriaMunicipio | null;
  readonly departamento: string;
  readonly departamentoNombre: string;
  /** The milestones dated on or before the date. */
  readonly hitos: HitosEntidad;
  readonly referencias: Partial<Record<CodigoHito, string>>;
  readonly asistencias: number;
  readonly horas: number;
  readonly funcionarios: number;
}

export interface Proporcion {
  readonly entidades: number;
  readonly aprobadasATiempo: number;
  /** aprobadasATiempo / entidades (1 = 100 %); null when none has a milestone: nothing is known. */
  readonly porcentaje: number | null;
}

export interface ResumenPdt {
  readonly fecha: string;
  readonly plazos: PlazosPdt;
  readonly entidades: number;
  /** Entities with at least one milestone by the date. */
  readonly conHitos: number;
  readonly porEstado: { estado: EstadoPdt; nombre: string; entidades: number }[];
  readonly aprobadoATiempo: {
    readonly nacional: Proporcion;
    readonly porNivel: ({ nivel: NivelTerritorio } & Proporcion)[];
    /** Municipalities by category, where the category is known. */
    readonly porCategoria: ({ categoria: CategoriaMunicipio } & Proporcion)[];
    readonly porDepartamento: ({
      codigo: string;
      nombre: string;
      estados: Record<EstadoPdt, number>;
    } & Proporcion)[];
    readonly asistidas: Proporcion;
    readonly noAsistidas: Proporcion;
  };
  readonly vencidasPorHito: { hito: CodigoHito; nombre: string; entidades: number }[];
  /** Entities that reached each step of the sequence (a later milestone implies the earlier ones). */
  readonly embudo: { hito: CodigoHito; nombre: string; entidades: number }[];
  readonly asistencias: {
    readonly total: number;
    readonly horas: number;
    readonly entidades: number;
  };
}

export interface AsistenciaTecnicaListada {
  readonly fecha: string;
  readonly codigo: string;
  readonly nombre: string;
  readonly tema: TemaAsistenciaTecnica;
  readonly temaNombre: string;
  readonly modalidad: string;
  readonly oferente: string;
  readonly horas: number;
  readonly funcionarios: number;
}

/** The steps of the funnel: both ways of adoption are its last step. */
const PASOS_EMBUDO: readonly CodigoHito[] = [
  'anteproyecto',
  'radicado_ctp',
  'concepto_ctp',
  'radicado_corporacion',
  'aprobado',
];

const NOMBRE_PASO: Partial<Record<CodigoHito, string>> = {
  aprobado: 'Aprobado o adoptado por decreto',
};

interface FilaEntidad {
  codigo: string;
  nombre: string;
  nivel: NivelTerritorio;
  categoria: CategoriaMunicipio | null;
  departamento: string;
  departamentoNombre: string;
  hitos: { hito: CodigoHito; fecha: string; referencia: string | null }[];
  asistencias: number;
  horas: number;
  funcionarios: number;
}

/**
 * The territorial entities that adopt a PDT: the 32 departments and the units DANE types as
 * Municipio, Bogotá D.C. (11001) included; not the áreas no municipalizadas nor San Andrés
 * (88001, an island), which their department administers. A municipality of unknown type counts.
 */
/** An entity t as a fact placed in it, so that the territorial filters choose entities as they choose facts. */
const COMO_HECHO =
  'CROSS JOIN LATERAL (SELECT t.codigo AS territorio, NULL::varchar AS subregion) h';

const ADOPTAN_PDT = `((t.nivel = 'departamento' AND t.codigo <> '11')
                      OR (t.nivel = 'municipio' AND coalesce(t.tipo, 'Municipio') = 'Municipio'))`;

function proporcion(entidades: readonly EntidadPdt[]): Proporcion {
  const aprobadasATiempo = entidades.filter((e) => e.estado === 'aprobado_a_tiempo').length;
  return {
    entidades: entidades.length,
    aprobadasATiempo,
    porcentaje: entidades.some((e) => e.ultimoHito) ? aprobadasATiempo / entidades.length : null,
  };
}

@Injectable()
export class PdtService {
  readonly plazos: PlazosPdt = PLAZOS_LEY_152_2024;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The PDT filters within the filters every figure accepts. Without a cut-off date, the states are
   * read on the date of the latest milestone or assistance recorded (the new governments' first day
   * when there is none), never today's: the figures stand where the data does.
   */
  async filtrosDe(f: Filtros & { readonly nivel?: NivelTerritorio }): Promise<FiltrosPdt> {
    return {
      ...filtrosTerritoriales(f),
      fecha: f.fechaCorte ?? (await this.fechaDeCorte()),
      nivel: f.nivel,
      desde: f.desde,
    };
  }

  private async fechaDeCorte(): Promise<string> {
    const [{ fecha }] = await this.dataSource.query<{ fecha: string | null }[]>(
      `SELECT greatest((SELECT max(fecha) FROM hito_pdt), (SELECT max(fecha) FROM asistencia_tecnica))::text AS fecha`,
    );
    return fecha ?? this.plazos.posesion;
  }

  /** The entities t the filters choose: their places as the facts' (see COMO_HECHO), and their level. */
  private enElAmbito(f: FiltrosPdt, q: Consulta): string {
    const nivel = f.nivel ? ` AND t.nivel = ${q.p(f.nivel)}` : '';
    return filtroDeHechos(filtrosTerritoriales(f), q) + nivel;
  }

  /** Every entity in scope with its milestones, state and assistance on the date. */
  async entidades(f: FiltrosPdt): Promise<EntidadPdt[]> {
    const q = new Consulta();
    const fecha = q.p(f.fecha);
    const desde = f.desde ? `AND a.fecha >= ${q.p(f.desde)}` : '';
    const donde = [ADOPTAN_PDT, this.enElAmbito(f, q)];
    const filas = await this.dataSource.query<FilaEntidad[]>(
      `SELECT t.codigo, t.nombre, t.nivel, t.categoria, t.departamento_codigo AS departamento,
              d.nombre AS "departamentoNombre",
              coalesce((SELECT jsonb_agg(jsonb_build_object('hito', h.hito, 'fecha', h.fecha::text,
                                                            'referencia', h.referencia))
                          FROM hito_pdt h WHERE h.territorio_codigo = t.codigo AND h.fecha <= ${fecha}),
                       '[]') AS hitos,
              coalesce(a.asistencias, 0) AS asistencias, coalesce(a.horas, 0) AS horas,
              coalesce(a.funcionarios, 0) AS funcionarios
         FROM territorio t JOIN territorio d ON d.codigo = t.departamento_codigo
         ${COMO_HECHO}
         LEFT JOIN (SELECT a.territorio_codigo, count(*)::int AS asistencias,
                           sum(a.horas)::float8 AS horas, sum(a.funcionarios)::int AS funcionarios
                      FROM asistencia_tecnica a WHERE a.fecha <= ${fecha} ${desde}
                     GROUP BY 1) a ON a.territorio_codigo = t.codigo
        WHERE ${donde.join(' AND ')}
        ORDER BY t.nivel, t.codigo`,
      q.params,
    );
    return filas.map(({ hitos: registrados, ...entidad }) => {
      const hitos: Partial<Record<CodigoHito, string>> = {};
      const referencias: Partial<Record<CodigoHito, string>> = {};
      for (const h of registrados) {
        hitos[h.hito] = h.fecha;
        if (h.referencia) referencias[h.hito] = h.referencia;
      }
      return { ...entidad, hitos, referencias, ...situacionPdt(hitos, f.fecha, this.plazos) };
    });
  }

  /**
   * The overdue entities, most days late first, and how many entities have
   * any milestone: with none recorded, "overdue" says nothing yet.
   */
  async vencidas(f: FiltrosPdt): Promise<{ conHitos: number; entidades: EntidadPdt[] }> {
    const entidades = await this.entidades(f);
    return {
      conHitos: entidades.filter((e) => e.ultimoHito).length,
      entidades: entidades
        .filter((e) => e.estado === 'vencido')
        .sort((a, b) => b.diasRetraso - a.diasRetraso || a.codigo.localeCompare(b.codigo)),
    };
  }

  async resumen(f: FiltrosPdt): Promise<ResumenPdt> {
    return (await this.estados(f)).resumen;
  }

  /** The entities and their summary from one reading of the milestones. */
  async estados(f: FiltrosPdt): Promise<{ entidades: EntidadPdt[]; resumen: ResumenPdt }> {
    const entidades = await this.entidades(f);
    return { entidades, resumen: resumir(entidades, f.fecha, this.plazos) };
  }

  /** One row per assistance in scope, by date. */
  async asistencias(f: FiltrosPdt): Promise<AsistenciaTecnicaListada[]> {
    const q = new Consulta();
    const donde = [
      `a.fecha <= ${q.p(f.fecha)}`,
      f.desde ? `a.fecha >= ${q.p(f.desde)}` : null,
      this.enElAmbito(f, q),
    ].filter(Boolean);
    const filas = await this.dataSource.query<Omit<AsistenciaTecnicaListada, 'temaNombre'>[]>(
      `SELECT a.fecha::text AS fecha, t.codigo, t.nombre, a.tema, a.modalidad,
              coalesce(al.sigla, al.nombre, 'DNP') AS oferente, a.horas::float8 AS horas, a.funcionarios
         FROM asistencia_tecnica a JOIN territorio t ON t.codigo = a.territorio_codigo
         ${COMO_HECHO}
         LEFT JOIN aliado al ON al.codigo = a.oferente
        WHERE ${donde.join(' AND ')}
        ORDER BY a.fecha, t.codigo, a.tema, a.oferente`,
      q.params,
    );
    return filas.map((a) => ({ ...a, temaNombre: NOMBRES_TEMA[a.tema] }));
  }
}

function contarEstados(entidades: readonly EntidadPdt[]): Record<EstadoPdt, number> {
  const cuentas = Object.fromEntries(ESTADOS_PDT.map((e) => [e, 0])) as Record<EstadoPdt, number>;
  for (const e of entidades) cuentas[e.estado]++;
  return cuentas;
}

/** The figures of a set of entities: pure, so the workbook and the API cannot disagree. */
export function resumir(
  entidades: readonly EntidadPdt[],
  fecha: string,
  plazos: PlazosPdt,
): ResumenPdt {
  const departamentos = new Map<string, { nombre: string; entidades: EntidadPdt[] }>();
  for (const e of entidades) {
    const d = departamentos.get(e.departamento) ?? { nombre: e.departamentoNombre, entidades: [] };
    d.entidades.push(e);
    departamentos.set(e.departamento, d);
  }
  const asistidas = entidades.filter((e) => e.asistencias > 0);
  return {
    fecha,
    plazos,
    entidades: entidades.length,
    conHitos: entidades.filter((e) => e.ultimoHito).length,
    porEstado: ESTADOS_PDT.map((estado) => ({
      estado,
      nombre: NOMBRES_ESTADO[estado],
      entidades: contarEstados(entidades)[estado],
    })),
    aprobadoATiempo: {
      nacional: proporcion(entidades),
      porNivel: (['departamento', 'municipio'] as const).map((nivel) => ({
        nivel,
        ...proporcion(entidades.filter((e) => e.nivel === nivel)),
      })),
      porCategoria: CATEGORIAS_MUNICIPIO.map((categoria) => ({
        categoria,
        ...proporcion(
          entidades.filter((e) => e.nivel === 'municipio' && e.categoria === categoria),
        ),
      })).filter((c) => c.entidades > 0),
      porDepartamento: [...departamentos.entries()].map(([codigo, d]) => ({
        codigo,
        nombre: d.nombre,
        ...proporcion(d.entidades),
        estados: contarEstados(d.entidades),
      })),
      asistidas: proporcion(asistidas),
      noAsistidas: proporcion(entidades.filter((e) => e.asistencias === 0)),
    },
    vencidasPorHito: HITOS_PDT.filter((h) => h !== 'adoptado_decreto').map((hito) => ({
      hito,
      nombre: NOMBRES_HITO[hito],
      entidades: entidades.filter((e) => e.estado === 'vencido' && e.hitoPendiente === hito).length,
    })),
    embudo: PASOS_EMBUDO.map((hito) => ({
      hito,
      nombre: NOMBRE_PASO[hito] ?? NOMBRES_HITO[hito],
      entidades: entidades.filter(
        (e) => e.ultimoHito && ORDEN_HITO[e.ultimoHito] >= ORDEN_HITO[hito],
      ).length,
    })),
    asistencias: {
      total: entidades.reduce((s, e) => s + e.asistencias, 0),
      horas: entidades.reduce((s, e) => s + e.horas, 0),
      entidades: asistidas.length,
    },
  };
}
