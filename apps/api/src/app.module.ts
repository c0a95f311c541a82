import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MulterModule } from '@nestjs/platform-express';
import { AccessModule } from '@tablero/access';
import { Config } from '@tablero/config';
import { abrirConexiones, DataSourceConReplicas, dataSourceOptions } from '@tablero/database';
import { IngestionModule } from '@tablero/ingestion';
import { MetricsModule } from '@tablero/metrics';
import { ChartsModule } from '@tablero/charts';
import { ReportsModule } from '@tablero/reports';
import { LoggerModule } from 'nestjs-pino';
import { SCHEMA } from '../../../migrations/schema';
import { AdministracionController } from './acceso/administracion.controller';
import { AliasController } from './importaciones/alias.controller';
import { SesionController } from './acceso/sesion.controller';
import { FasesController } from './fases/fases.controller';
import { HealthController } from './health/health.controller';
import { MetasController } from './metas/metas.controller';
import { PdtController } from './pdt/pdt.controller';
import { carpetaDeSubidas } from './importaciones/carpeta-de-subidas';
import { ImportacionesController } from './importaciones/importaciones.controller';
import { GraficosController } from './metricas/graficos.controller';
import { MetricasController } from './metricas/metricas.controller';
import { ReportesController } from './metricas/reportes.controller';
import { TableroController } from './tablero/tablero.controller';
import { ReferenciaInicial } from './referencia-inicial';

export interface AppOptions {
  readonly config: Config;
  readonly databaseUrl: string;
  readonly pseudonymKey: Buffer;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, pseudonymKey }: AppOptions): DynamicModule {
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
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(databaseUrl, SCHEMA, config.databaseReplicaUrls),
            migrationsRun: true,
          }),
          dataSourceFactory: async (opciones) =>
            abrirConexiones(await new DataSourceConReplicas(opciones!).initialize()),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'pretty' }),
        AccessModule.forRoot({
          tableroPublico: config.publicDashboard,
          horasDeSesion: config.sessionHours,
          cookieSegura: config.cookieSecure,
          loginPorMinuto: config.loginMaxPerMinute,
          costosasPorMinuto: config.expensiveMaxPerMinute,
          redis: config.redisUrl
            ? { url: config.redisUrl, prefijo: config.redisKeyPrefix }
            : undefined,
        }),
        MulterModule.register({
          dest: carpetaDeSubidas(config.dataDir),
          limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 },
        }),
        IngestionModule.forRoot({
          pseudonymKey,
          maxXlsxExpandedBytes: config.xlsxMaxExpandedBytes,
        }),
        MetricsModule,
        ChartsModule,
        ReportsModule.forRoot(config.exportaciones),
      ],
      controllers: [
        AdministracionController,
        AliasController,
        FasesController,
        GraficosController,
        HealthController,
        ImportacionesController,
        MetasController,
        MetricasController,
        PdtController,
        ReportesController,
        SesionController,
        TableroController,
      ],
      providers: [ReferenciaInicial],
    };
  }
}
