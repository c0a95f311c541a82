/**
 * Rate-limit counters shared by every instance of the server, in Redis: a
 * fixed window per key, counted and blocked in one atomic script. Should Redis
 * not answer, a request is counted in this instance's memory instead: the
 * limits weaken to per instance for a while, the service stays up.
 */
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';

// KEYS: hits, block. ARGV: window ms, limit, block ms. Returns hits, ms left, blocked, block ms left.
const CONTAR = `
local hits = redis.call('INCR', KEYS[1])
local restante = redis.call('PTTL', KEYS[1])
if restante <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  restante = tonumber(ARGV[1])
end
local bloqueo = redis.call('PTTL', KEYS[2])
if bloqueo <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  bloqueo = tonumber(ARGV[3])
end
if bloqueo > 0 then return {hits, restante, 1, bloqueo} end
return {hits, restante, 0, 0}
`;

/** Warnings about Redis at most this often. */
const AVISO_CADA_MS = 60_000;

export class LimitesEnRedis implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(LimitesEnRedis.name);
  private readonly redis: Redis;
  private readonly enMemoria = new ThrottlerStorageService();
  private ultimoAviso = 0;

  /** `prefijo` starts every key, so that several deployments (or test runs) share one Redis. */
  constructor(url: string, prefijo: string) {
    // A request never waits on an absent Redis: one try, no queue while disconnected.
    this.redis = new Redis(url, {
      keyPrefix: prefijo,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.redis.on('error', (error: Error) => this.avisar(error));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    try {
      const [hits, restante, bloqueado, bloqueo] = (await this.redis.eval(
        CONTAR,
        2,
        `${throttlerName}:${key}`,
        `${throttlerName}:${key}:bloqueo`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(restante / 1000),
        isBlocked: bloqueado === 1,
        timeToBlockExpire: Math.ceil(bloqueo / 1000),
      };
    } catch (error) {
      this.avisar(error as Error);
      return this.enMemoria.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.enMemoria.onApplicationShutdown();
    if (this.redis.status !== 'end') this.redis.disconnect();
  }

  private avisar(error: Error): void {
    if (Date.now() - this.ultimoAviso < AVISO_CADA_MS) return;
    this.ultimoAviso = Date.now();
    this.logger.warn(
      `Redis no responde (${error.message}): los límites de solicitudes se cuentan por instancia mientras tanto.`,
    );
  }
}
