/**
 * The names people write for a territory when DANE writes another: the short
 * name a city goes by ("Cali" for Santiago de Cali), an older name DANE
 * changed ("Santafé de Bogotá"), a spelling in common use ("Mompós"). Each is
 * one more name of one DIVIPOLA code; a name that two places go by (Manaure,
 * in La Guajira and, for Manaure Balcón del Cesar, in Cesar) is a candidate of
 * both, and the department tells them apart. Spellings that only differ in
 * case, accents, punctuation or spacing need no entry: names are compared
 * without them. Reviewed by hand; `nombres-comunes.spec.ts` checks every
 * entry against DIVIPOLA.
 */

export interface NombreComun {
  readonly nombre: string;
  readonly codigo: string;
}

export const NOMBRES_COMUNES_DEPARTAMENTO: readonly NombreComun[] = [
  { nombre: 'Bogotá', codigo: '11' },
  { nombre: 'Bogotá Distrito Capital', codigo: '11' },
  { nombre: 'Distrito Capital', codigo: '11' },
  { nombre: 'Santafé de Bogotá', codigo: '11' },
  { nombre: 'Guajira', codigo: '44' },
  { nombre: 'Norte Santander', codigo: '54' },
  { nombre: 'N. de Santander', codigo: '54' },
  { nombre: 'Nte. de Santander', codigo: '54' },
  { nombre: 'Valle', codigo: '76' },
  { nombre: 'San Andrés', codigo: '88' },
  { nombre: 'San Andrés y Providencia', codigo: '88' },
  { nombre: 'San Andrés, Providencia y Santa Catalina', codigo: '88' },
  { nombre: 'Archipiélago de San Andrés', codigo: '88' },
  { nombre: 'San Andrés Islas', codigo: '88' },
];

export const NOMBRES_COMUNES_MUNICIPIO: readonly NombreComun[] = [
  // Capitals and cities known by a shorter name than DANE's.
  { nombre: 'Bogotá', codigo: '11001' },
  { nombre: 'Bogotá Distrito Capital', codigo: '11001' },
  { nombre: 'Santafé de Bogotá', codigo: '11001' },
  { nombre: 'Cali', codigo: '76001' },
  { nombre: 'Cartagena', codigo: '13001' },
  { nombre: 'Cúcuta', codigo: '54001' },
  { nombre: 'San Juan de Pasto', codigo: '52001' },
  { nombre: 'Tumaco', codigo: '52835' },
  { nombre: 'Buga', codigo: '76111' },
  { nombre: 'Barranca', codigo: '68081' },
  { nombre: 'Mompós', codigo: '13468' },
  { nombre: 'Mompox', codigo: '13468' },
  { nombre: 'Santa Cruz de Mompós', codigo: '13468' },
  { nombre: 'Mariquita', codigo: '73443' },
  { nombre: 'Ubaté', codigo: '25843' },
  { nombre: 'Villa de Ubaté', codigo: '25843' },
  { nombre: 'Tolú', codigo: '70820' },
  { nombre: 'Toluviejo', codigo: '70823' },
  { nombre: 'Sincé', codigo: '70742' },
  { nombre: 'Santa Cruz de Lorica', codigo: '23417' },
  { nombre: 'Purísima', codigo: '23586' },
  { nombre: 'San Juan de Girón', codigo: '68307' },
  { nombre: 'El Socorro', codigo: '68755' },
  { nombre: 'Villa de Leiva', codigo: '15407' },
  { nombre: 'Güicán', codigo: '15332' },
  { nombre: 'Paz del Río', codigo: '15537' },
  { nombre: 'Puerto Inírida', codigo: '94001' },
  { nombre: 'Leguízamo', codigo: '86573' },
  { nombre: 'La Hormiga', codigo: '86865' },
  { nombre: 'San Andrés Isla', codigo: '88001' },
  { nombre: 'Providencia y Santa Catalina', codigo: '88564' },
  // DANE's name without the article or the part people leave out.
  { nombre: 'Carmen de Viboral', codigo: '05148' },
  { nombre: 'El Retiro', codigo: '05607' },
  { nombre: 'Carmen de Bolívar', codigo: '13244' },
  { nombre: 'El Carmen del Darién', codigo: '27150' },
  { nombre: 'Litoral del San Juan', codigo: '27250' },
  { nombre: 'Cantón del San Pablo', codigo: '27135' },
  { nombre: 'El Espinal', codigo: '73268' },
  { nombre: 'Magüí Payán', codigo: '52427' },
  { nombre: 'Carlosama', codigo: '52224' },
  { nombre: 'Calima El Darién', codigo: '76126' },
  { nombre: 'El Darién', codigo: '76126' },
  // Names of municipalities DANE joined with a second one.
  { nombre: 'Piendamó', codigo: '19548' },
  { nombre: 'Tunía', codigo: '19548' },
  { nombre: 'Sotará', codigo: '19760' },
  { nombre: 'Paispamba', codigo: '19760' },
  { nombre: 'Armero Guayabal', codigo: '73055' },
  { nombre: 'Guayabal', codigo: '73055' },
  { nombre: 'Mirití', codigo: '91460' },
  { nombre: 'Belén de Bajirá', codigo: '27493' },
  // Also the official name of another municipality: the department decides.
  { nombre: 'Manaure', codigo: '20443' },
  { nombre: 'El Peñol', codigo: '05541' },
  { nombre: 'El Guamo', codigo: '73319' },
  { nombre: 'Santuario', codigo: '05697' },
];

/**
 * Municipalities that files often place in a department that is not theirs,
 * read as theirs with a note: Bogotá, D.C. is a capital district, not a
 * municipality of Cundinamarca, whose capital it is.
 */
export const BAJO_OTRO_DEPARTAMENTO: Readonly<
  Record<string, { readonly departamento: string; readonly nota: string }>
> = {
  '11001': {
    departamento: '25',
    nota: 'Bogotá, D.C. es un distrito capital, no un municipio de Cundinamarca: se lee 11001',
  },
};
