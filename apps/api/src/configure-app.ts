import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './errors/http-error.filter';
import { RUTAS_DEL_TABLERO } from './tablero/tablero.controller';

/** What the running server and the e2e tests share: prefix, logging, errors, OpenAPI, the dashboard. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
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
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
