/**
 * The closed lists of the domain. Each is also a CHECK constraint in the
 * database (see the entities), so a value outside them cannot be stored.
 */
export const FASES = ['I', 'II', 'III'] as const;
export type CodigoFase = (typeof FASES)[number];

/** "i", "II", "2" → "II"; anything else → undefined. */
export function parseFase(texto: string): CodigoFase | undefined {
  const limpio = texto.trim().toUpperCase();
  const porNumero: Record<string, CodigoFase> = { '1': 'I', '2': 'II', '3': 'III' };
  return (FASES as readonly string[]).includes(limpio) ? (limpio as CodigoFase) : porNumero[limpio];
}

/** Who may do what is decided by role (see libs/access); a user or API token has one. */
export const ROLES = ['admin', 'editor', 'analista', 'comunicaciones', 'lectura'] as const;
export type Rol = (typeof ROLES)[number];

/** What the audit log records, in the words an administrator reads. */
export const ACCIONES_AUDITADAS = {
  inicio_sesion: 'Inicio de sesión',
  inicio_sesion_fallido: 'Inicio de sesión fallido',
  cierre_sesion: 'Cierre de sesión',
  primer_admin_fallido: 'Intento fallido de crear el primer administrador',
  usuario_creado: 'Usuario creado',
  usuario_cambiado: 'Usuario cambiado',
  token_creado: 'Token de API creado',
  token_revocado: 'Token de API revocado',
  importacion: 'Importación',
  exportacion: 'Exportación',
  meta_fijada: 'Meta fijada',
  meta_retirada: 'Meta retirada',
  alias_creado: 'Alias de un valor creado',
  alias_retirado: 'Alias de un valor retirado',
} as const;
export type AccionAuditada = keyof typeof ACCIONES_AUDITADAS;

/** The Spanish words of an audited action; the code itself for one this version does not know. */
export function nombreDeAccion(accion: string): string {
  return (ACCIONES_AUDITADAS as Record<string, string>)[accion] ?? accion;
}

/** The activity type whose view snapshots are imported (the views of its video). */
export const TIPO_WEBINAR = 'webinar';

export const MODALIDADES = ['presencial', 'virtual', 'hibrida'] as const;
export type Modalidad = (typeof MODALIDADES)[number];

export const NOMBRES_MODALIDAD: Readonly<Record<Modalidad, string>> = {
  presencial: 'Presencial',
  virtual: 'Virtual',
  hibrida: 'Híbrida',
};

/** A modality as read: «Híbrida» for hibrida; a value outside the list as it came; «—» for none. */
export function nombreDeModalidad(modalidad: string | null): string {
  return modalidad === null ? '—' : (NOMBRES_MODALIDAD[modalidad as Modalidad] ?? modalidad);
}

/** A person attends either in the room or remotely. */
export const MODALIDADES_ASISTENCIA = ['presencial', 'virtual'] as const;
export type ModalidadAsistencia = (typeof MODALIDADES_ASISTENCIA)[number];

/** A municipality's category under Ley 617 de 2000, as the Contaduría publishes it each year. */
export const CATEGORIAS_MUNICIPIO = ['especial', '1', '2', '3', '4', '5', '6'] as const;
export type CategoriaMunicipio = (typeof CATEGORIAS_MUNICIPIO)[number];

export const NIVELES_TERRITORIO = ['departamento', 'municipio'] as const;
export type NivelTerritorio = (typeof NIVELES_TERRITORIO)[number];

/** The kinds of subregion: the strategy's own (the places of phase I's events) and ART's PDET subregions. */
export const TIPOS_SUBREGION = {
  estrategia: 'Subregiones de la estrategia',
  pdet: 'Subregiones PDET',
} as const;
export type TipoSubregion = keyof typeof TIPOS_SUBREGION;

export const CATEGORIAS_ALIADO = {
  gobierno_nacional: 'Gobierno Nacional',
  cooperacion_internacional: 'Cooperación internacional',
  organos_de_control: 'Órganos de control',
  agremiaciones_territoriales: 'Agremiaciones de entidades territoriales',
  entidades_territoriales: 'Entidades territoriales y administrativas',
} as const;
export type CategoriaAliado = keyof typeof CATEGORIAS_ALIADO;

/** The figures that can be declared for an activity or a cycle when no person list exists. */
export const METRICAS_DECLARADAS = {
  vistas: 'Vistas',
  certificados: 'Personas certificadas',
  asistentes_presenciales: 'Asistentes presenciales',
  asistentes_remotos: 'Asistentes remotos',
  participantes: 'Participantes',
} as const;
export type MetricaDeclarada = keyof typeof METRICAS_DECLARADAS;

export const ASPIRACIONES = ['alcaldia', 'gobernacion'] as const;
export type Aspiracion = (typeof ASPIRACIONES)[number];

/** SQL list literal for a CHECK constraint: ('a', 'b'). */
export function sqlIn(valores: readonly string[]): string {
  return `(${valores.map((v) => `'${v}'`).join(', ')})`;
}

export const TIPOS_IMPORTACION = [
  'actividades',
  'asistencias',
  'certificados',
  'vistas',
  'totales',
  'territorios',
  'hitos_pdt',
  'asistencias_tecnicas',
] as const;
export type TipoImportacionCodigo = (typeof TIPOS_IMPORTACION)[number];

/**
 * The catalogues whose entries an import finds by name, and where an editor
 * can teach it another name (an alias) for a value it did not know.
 */
export const CATALOGOS_ALIAS = {
  territorio: 'Departamento o municipio',
  grupo_de_valor: 'Grupo de valor',
  aliado: 'Entidad aliada',
  tipo_actividad: 'Tipo de actividad',
  modalidad: 'Modalidad',
  actividad: 'Actividad',
  subregion: 'Subregión',
} as const;
export type CatalogoAlias = keyof typeof CATALOGOS_ALIAS;

export const SEXOS = ['mujer', 'hombre', 'otro', 'no_informa'] as const;
export type Sexo = (typeof SEXOS)[number];
