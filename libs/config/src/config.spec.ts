import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: 'data',
      embeddedDbPort: 54329,
      logLevel: 'info',
      logFormat: 'pretty',
      pseudonymKey: undefined,
      importMaxBytes: 200 * 1024 * 1024,
      xlsxMaxExpandedBytes: 1024 * 1024 * 1024,
      publicDashboard: true,
      sessionHours: 8,
      cookieSecure: false,
      corsOrigins: [],
      trustProxy: 0,
      loginMaxPerMinute: 10,
      expensiveMaxPerMinute: 60,
      redisUrl: undefined,
      redisKeyPrefix: 'tablero-jpt:',
      exportaciones: { segundosDeConcesion: 60, intentos: 3, horasDeRetencion: 24 },
      databaseReplicaUrls: [],
    });
  });

  it('reads the replicas as a list, only beside a primary, without echoing their passwords', () => {
    const servidor = { DATABASE_URL: 'postgres://h/db', PSEUDONYM_KEY: 'k'.repeat(32) };
    expect(
      loadConfig({ ...servidor, DATABASE_REPLICA_URLS: 'postgres://r1/db, postgres://r2:5433/db' })
        .databaseReplicaUrls,
    ).toEqual(['postgres://r1/db', 'postgres://r2:5433/db']);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/db' })).toThrow(
      /DATABASE_REPLICA_URLS: las réplicas son de un servidor PostgreSQL: defina también DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ ...servidor, DATABASE_REPLICA_URLS: 'postgres://u:secreto@r1/db,mysql://r2' }),
    ).toThrow(/DATABASE_REPLICA_URLS: debe ser una lista .*«postgres:\/\/u:\*\*\*@r1\/db,mysql/);
  });

  it('keeps the export files in a bucket only when one is named', () => {
    expect(loadConfig({}).exportaciones.s3).toBeUndefined();
    expect(
      loadConfig({
        S3_BUCKET: 'tablero-jpt',
        S3_ENDPOINT: 'https://minio.dnp.gov.co:9000',
        S3_PREFIX: 'produccion/',
        S3_ACCESS_KEY_ID: 'jpt',
        S3_SECRET_ACCESS_KEY: 'secreto',
      }).exportaciones.s3,
    ).toEqual({
      bucket: 'tablero-jpt',
      endpoint: 'https://minio.dnp.gov.co:9000',
      region: 'us-east-1',
      prefijo: 'produccion/',
      credenciales: { accessKeyId: 'jpt', secretAccessKey: 'secreto' },
    });
    expect(loadConfig({ S3_BUCKET: 'tablero-jpt' }).exportaciones.s3).toEqual({
      bucket: 'tablero-jpt',
      endpoint: undefined,
      region: 'us-east-1',
      prefijo: '',
      credenciales: undefined,
    });
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000', S3_PREFIX: 'x/' })).toThrow(
      /S3_ENDPOINT, S3_PREFIX: configuran el almacenamiento S3: defina también S3_BUCKET/,
    );
    expect(() => loadConfig({ S3_REGION: 'sa-east-1' })).toThrow(
      /S3_REGION: configuran el almacenamiento S3: defina también S3_BUCKET/,
    );
    expect(() =>
      loadConfig({ S3_BUCKET: 'tablero-jpt', S3_ENDPOINT: 'https://jpt:secreto@minio:9000' }),
    ).toThrow(/S3_ENDPOINT: no debe llevar usuario ni clave.*«https:\/\/jpt:\*\*\*@minio:9000»/);
    expect(() => loadConfig({ S3_BUCKET: 'tablero-jpt', S3_ACCESS_KEY_ID: 'jpt' })).toThrow(
      /S3_ACCESS_KEY_ID y S3_SECRET_ACCESS_KEY: defina las dos/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'Mal_Nombre', S3_SECRET_ACCESS_KEY: 'x' })).toThrow(
      /S3_BUCKET: debe ser un nombre de bucket S3/,
    );
  });

  it('publishes the dashboard without login only for the embedded demo, unless told', () => {
    const servidor = { DATABASE_URL: 'postgres://h/db', PSEUDONYM_KEY: 'k'.repeat(32) };
    expect(loadConfig(servidor).publicDashboard).toBe(false);
    expect(loadConfig({ ...servidor, PUBLIC_DASHBOARD: 'true' }).publicDashboard).toBe(true);
    expect(loadConfig({ PUBLIC_DASHBOARD: 'false' }).publicDashboard).toBe(false);
  });

  it('keeps CORS off unless origins are configured', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.co,https://b.gov.co' }).corsOrigins).toEqual([
      'https://a.gov.co',
      'https://b.gov.co',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  it('requires a pseudonym key with a database server, and never echoes it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db' })).toThrow(
      /PSEUDONYM_KEY: es obligatoria/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db', PSEUDONYM_KEY: 'corta' })).toThrow(
      /PSEUDONYM_KEY: debe tener al menos 32 caracteres .*\(valor recibido: \(oculto\)\)/,
    );
  });

  it('logs JSON lines in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
  });

  it('accepts a PostgreSQL URL', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(
      loadConfig({ DATABASE_URL: url, PORT: '8080', PSEUDONYM_KEY: 'k'.repeat(32) }),
    ).toMatchObject({
      databaseUrl: url,
      port: 8080,
    });
  });

  it.each([
    ['PORT', 'tres mil', 'PORT: debe ser un número de puerto'],
    ['PORT', '70000', 'PORT: debe estar entre 1 y 65535'],
    ['PORT', '80.5', 'PORT: debe ser un entero'],
    ['DATABASE_URL', 'mysql://root@localhost/db', 'DATABASE_URL: debe ser una URL postgres://'],
    ['EMBEDDED_DB_PORT', '80', 'EMBEDDED_DB_PORT: debe estar entre 1024 y 65535'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL:'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL: debe ser una URL redis://'],
    ['EXPORT_LEASE_SECONDS', '1', 'EXPORT_LEASE_SECONDS: debe estar entre 2 y 3600'],
  ])('names the bad variable %s=%s', (name, value, expected) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(1);
    expect((error as ConfigError).problems[0]).toContain(expected);
    expect((error as ConfigError).message).toContain('Configuración inválida');
  });

  it('never echoes a database or Redis password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:secreto@host:notaport/db' })).toThrow(
      /postgres:\/\/u:\*\*\*@host/,
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://u:secreto@host:puerto x' })).toThrow(
      /redis:\/\/u:\*\*\*@host/,
    );
  });
});
