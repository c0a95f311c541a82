import { ChildProcess, spawn } from 'node:child_process';
import { rutaDelProyecto } from '@tablero/config';

/** The built server, whether this file runs from test/ (Jest) or from dist/ (a benchmark). */
const MAIN = rutaDelProyecto('dist', 'apps', 'api', 'src', 'main.js');

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves when the output matches, rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited(): Promise<number | null>;
}

/** `npm start` as a user runs it: the built server, with this environment and no DATABASE_URL. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...base, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited: () => exit,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (pattern.test(text)) {
            clearInterval(poll);
            resolve();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`No apareció ${pattern} en la salida del servidor:\n${text}`));
          }
        }, 50);
      }),
  };
}
