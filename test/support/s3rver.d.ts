declare module 's3rver' {
  interface OpcionesS3rver {
    port?: number;
    address?: string;
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(opciones: OpcionesS3rver);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
