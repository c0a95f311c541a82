import { QueryRunner } from 'typeorm';
import { MIGRATIONS } from './index';

/**
 * A migration already applied somewhere is never run again there: a change to
 * its SQL (say, through the trigger SQL it shares with a later migration)
 * would leave those databases unlike new ones without anyone noticing. The
 * statements of every migration, both ways, are kept as a snapshot (taken on
 * 2026-11-26, after the last change to an applied one); a change in them
 * belongs in a new migration.
 */
async function sentencias(paso: (queryRunner: QueryRunner) => Promise<void>): Promise<string[]> {
  const enviadas: string[] = [];
  const registro = {
    query: async (sql: string, parametros?: unknown[]) => {
      enviadas.push(parametros?.length ? `${sql} -- ${JSON.stringify(parametros)}` : sql);
      return [];
    },
  };
  await paso(registro as unknown as QueryRunner);
  return enviadas;
}

describe('applied migrations', () => {
  it.each(MIGRATIONS.map((Migracion) => [new Migracion().name!, Migracion] as const))(
    '%s sends the statements of its snapshot',
    async (_nombre, Migracion) => {
      const migracion = new Migracion();
      expect({
        up: await sentencias((qr) => migracion.up(qr)),
        down: await sentencias((qr) => migracion.down(qr)),
      }).toMatchSnapshot();
    },
  );
});
