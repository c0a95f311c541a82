import { ENTIDADES_ACCESO } from '@tablero/access';
import type { Schema } from '@tablero/database';
import { ENTITIES } from '@tablero/domain';
import { MIGRATIONS } from './index';

/** The project's database: every library's entities and the migrations that build their tables. */
export const SCHEMA: Schema = {
  entities: [...ENTITIES, ...ENTIDADES_ACCESO],
  migrations: MIGRATIONS,
};
