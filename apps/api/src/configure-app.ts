import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CARPETA_TABLERO, Config, rutaDelProyecto } from '@tablero/config';
import { ANONIMO, CredencialesService, noAutenticado } from '@tablero/access';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './errors/http-error.filter';
import { solicitudSegura } from './seguridad/solicitud-segura.middleware';
import { RUTAS_DEL_TABLERO } from './tablero/tablero.controller';

/**
 * The content security policy the dashboard satisfies: its scripts, styles and
 * images come from /assets; ECharts' SVG renderer sets inline style attributes.
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

/** What the running server and the e2e tests share: headers, prefix, logging, errors, OpenAPI, the dashboard. */
export function configureApp(app: INestApplication, config: Config): void {
  app.useLogger(app.get(Logger));
  if (config.trustProxy) (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP } }));
  app.use(cookieParser());
  app.use(solicitudSegura(config.corsOrigins));
  if (config.corsOrigins.length)
    app.enableCors({ origin: [...config.corsOrigins], credentials: true });
  app.setGlobalPrefix('api', {
    exclude: RUTAS_DEL_TABLERO.map((path) => ({ path, method: RequestMethod.GET })),
  });
  (app as NestExpressApplication).useStaticAssets(rutaDelProyecto(...CARPETA_TABLERO, 'assets'), {
    prefix: '/assets/',
    index: false,
    fallthrough: true,
    setHeaders: (respuesta, ruta) => {
      if (/-[A-Z0-9]{8}\.(js|css)$/.test(ruta)) {
        respuesta.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
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
