/**
 * The S3 store of the export files against an S3-compatible server: an
 * attempt's file uploaded in parts and read back whole, dropped by its own
 * attempt, a job's folder emptied when it expires without touching another's,
 * and a bucket that is not there named at start-up.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { text } from 'node:stream/consumers';
import { createServer, Socket, AddressInfo } from 'node:net';
import { ArchivoNoDisponible, ArchivosSinBorrar } from '../libs/reports/src/exportaciones.almacen';
import type { OpcionesS3 } from '@tablero/config';
import { ArchivosEnS3, Esperas } from '../libs/reports/src/exportaciones.almacen-s3';
import { TrabajoTomado } from '../libs/reports/src/exportaciones.cola';
import { iniciarServidorS3, ServidorS3 } from './support/servidor-s3';

let s3: ServidorS3;
let almacen: ArchivosEnS3;

const PREFIJO = 'prueba/';
const trabajo = (id: string): TrabajoTomado => ({ id, formato: 'csv', filtros: {}, intentos: 1 });
/** The signal of an attempt nobody stops. */
const enCurso = new AbortController().signal;

beforeAll(async () => {
  s3 = await iniciarServidorS3();
  almacen = almacenEn({});
});
afterAll(async () => {
  almacen?.detener();
  await s3?.cerrar();
});

/** The store on the test's server, but for `cambios`. */
function almacenEn(cambios: Partial<OpcionesS3>, esperas?: Esperas): ArchivosEnS3 {
  return new ArchivosEnS3(
    {
      bucket: s3.bucket,
      endpoint: s3.env.S3_ENDPOINT,
      region: 'us-east-1',
      prefijo: PREFIJO,
      credenciales: {
        accessKeyId: s3.env.S3_ACCESS_KEY_ID,
        secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY,
      },
      ...cambios,
    },
    esperas,
  );
}

async function escribir(id: string, partes: Buffer[]): Promise<string> {
  const abierto = almacen.abrir(trabajo(id), 'A', enCurso);
  for (const [numero, datos] of partes.entries()) {
    expect(await abierto.guardar(numero, datos)).toBe(true);
  }
  const objeto = await abierto.cerrar();
  expect(objeto).toEqual(
    expect.stringMatching(new RegExp(`^${PREFIJO}exportaciones/${id}/1-.+\\.csv$`)),
  );
  return objeto!;
}

it('uploads a file in parts and reads it back whole', async () => {
  const partes = [
    Buffer.alloc(almacen.abrir(trabajo('0'), 'A', enCurso).bytesPorParte, 'a'),
    Buffer.from('última línea;ñ\n'),
  ];
  const objeto = await escribir('10', partes);
  expect(await s3.objetos(`${PREFIJO}exportaciones/10/`)).toEqual([
    { objeto, bytes: Buffer.concat(partes).length },
  ]);
  const leido = await text(await almacen.leer({ id: '10', objeto }));
  expect(leido).toBe(Buffer.concat(partes).toString());
});

it('drops what an attempt wrote when that attempt is discarded after closing', async () => {
  const abierto = almacen.abrir(trabajo('11'), 'A', enCurso);
  await abierto.guardar(0, Buffer.from('x;y\n'));
  const objeto = await abierto.cerrar();
  expect(await s3.objetos(`${PREFIJO}exportaciones/11/`)).toHaveLength(1);
  await abierto.descartar();
  expect(await s3.objetos(`${PREFIJO}exportaciones/11/`)).toEqual([]);
  await expect(almacen.leer({ id: '11', objeto })).rejects.toBeInstanceOf(ArchivoNoDisponible);
});

it('empties the folders of expired jobs, every attempt in them, and nobody else’s', async () => {
  await escribir('12', [Buffer.from('a\n')]);
  await escribir('12', [Buffer.from('b\n')]);
  await s3.cliente.send(
    new PutObjectCommand({
      Bucket: s3.bucket,
      Key: `${PREFIJO}exportaciones/120/x.csv`,
      Body: 'c',
    }),
  );
  await escribir('13', [Buffer.from('d\n')]);
  expect(await almacen.descartar(['12', '13'])).toEqual(['12', '13']);
  expect((await s3.objetos(`${PREFIJO}exportaciones/`)).map((o) => o.objeto)).toEqual(
    expect.arrayContaining([`${PREFIJO}exportaciones/120/x.csv`]),
  );
  expect(await s3.objetos(`${PREFIJO}exportaciones/12/`)).toEqual([]);
  expect(await s3.objetos(`${PREFIJO}exportaciones/13/`)).toEqual([]);
});

it('stops an upload when its attempt is stopped, and tells a person in Spanish when the bucket fails', async () => {
  const detenido = new AbortController();
  detenido.abort('cancelada');
  await expect(
    almacen.abrir(trabajo('15'), 'A', detenido.signal).guardar(0, Buffer.from('x\n')),
  ).rejects.toMatchObject({ name: 'AbortError' });

  const sinServidor = almacenEn({ endpoint: 'http://127.0.0.1:9' });
  try {
    await expect(
      sinServidor.abrir(trabajo('16'), 'A', enCurso).guardar(0, Buffer.from('x\n')),
    ).rejects.toThrow(
      'No se pudo guardar el archivo en el almacenamiento; pida la exportación de nuevo.',
    );
  } finally {
    sinServidor.detener();
  }
});

it('gives up on a bucket that accepts the connection and never answers', async () => {
  const conexiones: Socket[] = [];
  const mudo = createServer((conexion) => conexiones.push(conexion));
  await new Promise<void>((listo) => mudo.listen(0, '127.0.0.1', listo));
  const { port } = mudo.address() as AddressInfo;
  const sinRespuesta = almacenEn(
    { endpoint: `http://127.0.0.1:${port}` },
    { conexionMs: 500, silencioMs: 300 },
  );
  try {
    await expect(
      sinRespuesta.abrir(trabajo('17'), 'A', enCurso).guardar(0, Buffer.from('x\n')),
    ).rejects.toThrow('No se pudo guardar el archivo en el almacenamiento');
    await expect(sinRespuesta.descartar(['17'])).rejects.toBeInstanceOf(ArchivosSinBorrar);
    expect(conexiones.length).toBeGreaterThan(0);
  } finally {
    sinRespuesta.detener();
    for (const conexion of conexiones) conexion.destroy();
    await new Promise((listo) => mudo.close(listo));
  }
});

it('says a file is not there when the job has no key in the bucket', async () => {
  await expect(almacen.leer({ id: '14', objeto: null })).rejects.toBeInstanceOf(
    ArchivoNoDisponible,
  );
});

it('names the bucket when it cannot be used', async () => {
  const otro = almacenEn({ bucket: 'no-existe' });
  await expect(otro.comprobar()).rejects.toThrow(
    /S3_BUCKET: no se puede usar el bucket «no-existe» de http/,
  );
  otro.detener();
  await expect(almacen.comprobar()).resolves.toBeUndefined();
});
