/**
 * The files of the background exports in an S3-compatible bucket: each
 * attempt uploads its own object in parts under the job's folder
 * (`<prefijo>exportaciones/<id>/`), and the job's row keeps the key of the
 * one that finished. The folder goes when the job expires.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CompletedPart,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { OpcionesS3 } from '@tablero/config';
import type { Exportacion } from '@tablero/domain';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AlmacenDeArchivos,
  AlmacenInaccesible,
  ArchivoAbierto,
  ArchivoNoDisponible,
  ArchivosSinBorrar,
} from './exportaciones.almacen';
import type { TrabajoTomado } from './exportaciones.cola';
import { TIPO_DE_ARCHIVO } from './tipos-de-archivo';

/** Every part of a multipart upload but the last must be at least 5 MiB. */
const BYTES_POR_PARTE_EN_S3 = 8 * 1024 * 1024;

/**
 * A bucket that does not answer fails the request (after the SDK's three attempts) instead of
 * holding an export, its lease, the sweep and the shutdown: milliseconds to connect, and of
 * silence on a connection.
 */
export interface Esperas {
  readonly conexionMs: number;
  readonly silencioMs: number;
}

const ESPERAS: Esperas = { conexionMs: 5_000, silencioMs: 60_000 };

/** What a person reads of a failure of the bucket; the detail goes to the log. */
class AlmacenamientoNoDisponible extends Error {
  constructor(causa: unknown) {
    super('No se pudo guardar el archivo en el almacenamiento; pida la exportación de nuevo.', {
      cause: causa,
    });
  }
}

export class ArchivosEnS3 implements AlmacenDeArchivos {
  private readonly cliente: S3Client;

  constructor(
    private readonly opciones: OpcionesS3,
    esperas = ESPERAS,
  ) {
    this.cliente = new S3Client({
      region: opciones.region,
      endpoint: opciones.endpoint,
      forcePathStyle: opciones.endpoint !== undefined,
      credentials: opciones.credenciales,
      requestHandler: { connectionTimeout: esperas.conexionMs, socketTimeout: esperas.silencioMs },
      // Not every S3-compatible server takes the checksums the SDK adds to every request by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async comprobar(): Promise<void> {
    try {
      await this.cliente.send(new HeadBucketCommand({ Bucket: this.opciones.bucket }));
    } catch (error) {
      throw new AlmacenInaccesible(
        `S3_BUCKET: no se puede usar el bucket «${this.opciones.bucket}»` +
          `${this.opciones.endpoint ? ` de ${this.opciones.endpoint}` : ''} ` +
          `(${(error as Error).name}: ${(error as Error).message}). ` +
          'Revise S3_BUCKET, S3_ENDPOINT y las credenciales. / The bucket cannot be used.',
        { cause: error },
      );
    }
  }

  abrir(trabajo: TrabajoTomado, _ejecutor: string, senal: AbortSignal): ArchivoAbierto {
    const destino = {
      Bucket: this.opciones.bucket,
      Key: `${this.carpeta(trabajo.id)}${trabajo.intentos}-${randomUUID()}.${trabajo.formato}`,
    };
    const enviar = <T>(paso: () => Promise<T>) =>
      paso().catch((error: unknown) => {
        throw senal.aborted ? error : new AlmacenamientoNoDisponible(error);
      });
    const partes: CompletedPart[] = [];
    let subida: Promise<string | undefined> | undefined;
    let cerrado = false;
    const idDeSubida = () =>
      (subida ??= enviar(() =>
        this.cliente.send(
          new CreateMultipartUploadCommand({
            ...destino,
            ContentType: TIPO_DE_ARCHIVO[trabajo.formato],
          }),
          { abortSignal: senal },
        ),
      ).then(({ UploadId }) => UploadId));
    return {
      bytesPorParte: BYTES_POR_PARTE_EN_S3,
      guardar: async (numero, datos) => {
        const UploadId = await idDeSubida();
        const { ETag } = await enviar(() =>
          this.cliente.send(
            new UploadPartCommand({ ...destino, UploadId, PartNumber: numero + 1, Body: datos }),
            { abortSignal: senal },
          ),
        );
        partes.push({ ETag, PartNumber: numero + 1 });
        return true;
      },
      cerrar: async () => {
        if (subida) {
          const UploadId = await subida;
          await enviar(() =>
            this.cliente.send(
              new CompleteMultipartUploadCommand({
                ...destino,
                UploadId,
                MultipartUpload: { Parts: partes },
              }),
              { abortSignal: senal },
            ),
          );
        } else {
          await enviar(() =>
            this.cliente.send(
              new PutObjectCommand({
                ...destino,
                Body: Buffer.alloc(0),
                ContentType: TIPO_DE_ARCHIVO[trabajo.formato],
              }),
              { abortSignal: senal },
            ),
          );
        }
        cerrado = true;
        return destino.Key;
      },
      descartar: async () => {
        if (cerrado) await this.cliente.send(new DeleteObjectCommand(destino));
        else if (subida) {
          await this.cliente.send(
            new AbortMultipartUploadCommand({ ...destino, UploadId: await subida }),
          );
        }
      },
    };
  }

  detener(): void {
    this.cliente.destroy();
  }

  async leer(trabajo: Pick<Exportacion, 'id' | 'objeto'>): Promise<Readable> {
    if (!trabajo.objeto) throw new ArchivoNoDisponible(trabajo.id);
    try {
      const { Body } = await this.cliente.send(
        new GetObjectCommand({ Bucket: this.opciones.bucket, Key: trabajo.objeto }),
      );
      return Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ArchivoNoDisponible(trabajo.id);
      throw error;
    }
  }

  async descartar(ids: readonly string[]): Promise<string[]> {
    const vaciadas: string[] = [];
    const fallas: string[] = [];
    for (const id of ids) {
      try {
        await this.vaciarCarpeta(id);
        vaciadas.push(id);
      } catch (error) {
        fallas.push(`${id} (${(error as Error).message})`);
      }
    }
    if (fallas.length > 0) {
      throw new ArchivosSinBorrar(vaciadas, `No se pudo borrar del bucket: ${fallas.join('; ')}`);
    }
    return vaciadas;
  }

  private async vaciarCarpeta(id: string): Promise<void> {
    let siguiente: string | undefined;
    do {
      const lista = await this.cliente.send(
        new ListObjectsV2Command({
          Bucket: this.opciones.bucket,
          Prefix: this.carpeta(id),
          ContinuationToken: siguiente,
        }),
      );
      const objetos = (lista.Contents ?? []).map(({ Key }) => ({ Key }));
      if (objetos.length > 0) {
        const { Errors } = await this.cliente.send(
          new DeleteObjectsCommand({
            Bucket: this.opciones.bucket,
            Delete: { Objects: objetos, Quiet: true },
          }),
        );
        if (Errors?.length) throw new Error(`${Errors[0].Key}: ${Errors[0].Message}`);
      }
      siguiente = lista.NextContinuationToken;
    } while (siguiente);
  }

  private carpeta(id: string): string {
    return `${this.opciones.prefijo}exportaciones/${id}/`;
  }
}
