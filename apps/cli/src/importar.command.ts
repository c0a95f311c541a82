import { Config, pseudonymKey } from '@tablero/config';
import { formatearNumero, TIPOS_IMPORTACION, TipoImportacionCodigo } from '@tablero/domain';
import { ImportacionService, InformeImportacion } from '@tablero/ingestion';
import { SingleBar } from 'cli-progress';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';

/** A mistake in the command line itself, told to the operator without a stack trace. */
export class ErrorDeUso extends Error {}

export interface OpcionesImportar {
  readonly actividad?: string;
  readonly fechaCorte?: string;
  readonly dryRun?: boolean;
}

/** Exit code: 0 every row landed (or was already there), 2 some rows were rejected. */
export async function importar(
  config: Config,
  dataSource: DataSource,
  tipo: string,
  archivo: string,
  opciones: OpcionesImportar,
): Promise<number> {
  if (opciones.fechaCorte && !/^\d{4}-\d{2}-\d{2}$/.test(opciones.fechaCorte)) {
    throw new ErrorDeUso('--fecha-corte debe escribirse aaaa-mm-dd.');
  }
  if (!existsSync(archivo)) throw new ErrorDeUso(`No existe el archivo ${archivo}.`);
  if (!(TIPOS_IMPORTACION as readonly string[]).includes(tipo)) {
    throw new ErrorDeUso(
      `No hay importaciones de tipo «${tipo}». Los tipos son: ${TIPOS_IMPORTACION.join(', ')}.`,
    );
  }
  if (statSync(archivo).isDirectory())
    throw new ErrorDeUso(
      `${archivo} es una carpeta, no un archivo: indique el archivo a importar.`,
    );
  const servicio = new ImportacionService(dataSource, {
    pseudonymKey: pseudonymKey(config),
    maxXlsxExpandedBytes: config.xlsxMaxExpandedBytes,
  });
  const barra = process.stderr.isTTY
    ? new SingleBar({
        format: 'Importando |{bar}| {percentage}% · {value} de {total} MB',
        hideCursor: true,
        stream: process.stderr,
      })
    : undefined;
  let iniciada = false;
  try {
    const informe = await servicio.importar({
      tipo: tipo as TipoImportacionCodigo,
      ruta: archivo,
      nombreArchivo: basename(archivo),
      usuario: `cli:${userInfo().username}`,
      dryRun: opciones.dryRun,
      opciones: {
        ...(opciones.actividad ? { actividad: opciones.actividad.toUpperCase() } : {}),
        ...(opciones.fechaCorte ? { fechaCorte: opciones.fechaCorte } : {}),
      },
      alLeer: barra
        ? (bytes, total) => {
            const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
            if (!iniciada) barra.start(mb(total), 0);
            iniciada = true;
            barra.update(mb(bytes));
          }
        : undefined,
    });
    barra?.stop();
    console.log(resumen(informe));
    return informe.filas.rechazadas > 0 ? 2 : 0;
  } finally {
    if (iniciada) barra?.stop();
  }
}

function resumen(informe: InformeImportacion): string {
  const n = (valor: number) => formatearNumero(valor).padStart(10);
  const f = informe.filas;
  const lineas = [
    informe.dryRun
      ? `Simulación (nada se guardó) de ${informe.tipo}, formato ${informe.formato}: ${informe.archivo.nombre}`
      : `Importación ${informe.id} de ${informe.tipo}, formato ${informe.formato}: ${informe.archivo.nombre}`,
    `  Filas leídas  ${n(f.leidas)}`,
    `  Aceptadas     ${n(f.aceptadas)}`,
    `  Actualizadas  ${n(f.actualizadas)}`,
    `  Duplicadas    ${n(f.duplicadas)}`,
    `  Rechazadas    ${n(f.rechazadas)}`,
  ];
  if (f.omitidas > 0)
    lineas.push(`  Omitidas      ${n(f.omitidas)}  (filas que no son datos, como «Total»)`);
  if (informe.hoja !== null) lineas.push(`  Hoja leída: ${informe.hoja}`);
  if (informe.totalColumnasIgnoradas > 0) {
    const otras = informe.totalColumnasIgnoradas - informe.columnasIgnoradas.length;
    lineas.push(
      `  Columnas ignoradas (${formatearNumero(informe.totalColumnasIgnoradas)}): ${informe.columnasIgnoradas.join(', ')}` +
        (otras > 0 ? ` y ${formatearNumero(otras)} más` : ''),
    );
  }
  if (informe.novedades.length > 0) {
    lineas.push(`  Cambios en el catálogo (${n(informe.novedades.length)}):`);
    for (const novedad of informe.novedades) lineas.push(`    ${novedad}`);
  }
  if (informe.totalAvisos > 0) {
    lineas.push(`  Avisos (${n(informe.totalAvisos)}), filas aceptadas con una nota:`);
    for (const a of informe.avisos.slice(0, 10)) {
      lineas.push(`    fila ${a.fila}, ${a.columna}${a.valor ? ` «${a.valor}»` : ''}: ${a.nota}`);
    }
  }
  if (informe.rechazos.length > 0) {
    lineas.push('  Primeros rechazos:');
    for (const r of informe.rechazos.slice(0, 10)) {
      const donde = r.columna ? `${r.columna}${r.valor ? ` «${r.valor}»` : ''}` : 'fila';
      lineas.push(`    fila ${r.fila}, ${donde}: ${r.motivo}`);
    }
    if (informe.id)
      lineas.push(`  Todos los rechazos: GET /api/v1/importaciones/${informe.id}/rechazos`);
    if (informe.id && informe.rechazos.some((r) => r.catalogo))
      lineas.push(
        `  Valores desconocidos: asócielos en Importaciones del tablero (o POST /api/v1/alias) y vuelva a procesar las filas: POST /api/v1/importaciones/${informe.id}/reintento`,
      );
  }
  return lineas.join('\n');
}
