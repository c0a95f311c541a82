/**
 * What the source document says of an activity or a cycle where it says less than the catalogue
 * holds (the catalogue places each in its phase's period, and counts a series of publications as
 * one): the year the source gives as its only date ("2023"), null where it gives none; null for a
 * count it does not give. A key left out is said by the catalogue (its dates, its number of
 * activities).
 */
export interface EnLaFuente {
  readonly fecha?: string | null;
  readonly numero?: null;
}
