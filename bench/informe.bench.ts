/**
 * npm run bench:informe [-- --veces 5]
 * The PDF report of each phase over HTTP on the reference data: median and worst time and size,
 * beside the balance workbook of the same phase measured in the same run; the median against the
 * targets (under 2 s and 5 MB).
 */
import 'reflect-metadata';
import { loadConfig } from '@tablero/config';
import { FASES } from '@tablero/domain';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cronometrar, percentil } from './medicion';
import { baseDeBench, formatoEsCo as n, servidorDeBench } from './servidor';

const OBJETIVO_MS = 2000;
const OBJETIVO_BYTES = 5 * 1024 * 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { veces: { type: 'string', default: '5' } } });
  const veces = Number(values.veces);
  const config = loadConfig();
  const base = await baseDeBench('informe');
  const servidor = await servidorDeBench(config, base.url);
  const descargar = async (ruta: string) => {
    const response = await fetch(servidor.base + ruta, { headers: servidor.headers });
    if (response.status !== 200) throw new Error(`${ruta} respondió ${response.status}`);
    return (await response.arrayBuffer()).byteLength;
  };
  const medirRuta = async (ruta: string) => {
    await descargar(ruta); // the first one warms the chart maps and fonts
    const tiempos: number[] = [];
    let bytes = 0;
    for (let i = 0; i < veces; i++) {
      const [tamano, ms] = await cronometrar(() => descargar(ruta));
      tiempos.push(ms);
      bytes = tamano;
    }
    return { mediana: percentil(tiempos, 50), peor: Math.max(...tiempos), bytes };
  };
  try {
    console.log(
      `Informe en PDF por fase, ${veces} veces cada uno tras uno de calentamiento (HTTP)`,
    );
    let cumple = true;
    for (const fase of FASES) {
      const pdf = await medirRuta(`/api/v1/reportes/informe?fase=${fase}`);
      const libro = await medirRuta(`/api/v1/reportes/balance?fase=${fase}`);
      const ok = pdf.mediana < OBJETIVO_MS && pdf.bytes < OBJETIVO_BYTES;
      cumple &&= ok;
      console.log(
        `  Fase ${fase}: PDF mediana ${n.format(Math.round(pdf.mediana))} ms, peor ${n.format(Math.round(pdf.peor))} ms, ` +
          `${n.format(Math.round(pdf.bytes / 1024))} KB; balance .xlsx mediana ${n.format(Math.round(libro.mediana))} ms, ` +
          `${n.format(Math.round(libro.bytes / 1024))} KB; relación PDF/balance ${n.format(pdf.mediana / libro.mediana)} × ` +
          `[mediana ${ok ? 'cumple' : 'NO cumple'} < 2 s y < 5 MB]`,
      );
    }
    console.log(`Veredicto: ${cumple ? 'cumple' : 'NO cumple'} el objetivo en las tres fases.`);
    // On a shared machine the absolute times follow its load; the ratio to the balance does less.
    console.log(`Carga de la máquina (1 min): ${n.format(loadavg()[0])}`);
  } finally {
    await servidor.cerrar();
    await base.cerrar();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
