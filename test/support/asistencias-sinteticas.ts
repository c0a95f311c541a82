import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const MUNICIPIOS = ['05001', '76001', '54001', '44001', '73001'];

export interface OpcionesSinteticas {
  /** The activity of row i; by default the 38 workshops of phase II in turn. */
  readonly actividad?: (i: number) => string;
  /** The attendance date; null leaves the column empty (the activity's own period applies). */
  readonly fecha?: string | null;
  /** The first document number, so that two files can hold different people. */
  readonly primerDocumento?: number;
}

/** An asistencias CSV of `filas` distinct people. */
export async function escribirAsistencias(
  ruta: string,
  filas: number,
  opciones: OpcionesSinteticas = {},
): Promise<void> {
  const actividad =
    opciones.actividad ?? ((i: number) => `F2-TAL-${String((i % 38) + 1).padStart(2, '0')}`);
  const fecha = opciones.fecha === undefined ? '15/08/2023' : (opciones.fecha ?? '');
  const primero = opciones.primerDocumento ?? 10_000_000;
  const salida = createWriteStream(ruta);
  salida.write(
    'codigo_actividad,tipo_documento,numero_documento,nombre,codigo_municipio,modalidad,fecha\n',
  );
  for (let i = 0; i < filas; i++) {
    const linea = `${actividad(i)},CC,${primero + i},Persona ${i},${MUNICIPIOS[i % 5]},presencial,${fecha}\n`;
    if (!salida.write(linea)) await once(salida, 'drain');
  }
  salida.end();
  await once(salida, 'close');
}
