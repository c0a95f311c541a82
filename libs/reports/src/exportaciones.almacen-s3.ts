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
import { AlmacenDeArchivos, ArchivoAbierto, ArchivoNoDisponible } from './exportaciones.almacen';
import type { TrabajoTomado } from './exportaciones.cola';

/** Every part of a multipart upload but the last must be at least 5 MiB. */
const BYTES_POR_PARTE_EN_S3 = 8 * 1024 * 1024;

const TIPOS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export class ArchivosEnS3 implements AlmacenDeArchivos {
  private readonly cliente: S3Client;
  private readonly bucket: string;

  constructor(private readonly opciones: OpcionesS3) {
    this.bucket = opciones.bucket;
    this.cliente = new S3Client({
      region: opciones.region,
      endpoint: opciones.endpoint,
      forcePathStyle: opciones.endpoint !== undefined,
      credentials: opciones.credenciales,
      // Not every S3-compatible server takes the checksums the SDK adds to every request by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async comprobar(): Promise<void> {
    try {
      await this.cliente.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new Error(
        `S3_BUCKET: no se puede usar el bucket «${this.bucket}»` +
          `${this.opciones.endpoint ? ` de ${this.opciones.endpoint}` : ''}: ` +
          `${(error as Error).name} ${(error as Error).message}`.trim(),
        { cause: error },
      );
    }
  }

  abrir(trabajo: TrabajoTomado): ArchivoAbierto {
    const destino = {
      Bucket: this.bucket,
      Key: `${this.carpeta(trabajo.id)}${trabajo.intentos}-${randomUUID()}.${trabajo.formato}`,
    };
    const partes: CompletedPart[] = [];
    let subida: Promise<string | undefined> | undefined;
    let cerrado = false;
    const idDeSubida = () =>
      (subida ??= this.cliente
        .send(new CreateMultipartUploadCommand({ ...destino, ContentType: TIPOS[trabajo.formato] }))
        .then(({ UploadId }) => UploadId));
    return {
      bytesPorParte: BYTES_POR_PARTE_EN_S3,
      guardar: async (numero, datos) => {
        const UploadId = await idDeSubida();
        const { ETag } = await this.cliente.send(
          new UploadPartCommand({ ...destino, UploadId, PartNumber: numero + 1, Body: datos }),
        );
        partes.push({ ETag, PartNumber: numero + 1 });
        return true;
      },
      cerrar: async () => {
        if (subida) {
          await this.cliente.send(
            new CompleteMultipartUploadCommand({
              ...destino,
              UploadId: await subida,
              MultipartUpload: { Parts: partes },
            }),
          );
        } else {
          await this.cliente.send(
            new PutObjectCommand({
              ...destino,
              Body: Buffer.alloc(0),
              ContentType: TIPOS[trabajo.formato],
            }),
          );
        }
        cerrado = true;
        return destino.Key;
      },
      descartar: async () => {
        if (cerrado) await this.cliente.send(new DeleteObjectCommand(destino));
        else if (subida)
          await this.cliente.send(
            new AbortMultipartUploadCommand({ ...destino, UploadId: await subida }),
          );
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
        new GetObjectCommand({ Bucket: this.bucket, Key: trabajo.objeto }),
      );
      return Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ArchivoNoDisponible(trabajo.id);
      throw error;
    }
  }

  async descartar(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      let siguiente: string | undefined;
      do {
        const lista = await this.cliente.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.carpeta(id),
            ContinuationToken: siguiente,
          }),
        );
        const objetos = (lista.Contents ?? []).map(({ Key }) => ({ Key }));
        if (objetos.length > 0) {
          const { Errors } = await this.cliente.send(
            new DeleteObjectsCommand({
              Bucket: this.bucket,
              Delete: { Objects: objetos, Quiet: true },
            }),
          );
          if (Errors?.length) {
            throw new Error(`No se pudo borrar ${Errors[0].Key} del bucket: ${Errors[0].Message}`);
          }
        }
        siguiente = lista.NextContinuationToken;
      } while (siguiente);
    }
  }

  private carpeta(id: string): string {
    return `${this.opciones.prefijo}exportaciones/${id}/`;
  }
}
