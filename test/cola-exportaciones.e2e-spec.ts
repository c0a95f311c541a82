/**
 * The export queue's statements against a real PostgreSQL: what a runner is
 * told when a cancellation arrives while it finishes, and what becomes of a
 * job given back after its cancellation was asked.
 */
import { ArchivosSinBorrar } from '../libs/reports/src/exportaciones.almacen';
import { ColaDeExportaciones } from '../libs/reports/src/exportaciones.cola';
import { Client } from 'pg';
import { abrirBaseDePrueba, BaseDePrueba } from './support/test-app';

let base: BaseDePrueba;
let cola: ColaDeExportaciones;

beforeAll(async () => {
  base = await abrirBaseDePrueba('cola');
  cola = new ColaDeExportaciones(base.ds, {
    segundosDeConcesion: 30,
    intentos: 3,
    horasDeRetencion: 24,
  });
});
afterAll(() => base?.cerrar());

const encolar = async () => {
  const [{ id }] = await base.ds.query<{ id: string }[]>(
    `INSERT INTO exportacion (estado, formato, usuario, usuario_id) VALUES ('en_curso', 'csv', 'ana', 1)
     RETURNING id::text`,
  );
  return id;
};
const estado = async (id: string) =>
  (
    await base.ds.query<{ estado: string; ejecutor: string | null; expira: boolean }[]>(
      `SELECT estado, ejecutor, expira_en IS NOT NULL AS expira FROM exportacion WHERE id = $1`,
      [id],
    )
  )[0];

it('tells a runner "cancelada" when the cancellation commits while its finish waits for the row', async () => {
  const id = await encolar();
  expect((await cola.tomar('A'))?.id).toBe(id);
  const otro = new Client({ connectionString: (base.ds.options as { url: string }).url });
  await otro.connect();
  try {
    await otro.query('BEGIN');
    await otro.query(`UPDATE exportacion SET cancelacion_pedida = true WHERE id = $1`, [id]);
    const terminar = cola.terminar(id, 'A', 10, 100, null);
    await new Promise((r) => setTimeout(r, 300));
    await otro.query('COMMIT');
    expect(await terminar).toBe('cancelada');
  } finally {
    await otro.end();
  }
  expect((await estado(id)).estado).toBe('en_curso');
});

it('ends as cancelled a job given back after its cancellation was asked, and lets nobody take it', async () => {
  const id = await encolar();
  expect((await cola.tomar('A'))?.id).toBe(id);
  expect(await cola.pedirCancelacion(id)).toBe(true);
  await cola.devolver(id, 'A');
  expect(await estado(id)).toEqual({ estado: 'cancelada', ejecutor: null, expira: true });
  expect(await cola.tomar('B')).toBeUndefined();
});

it('gives back to the queue a job nobody asked to cancel', async () => {
  const id = await encolar();
  expect((await cola.tomar('A'))?.id).toBe(id);
  await cola.devolver(id, 'A');
  expect(await estado(id)).toEqual({ estado: 'en_curso', ejecutor: null, expira: false });
  expect((await cola.tomar('B'))?.id).toBe(id);
});

it('ends a dead runner’s job when no attempt is left', async () => {
  const huerfana = await encolar();
  await base.ds.query(
    `UPDATE exportacion SET ejecutor = 'muerto', intentos = 3, bloqueada_hasta = now() - interval '1 minute'
      WHERE id = $1`,
    [huerfana],
  );
  await cola.terminarHuerfanas();
  expect(await estado(huerfana)).toEqual({ estado: 'fallida', ejecutor: null, expira: true });
});

it('deletes the expired jobs whose files are gone, and keeps those whose files could not be deleted', async () => {
  const vencida = async () => {
    const id = await encolar();
    await base.ds.query(
      `UPDATE exportacion SET estado = 'lista', expira_en = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    return id;
  };
  const [borrable, atascada] = [await vencida(), await vencida()];
  const pedidas: string[] = [];
  await expect(
    cola.borrarVencidas(async (ids) => {
      pedidas.push(...ids);
      throw new ArchivosSinBorrar(
        ids.filter((id) => id !== atascada),
        `No se pudo borrar del bucket: ${atascada}`,
      );
    }),
  ).rejects.toThrow(`No se pudo borrar del bucket: ${atascada}`);
  expect(pedidas).toEqual(expect.arrayContaining([borrable, atascada]));
  expect(await estado(borrable)).toBeUndefined();
  expect(await estado(atascada)).toMatchObject({ estado: 'lista' });

  await cola.borrarVencidas(async (ids) => ids);
  expect(await estado(atascada)).toBeUndefined();
});
