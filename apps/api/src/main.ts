/**
 * `npm start`: validates the configuration, starts the embedded PostgreSQL
 * unless DATABASE_URL names a server, migrates, loads the reference data on an
 * empty database, and serves the API.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, pseudonymKey } from '@tablero/config';
import { connectDatabase, DataDirInUseError, EmbeddedDatabaseError } from '@tablero/database';
import { PrimerAdministrador } from '@tablero/access';
import { AlmacenInaccesible } from '@tablero/reports';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = await connectDatabase(config, 'exclusive');
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: database.url, pseudonymKey: pseudonymKey(config) }),
    {
      bufferLogs: true,
    },
  );
  configureApp(app, config);
  app.enableShutdownHooks();
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close();
    await database.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `El puerto ${config.port} ya está en uso: otro programa lo ocupa. ` +
          'Use otro con PORT=3001 npm start. / Port already in use.',
      );
    }
    throw error;
  }
  const where = config.databaseUrl
    ? 'servidor PostgreSQL de DATABASE_URL'
    : `embebida en ${config.dataDir}/`;
  console.log(
    `Tablero JPT listo en http://localhost:${config.port}/ ` +
      `(documentación: /api/docs; base de datos: ${where})`,
  );
  const codigo = app.get(PrimerAdministrador).codigo;
  if (codigo) {
    console.log(
      `No hay usuarios. Cree el primer administrador (código de un solo uso, válido hasta reiniciar): ` +
        `http://localhost:${config.port}/ingresar?codigo=${codigo} ` +
        `o npm run cli -- usuarios crear --usuario <nombre> --rol admin`,
    );
  }
  if (config.publicDashboard) {
    console.log(
      'El tablero es público de solo lectura (PUBLIC_DASHBOARD=true); lo demás pide sesión.',
    );
  }
}

class StartupError extends Error {}

bootstrap().catch((error: unknown) => {
  const known = [
    ConfigError,
    DataDirInUseError,
    EmbeddedDatabaseError,
    StartupError,
    AlmacenInaccesible,
  ];
  console.error(known.some((k) => error instanceof k) ? (error as Error).message : error);
  process.exit(1);
});
