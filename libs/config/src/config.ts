/**
 * The service's configuration: read once from the environment, validated, typed.
 * Nothing else in the code reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'debe ser un número de puerto / must be a port number' })
    .int('debe ser un entero / must be an integer')
    .min(1, 'debe estar entre 1 y 65535 / must be between 1 and 65535')
    .max(65535, 'debe estar entre 1 y 65535 / must be between 1 and 65535')
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(
      POSTGRES_URL,
      'debe ser una URL postgres://usuario:clave@servidor:puerto/base / must be a postgres:// URL',
    )
    .refine(canParseUrl, 'no es una URL válida / is not a valid URL')
    .optional(),
  DATABASE_REPLICA_URLS: z
    .string()
    .refine(
      (lista) =>
        lista.split(',').every((url) => POSTGRES_URL.test(url.trim()) && canParseUrl(url.trim())),
      'debe ser una lista de URL postgres:// separadas por comas / must be a comma-separated list of postgres:// URLs',
    )
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  EMBEDDED_DB_PORT: z.coerce
    .number({ error: 'debe ser un número de puerto / must be a port number' })
    .int('debe ser un entero / must be an integer')
    .min(1024, 'debe estar entre 1024 y 65535 / must be between 1024 and 65535')
    .max(65535, 'debe estar entre 1024 y 65535 / must be between 1024 and 65535')
    .default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  PSEUDONYM_KEY: z
    .string()
    .min(32, 'debe tener al menos 32 caracteres / must be at least 32 characters long')
    .optional(),
  IMPORT_MAX_BYTES: z.coerce
    .number({ error: 'debe ser un número de bytes / must be a number of bytes' })
    .int('debe ser un entero / must be an integer')
    .positive('debe ser positivo / must be positive')
    .default(200 * 1024 * 1024),
  XLSX_MAX_EXPANDED_BYTES: z.coerce
    .number({ error: 'debe ser un número de bytes / must be a number of bytes' })
    .int('debe ser un entero / must be an integer')
    .positive('debe ser positivo / must be positive')
    .default(1024 * 1024 * 1024),
  PUBLIC_DASHBOARD: z.enum(['true', 'false']).optional(),
  SESSION_HOURS: z.coerce
    .number({ error: 'debe ser un número de horas / must be a number of hours' })
    .positive('debe ser positivo / must be positive')
    .max(720, 'no puede pasar de 720 / must be at most 720')
    .default(8),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/,
      'debe ser una lista de orígenes separados por comas (https://ejemplo.gov.co) / must be a comma-separated list of origins',
    )
    .optional(),
  TRUST_PROXY: z.coerce
    .number({ error: 'debe ser un número de proxies / must be a number of proxies' })
    .int('debe ser un entero / must be an integer')
    .min(0, 'debe estar entre 0 y 10 / must be between 0 and 10')
    .max(10, 'debe estar entre 0 y 10 / must be between 0 and 10')
    .default(0),
  LOGIN_MAX_PER_MINUTE: z.coerce
    .number({ error: 'debe ser un número / must be a number' })
    .int('debe ser un entero / must be an integer')
    .positive('debe ser positivo / must be positive')
    .default(10),
  EXPENSIVE_MAX_PER_MINUTE: z.coerce
    .number({ error: 'debe ser un número / must be a number' })
    .int('debe ser un entero / must be an integer')
    .positive('debe ser positivo / must be positive')
    .default(60),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'debe ser una URL redis:// o rediss:// / must be a redis:// URL')
    .refine(canParseUrl, 'no es una URL válida / is not a valid URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default('tablero-jpt:'),
  EXPORT_LEASE_SECONDS: z.coerce
    .number({ error: 'debe ser un número de segundos / must be a number of seconds' })
    .int('debe ser un entero / must be an integer')
    .min(2, 'debe estar entre 2 y 3600 / must be between 2 and 3600')
    .max(3600, 'debe estar entre 2 y 3600 / must be between 2 and 3600')
    .default(60),
  EXPORT_MAX_ATTEMPTS: z.coerce
    .number({ error: 'debe ser un número / must be a number' })
    .int('debe ser un entero / must be an integer')
    .min(1, 'debe estar entre 1 y 10 / must be between 1 and 10')
    .max(10, 'debe estar entre 1 y 10 / must be between 1 and 10')
    .default(3),
  EXPORT_RETENTION_HOURS: z.coerce
    .number({ error: 'debe ser un número de horas / must be a number of hours' })
    .positive('debe ser positivo / must be positive')
    .max(720, 'no puede pasar de 720 / must be at most 720')
    .default(24),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'debe ser un nombre de bucket S3 (3 a 63 minúsculas, cifras, puntos o guiones) / must be an S3 bucket name',
    )
    .optional(),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'debe ser una URL http:// o https:// / must be an http(s) URL')
    .refine(canParseUrl, 'no es una URL válida / is not a valid URL')
    .refine(
      (url) => !canParseUrl(url) || (!new URL(url).username && !new URL(url).password),
      'no debe llevar usuario ni clave: use S3_ACCESS_KEY_ID y S3_SECRET_ACCESS_KEY / must not carry credentials',
    )
    .optional(),
  S3_REGION: z.string().min(1).max(64).default('us-east-1'),
  S3_PREFIX: z
    .string()
    .regex(
      /^[A-Za-z0-9!_.*'()/-]{1,200}$/,
      "debe tener solo letras, cifras y !_.*'()/- (hasta 200) / must be a safe S3 key prefix",
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

function canParseUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** A PostgreSQL server to use; when absent, the embedded one is started. */
  readonly databaseUrl?: string;
  /** Streaming replicas of DATABASE_URL the figures may be read from (none: all on the primary). */
  readonly databaseReplicaUrls: readonly string[];
  readonly dataDir: string;
  readonly embeddedDbPort: number;
  readonly logLevel: string;
  readonly logFormat: 'json' | 'pretty';
  /**
   * The secret of the pseudonymous person keys. Required with DATABASE_URL; the
   * embedded default keeps one of its own in the data folder (see pseudonymKey()).
   */
  readonly pseudonymKey?: string;
  /** The largest file an import accepts (HTTP answers 413 above it). */
  readonly importMaxBytes: number;
  /** The most an .xlsx may expand to when unzipped: a zip bomb stops here. */
  readonly xlsxMaxExpandedBytes: number;
  /**
   * The dashboard's figures and charts readable without signing in. Default:
   * on for the embedded demo database, off with DATABASE_URL.
   */
  readonly publicDashboard: boolean;
  readonly sessionHours: number;
  /** The session cookie only over HTTPS; default on in production. */
  readonly cookieSecure: boolean;
  /** Origins allowed by CORS; none (CORS off) unless configured. */
  readonly corsOrigins: readonly string[];
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For is believed:
   * the client address of rate limits and the audit log. 0: the socket's address.
   */
  readonly trustProxy: number;
  /** Login attempts per client IP and minute. */
  readonly loginMaxPerMinute: number;
  /** Exports, chart images and imports per client IP and minute. */
  readonly expensiveMaxPerMinute: number;
  /** Redis shared by the instances for the rate limits; in memory (per instance) when absent. */
  readonly redisUrl?: string;
  /** Starts every key the server writes in Redis (several deployments on one Redis). */
  readonly redisKeyPrefix: string;
  /** Background exports queued in PostgreSQL: see ExportacionesService. */
  readonly exportaciones: {
    readonly segundosDeConcesion: number;
    readonly intentos: number;
    readonly horasDeRetencion: number;
    /** The bucket their files go to; absent: in PostgreSQL, beside the jobs. */
    readonly s3?: OpcionesS3;
  };
}

