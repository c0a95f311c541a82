/** Files posted to the import API as the dashboard's upload form posts them. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TestApp } from './test-app';

/** The file at `ruta` posted as an import of kind `tipo`; the answer's status and JSON. */
export async function subirArchivo<T>(
  server: TestApp,
  tipo: string,
  ruta: string,
  consulta = '',
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  form.append('archivo', new Blob([readFileSync(ruta)]), basename(ruta));
  const response = await fetch(`${server.baseUrl}/api/v1/importaciones/${tipo}${consulta}`, {
    method: 'POST',
    body: form,
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The file imported with a 200 answer (the test fails showing the answer otherwise); its report. */
export async function importarAceptado<T>(
  server: TestApp,
  tipo: string,
  ruta: string,
  consulta = '',
): Promise<T> {
  const { status, body } = await subirArchivo<T>(server, tipo, ruta, consulta);
  expect({ status, body }).toMatchObject({ status: 200 });
  return body;
}
