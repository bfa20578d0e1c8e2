import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is src/http/testing/serverProcess.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>, read from what `npm start` prints. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts the real server (`node --import tsx src/start.ts`, what `npm start` runs)
 * on a free port with the given environment (JIFEN_DATA_DIR or DATABASE_URL),
 * and waits until it prints its URL.
 */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'DATABASE_URL' && k !== 'JIFEN_DATA_DIR' && k !== 'PORT') base[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...base,
      PORT: '0',
      HOST: '127.0.0.1',
      JIFEN_COOKIE_SECURE: 'false',
      JIFEN_THROTTLE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${opts.timeoutMs ?? 60_000} ms:\n${out}`));
    }, opts.timeoutMs ?? 60_000);
    const poll = setInterval(() => {
      const m = /http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    }, 20);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`the server exited (${code}) before serving:\n${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}
