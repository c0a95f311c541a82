import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * An S3-compatible server of the test's own: s3rver, which keeps its objects
 * in a temporary folder and answers the S3 API over HTTP, stands for the
 * deployment's bucket (MinIO, AWS S3).
 */
export interface ServidorS3 {
  readonly bucket: string;
  /** The S3_* variables that point the server at it. */
  readonly env: Record<string, string>;
  readonly cliente: S3Client;
  /** Keys under `prefijo`, with their sizes. */
  objetos(prefijo: string): Promise<{ objeto: string; bytes: number }[]>;
  cerrar(): Promise<void>;
}

const CREDENCIALES = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function iniciarServidorS3(bucket = 'tablero-jpt'): Promise<ServidorS3> {
  const carpeta = mkdtempSync(join(tmpdir(), 'tablero-s3-'));
  const servidor = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: carpeta,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await servidor.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const cliente = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENCIALES,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: CREDENCIALES.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENCIALES.secretAccessKey,
    },
    cliente,
    objetos: async (prefijo) => {
      const lista = await cliente.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefijo }),
      );
      return (lista.Contents ?? []).map(({ Key, Size }) => ({ objeto: Key!, bytes: Size! }));
    },
    cerrar: async () => {
      cliente.destroy();
      await servidor.close();
      rmSync(carpeta, { recursive: true, force: true });
    },
  };
}
