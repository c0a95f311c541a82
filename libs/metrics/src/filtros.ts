/**
 * The filters every figure accepts, defined once: the API reads and documents
 * them from this table, checks their codes against its catalogues, describes
 * them in charts and workbooks, and the dashboard keeps them in its URL and
 * draws its filter bar from it. How each one scopes the facts is SQL, kept
 * beside the facts (ALCANCE_SQL in hechos/alcance.sql.ts), one entry per filter here.
 */
import {
  CodigoFase,
  formatearFecha,
  MODALIDADES,
  Modalidad,
  NOMBRES_MODALIDAD,
  TIPOS_SUBREGION,
  TipoSubregion,
} from '@tablero/domain';

/** How a filter's value is read from a query string. */
export type LecturaFiltro =
  'fase' | 'fecha' | 'departamento' | 'municipio' | 'codigo' | readonly string[];

/** The catalogue a filter's code must name, and the list of the filter bar it comes from. */
export interface CatalogoFiltro {
  readonly tabla: string;
  readonly condicion: string;
  readonly opciones?: keyof OpcionesDeFiltro;
}

export interface DefinicionFiltro {
  /** The query parameter: Spanish, snake_case, stable. */
  readonly parametro: string;
  readonly etiqueta: string;
  /** One sentence for the API's documentation. */
  readonly descripcion: string;
  readonly lectura: LecturaFiltro;
  readonly catalogo?: CatalogoFiltro;
  /** It chooses places (a territory, a subregion): what coverage and the PDT entities are scoped by. */
  readonly territorial?: true;
  /** The filter in words, for titles and sheets ("Fase II", "Desde 01/08/2023"); `nombre` is the catalogue's. */
  readonly enPalabras: (valor: string, nombre: string) => string;
  /**
   * The filter bar's control: a list of the catalogue (with the words of its empty choice), a date,
   * or a removable chip (set by a click on a chart); none for filters the bar does not offer.
   */
  readonly control?:
    | { readonly tipo: 'lista'; readonly todos: string }
    | { readonly tipo: 'fecha' }
    | { readonly tipo: 'chip' };
}

