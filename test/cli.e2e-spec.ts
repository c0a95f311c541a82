/** The operators' command line: its summary, its exit codes and its errors. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UsuariosService } from '@tablero/access';
import { createDataSource, createThrowawayDatabase, ThrowawayDatabase } from '@tablero/database';
import { SCHEMA } from '../migrations/schema';
import { texto } from './support/fixtures';
import { TEST_PSEUDONYM_KEY, testServerUrl } from './support/test-app';

const CLI = join(__dirname, '../dist/apps/cli/src/main.js');
let database: ThrowawayDatabase;

beforeAll(async () => {
  database = await createThrowawayDatabase(testServerUrl(), 'cli');
});

afterAll(() => database?.drop());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

it('migrates and seeds an empty database before its first import, and exits 0 when every row landed', async () => {
  const ruta = texto('cli-ok.csv', [
    ['codigo_actividad', 'tipo_documento', 'numero_documento'],
    ['F2-TAL-10', 'CC', '80123456'],
    ['F2-TAL-10', 'CC', '80123457'],
  ]);
  const { code, stdout } = await cli('importar', 'asistencias', ruta);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Importación \d+ de asistencias, formato csv: cli-ok\.csv$/m);
  expect(stdout).toMatch(/^ {2}Aceptadas +2$/m);
  const ds = createDataSource(database.url, SCHEMA);
  await ds.initialize();
  expect(await ds.query(`SELECT count(*)::int AS n FROM actividad`)).toEqual([{ n: 78 }]);
  await ds.destroy();
});

it('exits 2 when rows were rejected, and shows the first reasons with masked documents', async () => {
  const ruta = texto('cli-rechazos.csv', [
    ['codigo_actividad', 'tipo_documento', 'numero_documento'],
    ['F2-TAL-10', 'CC', '80123456'],
    ['NO-EXISTE', 'CC', '80123458'],
  ]);
  const { code, stdout } = await cli('importar', 'asistencias', ruta, '--dry-run');
  expect(code).toBe(2);
  expect(stdout).toContain('Simulación (nada se guardó) de asistencias');
  expect(stdout).toMatch(/^ {2}Duplicadas +1$/m);
  expect(stdout).toContain(
    'fila 3, codigo_actividad «NO-EXISTE»: la actividad NO-EXISTE no existe',
  );
});

it.each([
  [['importar', 'personas', '/dev/null'], 'No hay importaciones de tipo «personas»'],
  [['importar', 'vistas', '/no/existe.csv'], 'No existe el archivo /no/existe.csv.'],
  [
    ['importar', 'vistas', '/dev/null', '--fecha-corte', '31/12/2023'],
    '--fecha-corte debe escribirse aaaa-mm-dd.',
  ],
])('exits 1 on %j with a message', async (args, mensaje) => {
  const { code, stderr } = await cli(...args);
  expect(code).toBe(1);
  expect(stderr).toContain(mensaje);
  expect(stderr).not.toMatch(/^\s+at /m);
});

it('creates a user from a shell with a password shown once, that signs in, and refuses a duplicate', async () => {
  const { code, stdout } = await cli(
    'usuarios',
    'crear',
    '--usuario',
    'Operadora',
    '--rol',
    'admin',
  );
  expect(code).toBe(0);
  const [, clave] = /^Clave .*: (\S+)$/m.exec(stdout) ?? [];
  expect(clave).toMatch(/^[\w-]{24}$/);
  const ds = createDataSource(database.url, SCHEMA);
  await ds.initialize();
  const usuarios = new UsuariosService(ds);
  expect(await usuarios.verificar('operadora', clave)).toMatchObject({ rol: 'admin' });
  expect(await usuarios.verificar('operadora', 'otra-clave-cualquiera')).toBeNull();
  expect(
    await ds.query(`SELECT quien, accion, detalle->>'usuario' AS usuario FROM auditoria`),
  ).toEqual([
    { quien: expect.stringMatching(/^cli:/), accion: 'usuario_creado', usuario: 'operadora' },
  ]);
  await ds.destroy();
  const repetido = await cli('usuarios', 'crear', '--usuario', 'operadora', '--rol', 'lectura');
  expect(repetido.code).toBe(1);
  expect(repetido.stderr).toMatch(/Ya existe un usuario «operadora»/);
});
