import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Acceso, VISTAS } from '@tablero/access';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { ApiError } from '../errors/api-error';

/** The page's paths: the dashboard routes in the browser, the server answers each with the same page. */
export const RUTAS_DEL_TABLERO = ['/', ...VISTAS.map((v) => `/${v.ruta}`)];

/**
 * The dashboard: one page for every view; its scripts and styles are static files under /assets.
 * The page is public; what it shows comes from the API, which applies each caller's access.
 */
@ApiExcludeController()
@Acceso('publico')
@Controller()
export class TableroController {
  private readonly pagina = rutaDelProyecto(...CARPETA_TABLERO, 'index.html');

  @Get(RUTAS_DEL_TABLERO)
  @Header('Cache-Control', 'no-cache')
  mostrar(@Res() respuesta: Response): void {
    if (!existsSync(this.pagina)) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'TABLERO_SIN_CONSTRUIR',
        'El tablero no está construido: ejecute npm run build (npm start lo hace).',
      );
    }
    respuesta.type('html').sendFile(this.pagina);
  }
}
