import { CifraPublicada, CodigoFase } from '@tablero/domain';

/** One line of a phase as the source document states it: an activity, or a series of them (a cycle). */
export interface LineaDeclarada {
  /** The activity's or the cycle's code. */
  readonly codigo: string;
  readonly objeto: 'actividad' | 'ciclo';
  readonly nombre: string;
  readonly tipo: string;
  /** How many activities: 1, or a cycle's count ("6 webinars"); null where the source gives none. */
  readonly actividades: number | null;
  /** The figure as declared, with its qualifier and its kind of fact ("> 300 presenciales · ≈ 1.700 remotos"); «—» without one. */
  readonly cifra: CifraPublicada;
  /** What the figure counts ("vistas", "personas certificadas"); null for none, or for parts of several kinds. */
  readonly unidad: string | null;
  /** The figure in the source's words: "11.991 vistas", "> 300 presenciales · ≈ 1.700 remotos", "—". */
  readonly texto: string;
  readonly canal: string | null;
  readonly lugar: string | null;
  /** The date or the period the source gives ("abril a julio de 2023", "03/08/2023 a 11/10/2023", "2023"); null for none. */
  readonly fechas: string | null;
  /** The catalogue's dates, which place the line in its phase's period where the source gives less. */
  readonly desde: string;
  readonly hasta: string;
}

export interface FaseDeclarada {
  readonly fase: CodigoFase;
  readonly nombre: string;
  readonly periodo: string;
  readonly lineas: LineaDeclarada[];
  readonly fuente: string;
}
