/** Entities and migrations describe the same schema, and the migrations undo cleanly. */
import { pendingSchemaChanges } from '@tablero/database';
import { DataSource } from 'typeorm';
import { abrirBaseDePrueba, BaseDePrueba } from './support/test-app';

let base: BaseDePrueba;
let ds: DataSource;

beforeAll(async () => {
  base = await abrirBaseDePrueba('esquema', false);
  ds = base.ds;
});

afterAll(() => base?.cerrar());

const tables = async () =>
  (
    await ds.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
  ).map((r) => r.table_name);

it('leaves nothing for the entities to ask once the migrations ran', async () => {
  await ds.runMigrations();
  expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
});

it('detects drift: a column dropped behind the migrations is reported', async () => {
  await ds.query('ALTER TABLE actividad DROP COLUMN lugar');
  const { up } = await pendingSchemaChanges(ds);
  expect(up).toEqual([expect.stringMatching(/ALTER TABLE "actividad" ADD "lugar"/)]);
  await ds.query('ALTER TABLE actividad ADD lugar character varying(200)');
});

it('undoes every migration, leaving only the migrations table', async () => {
  for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
  expect(await tables()).toEqual(['migracion']);
  await ds.runMigrations();
  expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
});
