import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JIFEN, REPO, runCli } from '../../test/cliRunner.js';

/** Runs the CLI with its standard output a pipe the reader has already closed (`| head -0`). */
function runIntoClosedPipe(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(JIFEN, args, { cwd: REPO, env: { ...process.env, ...env } });
    child.stdout.destroy(); // the reader is gone: every write the CLI makes meets EPIPE
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end();
  });
}

/**
 * `jifen audit verify | head -1`: output into a pipe closed early ends the CLI
 * quietly, as Unix tools do — no EPIPE stack trace on the terminal.
 */
describe('CLI output into a closed pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-epipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('jifen audit verify exits without a stack trace', { timeout: 60_000 }, async () => {
    expect((await runCli(['db', 'migrate'], { env: { JIFEN_DATA_DIR: dir } })).code).toBe(0);
    const r = await runIntoClosedPipe(['audit', 'verify'], { JIFEN_DATA_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('jifen rules exits without a stack trace', { timeout: 60_000 }, async () => {
    const r = await runIntoClosedPipe(['rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
