/** Every migration, in order. A new one is added here after review. */
import { Inicial1795487445862 } from './1795487445862-Inicial';

export const MIGRATIONS = [Inicial1795487445862];
