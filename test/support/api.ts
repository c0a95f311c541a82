/** The API's JSON answers as a test reads them. */
import { TestApp } from './test-app';

/** A 2xx JSON answer; otherwise the test fails naming the route, the status and the body. */
export async function jsonDe<T>(server: TestApp, ruta: string, init?: RequestInit): Promise<T> {
  const response = await fetch(server.baseUrl + ruta, init);
  const cuerpo = await response.json();
  if (!response.ok) throw new Error(`${ruta} → ${response.status} ${JSON.stringify(cuerpo)}`);
  return cuerpo as T;
}