/** An S3-compatible bucket (AWS S3, MinIO, Ceph…) for the files of the background exports. */
export interface OpcionesS3 {
  readonly bucket: string;
  /** An S3-compatible server's URL (path-style addressing); absent: AWS S3 in `region`. */
  readonly endpoint?: string;
  readonly region: string;
  /** Starts every key the server writes (several deployments on one bucket). */
  readonly prefijo: string;
  /** Absent: the AWS SDK's own chain (AWS_* variables, profile, instance role). */
  readonly credenciales?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      [
        'Configuración inválida / Invalid configuration:',
        ...problems.map((p) => `  - ${p}`),
        'Revise las variables de entorno (README, sección «Configuración»).',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message} (valor recibido: ${describeValue(name, input[name])})`;
      }),
    );
  }
  const c = parsed.data;
  if (c.DATABASE_REPLICA_URLS && !c.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_REPLICA_URLS: las réplicas son de un servidor PostgreSQL: defina también DATABASE_URL, el primario / requires DATABASE_URL',
    ]);
  }
  if (c.DATABASE_URL && !c.PSEUDONYM_KEY) {
    throw new ConfigError([
      'PSEUDONYM_KEY: es obligatoria con DATABASE_URL: la clave secreta de los seudónimos, de al menos ' +
        '32 caracteres, que no debe cambiar nunca (por ejemplo, openssl rand -hex 32) / required with DATABASE_URL',
    ]);
  }
  const sinBucket = [
    'S3_ENDPOINT',
    'S3_REGION',
    'S3_PREFIX',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
  ].filter((name) => !c.S3_BUCKET && input[name] !== undefined);
  if (sinBucket.length > 0) {
    throw new ConfigError([
      `${sinBucket.join(', ')}: configuran el almacenamiento S3: defina también S3_BUCKET / requires S3_BUCKET`,
    ]);
  }
  if (!c.S3_ACCESS_KEY_ID !== !c.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError([
      'S3_ACCESS_KEY_ID y S3_SECRET_ACCESS_KEY: defina las dos, o ninguna para usar la cadena de credenciales de AWS / set both or neither',
    ]);
  }
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    databaseReplicaUrls: c.DATABASE_REPLICA_URLS?.split(',').map((url) => url.trim()) ?? [],
    dataDir: c.DATA_DIR,
    embeddedDbPort: c.EMBEDDED_DB_PORT,
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT ?? (c.NODE_ENV === 'production' ? 'json' : 'pretty'),
    pseudonymKey: c.PSEUDONYM_KEY,
    importMaxBytes: c.IMPORT_MAX_BYTES,
    xlsxMaxExpandedBytes: c.XLSX_MAX_EXPANDED_BYTES,
    publicDashboard: c.PUBLIC_DASHBOARD ? c.PUBLIC_DASHBOARD === 'true' : !c.DATABASE_URL,
    sessionHours: c.SESSION_HOURS,
    cookieSecure: c.COOKIE_SECURE ? c.COOKIE_SECURE === 'true' : c.NODE_ENV === 'production',
    corsOrigins: c.CORS_ORIGINS ? c.CORS_ORIGINS.split(',') : [],
    trustProxy: c.TRUST_PROXY,
    loginMaxPerMinute: c.LOGIN_MAX_PER_MINUTE,
    expensiveMaxPerMinute: c.EXPENSIVE_MAX_PER_MINUTE,
    redisUrl: c.REDIS_URL,
    redisKeyPrefix: c.REDIS_KEY_PREFIX,
    exportaciones: {
      segundosDeConcesion: c.EXPORT_LEASE_SECONDS,
      intentos: c.EXPORT_MAX_ATTEMPTS,
      horasDeRetencion: c.EXPORT_RETENTION_HOURS,
      s3: c.S3_BUCKET
        ? {
            bucket: c.S3_BUCKET,
            endpoint: c.S3_ENDPOINT,
            region: c.S3_REGION,
            prefijo: c.S3_PREFIX ?? '',
            credenciales:
              c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY }
                : undefined,
          }
        : undefined,
    },
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Echoes the bad value back, without a password that may be in a URL. */
function describeValue(name: string, value: unknown): string {
  if (value === undefined) return '(vacío)';
  const text = String(value);
  if (name === 'PSEUDONYM_KEY') return '(oculto)';
  return name.startsWith('DATABASE_') || name === 'REDIS_URL' || name === 'S3_ENDPOINT'
    ? `«${text.replace(/:[^:@/,]*@/g, ':***@')}»`
    : `«${text}»`;
}

/**
 * The pseudonym secret: PSEUDONYM_KEY, or for the embedded default a random
 * one created once and kept beside the database in the data folder.
 */
export function pseudonymKey(config: Config): Buffer {
  if (config.pseudonymKey) return Buffer.from(config.pseudonymKey, 'utf8');
  const file = join(config.dataDir, 'clave-seudonimos.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}
