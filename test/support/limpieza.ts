/** Each e2e test file deletes the folder its fixture files were written to (support/fixtures.ts). */
import { rmSync } from 'node:fs';
import { carpeta } from './fixtures';

afterAll(() => rmSync(carpeta, { recursive: true, force: true }));
