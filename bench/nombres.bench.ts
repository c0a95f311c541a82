/**
 * npm run bench:nombres [-- --filas 1000000 --rondas 2]
 * What reading municipalities by name costs an import: the same attendance
 * rows imported once with the municipality's DIVIPOLA code and once with its
 * name and department, as files write them (DANE's name, in capitals,
 * without accents, or a common name such as "Cali" or "Mompós"; the
 * department by name), each import in a fresh database on the same server,
 * alternated over the rounds. Prints each time, the best of each, and the
 * overhead of names against codes (target: under 20 %).
 */
import { DIVIPOLA, NOMBRES_COMUNES_MUNICIPIO } from '@tablero/domain';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baseDeBench, formatoEsCo as n } from './servidor';
import { carpetaDeBench } from './medicion';

type Forma = 'codigo' | 'nombre';

interface Medida {
  filas: { leidas: number; aceptadas: number; rechazadas: number };
  segundos: number;
}

const OBJETIVO = 0.2;
const departamentos = new Map(DIVIPOLA.departamentos.map((d) => [d.codigo, d.nombre]));
const comunes = new Map(NOMBRES_COMUNES_MUNICIPIO.map((c) => [c.codigo, c.nombre]));
const sinTildes = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Row i's municipality and department as a person would write them (four ways, in turn). */
function comoSeEscribe(i: number): [string, string] {
  const m = DIVIPOLA.municipios[i % DIVIPOLA.municipios.length];
  const d = departamentos.get(m.departamento)!;
  switch (Math.floor(i / DIVIPOLA.municipios.length) % 4) {
    case 0:
      return [d, m.nombre];
    case 1:
      return [d.toUpperCase(), m.nombre.toUpperCase()];
    case 2:
      return [sinTildes(d), sinTildes(m.nombre).toLowerCase()];
    default:
      return [d, comunes.get(m.codigo) ?? m.nombre];
  }
}

const campo = (t: string) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

/** The same people at the same workshops, the municipality by code or by name and department. */
async function escribir(ruta: string, filas: number, forma: Forma): Promise<void> {
  const salida = createWriteStream(ruta);
  salida.write(
    forma === 'codigo'
      ? 'codigo_actividad,tipo_documento,numero_documento,nombre,codigo_municipio,modalidad,fecha\n'
      : 'codigo_actividad,tipo_documento,numero_documento,nombre,departamento,municipio,modalidad,fecha\n',
  );
  for (let i = 0; i < filas; i++) {
    const actividad = `F2-TAL-${String((i % 38) + 1).padStart(2, '0')}`;
    const lugar =
      forma === 'codigo'
        ? DIVIPOLA.municipios[i % DIVIPOLA.municipios.length].codigo
        : comoSeEscribe(i).map(campo).join(',');
    const linea = `${actividad},CC,${10_000_000 + i},Persona ${i},${lugar},presencial,15/08/2023\n`;
    if (!salida.write(linea)) await once(salida, 'drain');
  }
  salida.end();
  await once(salida, 'close');
}

/** One import in a process of its own, on a fresh database. */
async function importar(archivo: string): Promise<Medida> {
  const base = await baseDeBench('bench_nombres');
  try {
    const salida = execFileSync(
      process.execPath,
      [join(__dirname, 'importar-una-vez.js'), base.url, 'asistencias', archivo],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return JSON.parse(salida.trim().split('\n').pop()!) as Medida;
  } finally {
    await base.cerrar();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      filas: { type: 'string', default: '1000000' },
      rondas: { type: 'string', default: '2' },
    },
  });
  const filas = Number(values.filas);
  const rondas = Number(values.rondas);
  const carpeta = carpetaDeBench('nombres');
  const archivos: Record<Forma, string> = {
    codigo: join(carpeta, 'asistencias-por-codigo.csv'),
    nombre: join(carpeta, 'asistencias-por-nombre.csv'),
  };
  await escribir(archivos.codigo, filas, 'codigo');
  await escribir(archivos.nombre, filas, 'nombre');
  const tamano = (f: Forma) => `${n.format(statSync(archivos[f]).size / 1048576)} MB`;
  console.log(
    `Importación de ${n.format(filas)} asistencias en ${n.format(DIVIPOLA.municipios.length)} municipios: ` +
      `por código (${tamano('codigo')}) y por nombre y departamento (${tamano('nombre')}), ${rondas} rondas alternadas`,
  );
  const segundos: Record<Forma, number[]> = { codigo: [], nombre: [] };
  for (let ronda = 1; ronda <= rondas; ronda++) {
    for (const forma of ['codigo', 'nombre'] as const) {
      const medida = await importar(archivos[forma]);
      if (medida.filas.aceptadas !== filas)
        throw new Error(
          `Se esperaban ${filas} filas aceptadas ${forma}: ${JSON.stringify(medida.filas)}`,
        );
      segundos[forma].push(medida.segundos);
      console.log(
        `  ronda ${ronda}, por ${forma}: ${n.format(medida.segundos)} s (${n.format(Math.round(filas / medida.segundos))} filas/s)`,
      );
    }
  }
  const mejor = (f: Forma) => Math.min(...segundos[f]);
  const relacion = mejor('nombre') / mejor('codigo');
  console.log(
    `  Mejor por código: ${n.format(mejor('codigo'))} s; por nombre: ${n.format(mejor('nombre'))} s`,
  );
  console.log(
    `  Relación nombre / código: ${n.format(relacion)} × (+${n.format((relacion - 1) * 100)} %; objetivo: < +${OBJETIVO * 100} %) → ${
      relacion - 1 < OBJETIVO ? 'CUMPLE' : 'NO CUMPLE'
    }`,
  );
}

void main();
