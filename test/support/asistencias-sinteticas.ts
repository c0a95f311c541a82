import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const MUNICIPIOS = ['05001', '76001', '54001', '44001', '73001'];

/** An asistencias CSV of `filas` distinct people spread over the 38 workshops. */
export async function escribirAsistencias(ruta: string, filas: number): Promise<void> {
  const salida = createWriteStream(ruta);
  salida.write(
    'codigo_actividad,tipo_documento,numero_documento,nombre,codigo_municipio,modalidad,fecha\n',
  );
  for (let i = 0; i < filas; i++) {
    const taller = String((i % 38) + 1).padStart(2, '0');
    const linea = `F2-TAL-${taller},CC,${10_000_000 + i},Persona ${i},${MUNICIPIOS[i % 5]},presencial,15/08/2023\n`;
    if (!salida.write(linea)) await once(salida, 'drain');
  }
  salida.end();
  await once(salida, 'close');
}
