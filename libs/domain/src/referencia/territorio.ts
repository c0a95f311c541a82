/**
 * Colombia's territory as DANE and ART publish it, shipped with the project
 * (`territorio/`, whose FUENTES.md says what each file holds): every
 * department and municipal unit of DANE's DIVIPOLA, the 170 PDET
 * municipalities in their 16 subregions, and the codes DANE annulled that
 * older files still carry. A later edition of DIVIPOLA arrives through the
 * `territorios` import; these files are the edition the database starts from.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who publishes the territorial lists and the map geometry, as a source line names them. */
export const DANE_DIVIPOLA = 'DANE, DIVIPOLA y Marco Geoestadístico Nacional';
export const FUENTE_DIVIPOLA = `Fuente: ${DANE_DIVIPOLA}`;
export const FUENTE_PDET = 'Fuente: ART, Decreto 893 de 2017';

/** DANE's types of municipal unit. */
export const TIPOS_MUNICIPIO = ['Municipio', 'Isla', 'Área no municipalizada'] as const;
export type TipoMunicipio = (typeof TIPOS_MUNICIPIO)[number];

export interface DepartamentoDivipola {
  readonly codigo: string;
  readonly nombre: string;
}

export interface MunicipioDivipola {
  readonly codigo: string;
  readonly nombre: string;
  readonly departamento: string;
  readonly tipo: TipoMunicipio;
}

export interface SubregionPdet {
  readonly codigo: string;
  /** ART's spelling. */
  readonly nombre: string;
  readonly municipios: readonly string[];
}

/** The 16 PDET subregions by ART's name, with our code for each. */
const CODIGOS_PDET: Readonly<Record<string, string>> = {
  'Alto Patía y Norte del Cauca': 'pdet_alto_patia',
  Arauca: 'pdet_arauca',
  'Bajo Cauca y Nordeste Antioqueño': 'pdet_bajo_cauca',
  Catatumbo: 'pdet_catatumbo',
  Chocó: 'pdet_choco',
  'Cuenca del Caguán y Piedemonte Caqueteño': 'pdet_caguan',
  'Macarena - Guaviare': 'pdet_macarena_guaviare',
  'Montes de María': 'pdet_montes_de_maria',
  'Pacífico Medio': 'pdet_pacifico_medio',
  'Pacífico y Frontera Nariñense': 'pdet_pacifico_narinense',
  Putumayo: 'pdet_putumayo',
  'Sierra Nevada - Perijá - Zona Bananera': 'pdet_sierra_nevada',
  'Sur de Bolívar': 'pdet_sur_de_bolivar',
  'Sur de Córdoba': 'pdet_sur_de_cordoba',
  'Sur del Tolima': 'pdet_sur_del_tolima',
  'Urabá Antioqueño': 'pdet_uraba',
};

/** Codes DANE annulled that third-party files still carry, and the code that replaced each. */
export const CODIGOS_ANTERIORES: Readonly<Record<string, { codigo: string; nota: string }>> = {
  '27086': {
    codigo: '27493',
    nota: 'el código 27086 (Belén de Bajirá) fue anulado en 2007: se lee 27493 Nuevo Belén de Bajirá',
  },
  '94663': {
    codigo: '94343',
    nota: 'el código 94663 (Mapiripana) dejó de existir en 2019: se lee 94343 Barrancominas, que lo absorbió',
  },
};

/** The DIVIPOLA edition shipped (DANE's cut-off date). */
export const EDICION_DIVIPOLA = '2024-12-30';

function leer<T>(archivo: string): T[] {
  return parse(readFileSync(join(__dirname, 'territorio', archivo), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as T[];
}

function cargarDivipola() {
  const filas = leer<Record<string, string>>('divipola.csv');
  const departamentos = new Map<string, DepartamentoDivipola>();
  const municipios: MunicipioDivipola[] = [];
  for (const f of filas) {
    if (!(TIPOS_MUNICIPIO as readonly string[]).includes(f.tipo))
      throw new Error(`divipola.csv: tipo desconocido «${f.tipo}» en ${f.codigo_municipio}`);
    departamentos.set(f.codigo_departamento, {
      codigo: f.codigo_departamento,
      nombre: f.nombre_departamento,
    });
    municipios.push({
      codigo: f.codigo_municipio,
      nombre: f.nombre_municipio,
      departamento: f.codigo_departamento,
      tipo: f.tipo as TipoMunicipio,
    });
  }
  return { departamentos: [...departamentos.values()], municipios };
}

export const DIVIPOLA: {
  readonly departamentos: readonly DepartamentoDivipola[];
  readonly municipios: readonly MunicipioDivipola[];
} = cargarDivipola();

function cargarPdet(): SubregionPdet[] {
  const porSubregion = new Map<string, string[]>();
  for (const f of leer<{ codigo_municipio: string; subregion_pdet: string }>('pdet.csv')) {
    if (!CODIGOS_PDET[f.subregion_pdet])
      throw new Error(`pdet.csv: subregión PDET desconocida «${f.subregion_pdet}»`);
    porSubregion.set(f.subregion_pdet, [
      ...(porSubregion.get(f.subregion_pdet) ?? []),
      f.codigo_municipio,
    ]);
  }
  return [...porSubregion].map(([nombre, municipios]) => ({
    codigo: CODIGOS_PDET[nombre],
    nombre,
    municipios,
  }));
}

export const SUBREGIONES_PDET: readonly SubregionPdet[] = cargarPdet();

/** Where the municipal map's TopoJSON (DANE MGN 2018, simplified) is read from. */
export const RUTA_TOPOLOGIA_MUNICIPAL = join(__dirname, 'territorio', 'municipios.topo.json');
