import { createHmac } from 'node:crypto';

/**
 * A person's pseudonymous key: HMAC-SHA256 of their normalised identity
 * ("doc:CC:1020304050" or "correo:persona@x.gov.co") with the configured
 * secret. Without the secret the key cannot be traced back to the document.
 */
export function seudonimizador(secreto: Buffer): (identidad: string) => Buffer {
  return (identidad) => createHmac('sha256', secreto).update(identidad, 'utf8').digest();
}