/** In the order the filter bar and the descriptions show them. */
export const FILTROS = {
  fase: {
    parametro: 'fase',
    etiqueta: 'Fase',
    descripcion: 'I, II o III',
    lectura: 'fase',
    catalogo: { tabla: 'fase', condicion: 'TRUE', opciones: 'fases' },
    enPalabras: (v) => `Fase ${v}`,
    control: { tipo: 'lista', todos: 'Todas las fases' },
  },
  desde: {
    parametro: 'desde',
    etiqueta: 'Desde',
    descripcion: 'Actividades que terminan en o después de esta fecha (aaaa-mm-dd)',
    lectura: 'fecha',
    enPalabras: (v) => `Desde ${formatearFecha(v)}`,
    control: { tipo: 'fecha' },
  },
  hasta: {
    parametro: 'hasta',
    etiqueta: 'Hasta',
    descripcion: 'Actividades que empiezan en o antes de esta fecha (aaaa-mm-dd)',
    lectura: 'fecha',
    enPalabras: (v) => `Hasta ${formatearFecha(v)}`,
    control: { tipo: 'fecha' },
  },
  fechaCorte: {
    parametro: 'fecha_corte',
    etiqueta: 'Fecha de corte',
    descripcion: 'Cifras como estaban en esta fecha (aaaa-mm-dd)',
    lectura: 'fecha',
    enPalabras: (v) => `Con corte al ${formatearFecha(v)}`,
  },
  departamento: {
    territorial: true,
    parametro: 'departamento',
    etiqueta: 'Departamento',
    descripcion: 'Código DIVIPOLA del departamento (2 dígitos)',
    lectura: 'departamento',
    catalogo: {
      tabla: 'territorio',
      condicion: `nivel = 'departamento'`,
      opciones: 'departamentos',
    },
    enPalabras: (_v, nombre) => `Departamento: ${nombre}`,
    control: { tipo: 'lista', todos: 'Todo el país' },
  },
  municipio: {
    territorial: true,
    parametro: 'municipio',
    etiqueta: 'Municipio',
    descripcion: 'Código DIVIPOLA del municipio (5 dígitos)',
    lectura: 'municipio',
    catalogo: { tabla: 'territorio', condicion: `nivel = 'municipio'` },
    enPalabras: (_v, nombre) => `Municipio: ${nombre}`,
    control: { tipo: 'chip' },
  },
  subregion: {
    territorial: true,
    parametro: 'subregion',
    etiqueta: 'Subregión',
    descripcion: 'Código de la subregión (de la estrategia o PDET)',
    lectura: 'codigo',
    catalogo: { tabla: 'subregion', condicion: 'TRUE', opciones: 'subregiones' },
    enPalabras: (_v, nombre) => `Subregión: ${nombre}`,
    control: { tipo: 'lista', todos: 'Todas las subregiones' },
  },
  tipoSubregion: {
    territorial: true,
    parametro: 'tipo_subregion',
    etiqueta: 'Tipo de subregión',
    descripcion:
      'pdet o estrategia: solo las cifras ubicadas en una subregión de ese tipo; el desglose por subregión muestra las de ese tipo',
    lectura: Object.keys(TIPOS_SUBREGION) as TipoSubregion[],
    enPalabras: (v) => `En ${TIPOS_SUBREGION[v as TipoSubregion].toLowerCase()}`,
    control: { tipo: 'lista', todos: 'Todos los tipos de subregión' },
  },
  tipo: {
    parametro: 'tipo',
    etiqueta: 'Tipo de actividad',
    descripcion: 'Código del tipo de actividad',
    lectura: 'codigo',
    catalogo: { tabla: 'tipo_actividad', condicion: 'TRUE', opciones: 'tipos' },
    enPalabras: (_v, nombre) => `Tipo: ${nombre}`,
    control: { tipo: 'lista', todos: 'Todos los tipos' },
  },
  aliado: {
    parametro: 'aliado',
    etiqueta: 'Entidad aliada',
    descripcion: 'Código de la entidad aliada',
    lectura: 'codigo',
    catalogo: { tabla: 'aliado', condicion: 'TRUE', opciones: 'aliados' },
    enPalabras: (_v, nombre) => `Aliado: ${nombre}`,
    control: { tipo: 'lista', todos: 'Todas las entidades' },
  },
  grupo: {
    parametro: 'grupo',
    etiqueta: 'Grupo de valor',
    descripcion: 'Código del grupo de valor',
    lectura: 'codigo',
    catalogo: { tabla: 'grupo_de_valor', condicion: 'TRUE', opciones: 'grupos' },
    enPalabras: (_v, nombre) => `Grupo de valor: ${nombre}`,
    control: { tipo: 'lista', todos: 'Todos los grupos' },
  },
  modalidad: {
    parametro: 'modalidad',
    etiqueta: 'Modalidad',
    descripcion: 'presencial, virtual o hibrida',
    lectura: MODALIDADES,
    enPalabras: (v) => `Modalidad: ${NOMBRES_MODALIDAD[v as Modalidad]}`,
    control: { tipo: 'lista', todos: 'Todas las modalidades' },
  },
} as const satisfies Record<string, DefinicionFiltro>;

export type CampoFiltro = keyof typeof FILTROS;

type ValorDe<L> = L extends 'fase' ? CodigoFase : L extends readonly (infer V)[] ? V : string;

export type Filtros = {
  readonly [C in CampoFiltro]?: ValorDe<(typeof FILTROS)[C]['lectura']>;
} & {
  /**
   * The departments a department-limited user may see: set by the access
   * layer (never a query parameter), applied to every fact like `departamento`.
   */
  readonly departamentos?: readonly string[];
};

export const CAMPOS_FILTRO = Object.keys(FILTROS) as CampoFiltro[];

export const CAMPOS_TERRITORIALES = CAMPOS_FILTRO.filter(
  (campo) => (FILTROS[campo] as DefinicionFiltro).territorial,
);

/** No filter, and no department limit: the whole strategy. */
export function sinFiltros(f: Filtros): boolean {
  return !f.departamentos && CAMPOS_FILTRO.every((campo) => f[campo] === undefined);
}

const CAMPOS_DE_LUGAR: ReadonlySet<keyof Filtros> = new Set([
  ...CAMPOS_TERRITORIALES,
  'departamentos' as const,
]);

/** The filters that choose places, and a department-limited user's departments. */
export function filtrosTerritoriales(f: Filtros): Filtros {
  return Object.fromEntries(
    Object.entries(f).filter(
      ([campo, valor]) => valor !== undefined && CAMPOS_DE_LUGAR.has(campo as keyof Filtros),
    ),
  ) as Filtros;
}

/** The filters other than those `filtrosTerritoriales` keeps. */
export function filtrosSinLugar(f: Filtros): Filtros {
  return Object.fromEntries(
    Object.entries(f).filter(
      ([campo, valor]) => valor !== undefined && !CAMPOS_DE_LUGAR.has(campo as keyof Filtros),
    ),
  ) as Filtros;
}

