import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CARPETA_TABLERO, Config, rutaDelProyecto } from '@tablero/config';
import { ANONIMO, CredencialesService, noAutenticado } from '@tablero/access';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import type { ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './errors/http-error.filter';
import { solicitudSegura } from './seguridad/solicitud-segura.middleware';
import { RUTAS_DEL_TABLERO } from './tablero/tablero.controller';

/**
 * The content security policy the dashboard satisfies: its scripts, styles and
 * images come from /assets; the charts the server draws carry inline style attributes and a
 * `<style>` of their own (the colour of an item under the pointer).
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The build's names for content that never changes under them: esbuild's `[name]-[hash]`. */
const NOMBRE_CON_HASH = /-[A-Z0-9]{8}\.(js|css)(\.br|\.gz)?$/;

export interface OpcionesDeServidor {
  /**
   * Answers and assets compressed by Accept-Encoding (brotli or gzip). Off only in
   * bench:dashboard, to weigh the same pages uncompressed.
   */
  readonly comprimir: boolean;
}

/**
 * The dashboard's static files under /assets: hashed names cached for a year; with compression,
 * the build's .br or .gz beside each one, chosen by the browser's Accept-Encoding.
 */
function servirActivos(app: NestExpressApplication, { comprimir }: OpcionesDeServidor): void {
  const carpeta = rutaDelProyecto(...CARPETA_TABLERO, 'assets');
  const opciones = {
    index: false,
    fallthrough: true,
    setHeaders: (respuesta: ServerResponse, ruta: string) => {
      if (NOMBRE_CON_HASH.test(ruta)) {
        respuesta.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  } as const;
  if (!comprimir) return void app.useStaticAssets(carpeta, { ...opciones, prefix: '/assets/' });
  app.use(
    '/assets',
    expressStaticGzip(carpeta, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: opciones,
    }),
  );
}

/** What the running server and the e2e tests share: headers, prefix, logging, errors, OpenAPI, the dashboard. */
export function configureApp(
  app: INestApplication,
  config: Config,
  opciones: OpcionesDeServidor = { comprimir: true },
): void {
  app.useLogger(app.get(Logger));
  if (config.trustProxy) (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP } }));
  // Compresses the API's JSON and CSV and the page; leaves alone what the static files
  // already carry compressed and the formats that are compressed (xlsx, png).
  if (opciones.comprimir) app.use(compression());
  app.use(cookieParser());
  app.use(solicitudSegura(config.corsOrigins));
  if (config.corsOrigins.length)
    app.enableCors({ origin: [...config.corsOrigins], credentials: true });
  app.setGlobalPrefix('api', {
    exclude: RUTAS_DEL_TABLERO.map((path) => ({ path, method: RequestMethod.GET })),
  });
  servirActivos(app as NestExpressApplication, opciones);
  app.useGlobalFilters(new HttpErrorFilter());
  const openApi = new DocumentBuilder()
    .setTitle('Tablero JPT')
    .setDescription(
      'Métricas de la Estrategia Juntos por el Territorio (DNP): actividades, cifras por fase, ' +
        'territorio, grupo de valor y aliado.',
    )
    .setVersion('1')
    .build();
  // The OpenAPI pages are not Nest routes, so the guard does not see them: public with the
  // dashboard, except in production, where they would show anyone every route to probe.
  const credenciales = app.get(CredencialesService);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const docsPublicas = config.publicDashboard && config.env !== 'production';
    if (docsPublicas || !request.path.startsWith('/api/docs')) return next();
    credenciales
      .identificar(request)
      .catch(() => ANONIMO)
      .then((quien) => {
        if (quien.rol) return next();
        const error = noAutenticado();
        response.status(error.getStatus()).json(error.getResponse());
      });
  });
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
