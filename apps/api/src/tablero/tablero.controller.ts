import { Controller, Get, Header, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  Acceso,
  OPCIONES_ACCESO,
  OpcionesAcceso,
  PrimerAdministrador,
  Principal,
  Quien,
  VISTAS,
} from '@tablero/access';
import { CARPETA_TABLERO, rutaDelProyecto } from '@tablero/config';
import { pedidosDeVista } from '@tablero/charts';
import { filtrosDelTablero, MetricasService } from '@tablero/metrics';
import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import { describirSesion } from '../acceso/sesion';
import { ApiError } from '../errors/api-error';

/** The page's paths: the dashboard routes in the browser, the server answers each with the same page. */
export const RUTAS_DEL_TABLERO = ['/', ...VISTAS.map((v) => `/${v.ruta}`)];

/**
 * The dashboard: one page for every view; its scripts and styles are static files under /assets.
 * The page is public; what it shows comes from the API, which applies each caller's access.
 * It carries the caller's session (what GET /api/v1/sesion answers) in a JSON block, so that
 * the view asks for its data at once instead of after a round trip for the session; a JSON
 * block is data, not a script, so the Content-Security-Policy (script-src 'self') holds.
 * For a caller who may see the figures, a view with the filter bar also carries the bar's
 * values (what GET /api/v1/filtros answers) and names the answers the view will ask for as
 * preloads, fetched while the scripts load.
 */
@ApiExcludeController()
@Acceso('publico')
@Controller()
export class TableroController {
  private readonly pagina = rutaDelProyecto(...CARPETA_TABLERO, 'index.html');

  constructor(
    private readonly primerAdministrador: PrimerAdministrador,
    @Inject(OPCIONES_ACCESO) private readonly opciones: OpcionesAcceso,
    private readonly metricas: MetricasService,
  ) {}

  @Get(RUTAS_DEL_TABLERO)
  @Header('Cache-Control', 'private, no-cache')
  async mostrar(
    @Quien() quien: Principal,
    @Req() solicitud: Request,
    @Res() respuesta: Response,
  ): Promise<void> {
    const html = await readFile(this.pagina, 'utf8').catch(() => {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'TABLERO_SIN_CONSTRUIR',
        'El tablero no está construido: ejecute npm run build (npm start lo hace).',
      );
    });
    const sesion = describirSesion(
      quien,
      this.opciones.tableroPublico,
      this.primerAdministrador.codigo !== null,
    );
    const vista = solicitud.path.replace(/^\/+|\/+$/g, '') || 'resumen';
    const conFiltros =
      VISTAS.find((v) => v.ruta === vista)?.permiso === 'tablero' &&
      sesion.permisos.includes('tablero');
    // Without the database the page still goes out: the view asks for the values and says why not.
    const opcionesDeFiltro = conFiltros
      ? await this.metricas.opcionesDeFiltro(quien.departamentos).catch(() => null)
      : null;
    const bloques = [
      bloqueJson('sesion', sesion),
      opcionesDeFiltro ? bloqueJson('opciones-de-filtro', opcionesDeFiltro) : '',
      ...(conFiltros ? precargasDeVista(vista, solicitud) : []).map(
        (ruta) =>
          `<link rel="preload" href="${ruta.replace(/&/g, '&amp;')}" as="fetch" crossorigin />`,
      ),
    ].filter(Boolean);
    respuesta
      .type('html')
      .send(html.replace('</head>', `    ${bloques.join('\n    ')}\n  </head>`));
  }
}

/** Data for the page's scripts; "<" escaped, so that no value can close the block. */
function bloqueJson(id: string, valor: unknown): string {
  return `<script type="application/json" id="${id}">${JSON.stringify(valor).replace(/</g, '\\u003c')}</script>`;
}

/** What the view asks for under the page's filters. */
function precargasDeVista(vista: string, solicitud: Request): string[] {
  const filtros = filtrosDelTablero(new URLSearchParams(solicitud.originalUrl.split('?')[1] ?? ''));
  return pedidosDeVista(vista, filtros);
}