/** The filters as the query parameters of the API and of the dashboard's URL. */
export function parametrosDeFiltros(f: Filtros): URLSearchParams {
  const parametros = new URLSearchParams();
  for (const campo of CAMPOS_FILTRO) {
    const valor = f[campo];
    if (valor) parametros.set(FILTROS[campo].parametro, valor);
  }
  return parametros;
}

/** The filters of a query string, by their parameters; the values as given (the API validates them). */
export function filtrosDeParametros(parametros: URLSearchParams): Filtros {
  return Object.fromEntries(
    CAMPOS_FILTRO.flatMap((campo) => {
      const valor = parametros.get(FILTROS[campo].parametro);
      return valor ? [[campo, valor]] : [];
    }),
  ) as Filtros;
}

/** The query string of the filters ("?fase=II&departamento=73", or ""), and a view's own parameters. */
export function consultaDeFiltros(filtros: Filtros, extra: Record<string, string> = {}): string {
  const q = parametrosDeFiltros(filtros);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const texto = q.toString();
  return texto ? `?${texto}` : '';
}

/** The filters of the dashboard's filter bar and of clicks on its charts: those the bar has a control for. */
export const CAMPOS_DEL_TABLERO: readonly CampoFiltro[] = CAMPOS_FILTRO.filter(
  (campo) => 'control' in FILTROS[campo],
);

/** The dashboard's filters in a page's query string (the view's own options left aside). */
export function filtrosDelTablero(parametros: URLSearchParams): Filtros {
  const todos = filtrosDeParametros(parametros);
  return Object.fromEntries(
    CAMPOS_DEL_TABLERO.flatMap((campo) => (todos[campo] ? [[campo, todos[campo]]] : [])),
  ) as Filtros;
}

/**
 * Why a period cannot be read, in the words the API and the filter bar both say it: «Desde»
 * after «Hasta» (dates as aaaa-mm-dd compare as text); undefined for a period that can.
 */
export function periodoInvertido({ desde, hasta }: Filtros): string | undefined {
  if (!desde || !hasta || desde <= hasta) return undefined;
  return (
    `La fecha «${FILTROS.desde.etiqueta}» (${formatearFecha(desde)}) es posterior a la fecha ` +
    `«${FILTROS.hasta.etiqueta}» (${formatearFecha(hasta)}): elija un periodo que empiece antes de terminar.`
  );
}

/** The values each filter can take, with their names, for the dashboard's filter bar. */
export interface Opcion {
  readonly codigo: string;
  readonly nombre: string;
  /** The group a choice is listed under (a subregion's kind). */
  readonly grupo?: string;
}

export interface OpcionesDeFiltro {
  readonly fases: Opcion[];
  readonly tipos: Opcion[];
  readonly departamentos: Opcion[];
  readonly subregiones: Opcion[];
  readonly aliados: Opcion[];
  readonly grupos: Opcion[];
}

/** The choices of a filter read from a closed list rather than a catalogue. */
export function opcionesDeLista(campo: CampoFiltro): Opcion[] {
  const nombres: Partial<Record<CampoFiltro, Readonly<Record<string, string>>>> = {
    modalidad: NOMBRES_MODALIDAD,
    tipoSubregion: TIPOS_SUBREGION,
  };
  return Object.entries(nombres[campo] ?? {}).map(([codigo, nombre]) => ({ codigo, nombre }));
}

/** A filter asks for a department outside the ones the user may see. */
export class FueraDeSusDepartamentos extends Error {
  constructor(readonly parametro: 'departamento' | 'municipio' | 'subregion') {
    super(
      `El parámetro «${parametro}» está fuera de los departamentos que su usuario puede consultar.`,
    );
  }
}

/**
 * The filters of a user limited to some departments: the requested ones,
 * intersected with theirs. Asking for another department, a municipality of
 * one or a subregion with none of theirs is an error, not an empty answer, so
 * that nobody reads a zero as a fact.
 */
export function limitarADepartamentos(
  f: Filtros,
  departamentos: readonly string[] | null,
  departamentosDeLaSubregion: readonly string[] = [],
): Filtros {
  if (!departamentos) return f;
  if (f.departamento && !departamentos.includes(f.departamento))
    throw new FueraDeSusDepartamentos('departamento');
  if (f.municipio && !departamentos.includes(f.municipio.slice(0, 2)))
    throw new FueraDeSusDepartamentos('municipio');
  if (f.subregion && !departamentosDeLaSubregion.some((d) => departamentos.includes(d)))
    throw new FueraDeSusDepartamentos('subregion');
  return { ...f, departamentos };
}

/** Bound parameters of one SQL statement: p(valor) returns its placeholder. */
export class Consulta {
  readonly params: unknown[] = [];

  p(valor: unknown): string {
    this.params.push(valor);
    return `$${this.params.length}`;
  }
}
