import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Config } from '@tablero/config';
import { dataSourceOptions } from '@tablero/database';
import { MetricsModule } from '@tablero/metrics';
import { LoggerModule } from 'nestjs-pino';
import { FasesController } from './fases/fases.controller';
import { HealthController } from './health/health.controller';
import { ReferenciaInicial } from './referencia-inicial';

@Module({})
export class AppModule {
  static forRoot(config: Config, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            serializers: {
              req: (req: { id: unknown; method: string; url: string; remoteAddress: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                remoteAddress: req.remoteAddress,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            transport:
              config.logFormat === 'pretty'
                ? {
                    target: 'pino-pretty',
                    options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
                  }
                : undefined,
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true }),
        TerminusModule.forRoot({ errorLogStyle: 'pretty' }),
        MetricsModule,
      ],
      controllers: [FasesController, HealthController],
      providers: [ReferenciaInicial],
    };
  }
}
