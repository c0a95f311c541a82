import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './errors/http-error.filter';

/** What the running server and the e2e tests share: prefix, logging, errors, OpenAPI. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
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
