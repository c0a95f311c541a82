/**
 * npm run bench:export (after npm run bench:data, which fills tablero_bench)
 * Rows/s of the detail export from PostgreSQL to .xlsx beside exceljs'
 * streaming writer writing the same rows from memory, measured in the same
 * run, with the peak RSS of each at 100.000 and 1.000.000 rows; then the time
 * to render one chart to PNG.
 */
import 'reflect-metadata';
import { GRAFICO, renderizarPng, renderizarSvg } from '@tablero/charts';
import { loadConfig } from '@tablero/config';
import { connectDatabase } from '@tablero/database';
import { FUENTE } from '@tablero/domain';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { urlDeBench } from './data.bench';
import { formatoEsCo as n } from './servidor';
import { carpetaDeBench } from './medicion';

interface Medida {
  filas: number;
  segundos: number;
  rssPicoMb: number;
}

function exportar(url: string, modo: 'db' | 'memoria', filas: number, carpeta: string): Medida {
  const archivo = join(carpeta, `${modo}-${filas}.xlsx`);
  const salida = execFileSync(
    process.execPath,
    [join(__dirname, 'exportar-una-vez.js'), url, modo, String(filas), archivo],
    {
      encoding: 'utf8',
    },
  );
  rmSync(archivo, { force: true });
  return JSON.parse(salida.trim().split('\n').pop()!) as Medida;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const servidor = await connectDatabase(config, 'shared');
  const url = urlDeBench(servidor.url);
  const carpeta = carpetaDeBench('exportacion');
  try {
    console.log('Exportación de detalle a .xlsx (tablero_bench)');
    for (const filas of [100_000, 1_000_000]) {
      const db = exportar(url, 'db', filas, carpeta);
      const memoria = exportar(url, 'memoria', filas, carpeta);
      if (db.filas !== filas) throw new Error(`Se exportaron ${db.filas} filas en vez de ${filas}`);
      console.log(
        `  ${n.format(filas)} filas: desde PostgreSQL ${n.format(Math.round(filas / db.segundos))} filas/s ` +
          `(${n.format(db.segundos)} s, RSS pico ${n.format(Math.round(db.rssPicoMb))} MB); escritor de exceljs solo ` +
          `${n.format(Math.round(filas / memoria.segundos))} filas/s (${n.format(memoria.segundos)} s, RSS pico ` +
          `${n.format(Math.round(memoria.rssPicoMb))} MB); relación ${n.format(memoria.segundos / db.segundos)} ×`,
      );
    }
    const grafico = GRAFICO.get('asistencias-por-departamento')!;
    const filasGrafico = Array.from({ length: 15 }, (_, i) => ({
      etiqueta: `Departamento ${i + 1}`,
      valor: 1000 * (15 - i),
      texto: n.format(1000 * (15 - i)),
    }));
    const contexto = {
      filtrosEnPalabras: 'Toda la estrategia',
      fechaCorte: '31/12/2023',
      fuente: FUENTE,
      unidad: 'asistencias',
    };
    const tiempos: number[] = [];
    for (let i = 0; i < 12; i++) {
      const inicio = process.hrtime.bigint();
      renderizarPng(renderizarSvg(grafico.opcion(filasGrafico, contexto), 1200, 675), 1200, 1);
      tiempos.push(Number(process.hrtime.bigint() - inicio) / 1e6);
    }
    tiempos.sort((a, b) => a - b);
    console.log(
      `Un gráfico a PNG (1200 × 675, ECharts SVG + resvg): mediana ${n.format(Math.round(tiempos[6]))} ms`,
    );
  } finally {
    await servidor.stop();
  }
}

void main();
