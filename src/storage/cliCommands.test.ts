import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerDbCommand } from '../cli/commands/db.js';
import { registerImportCommand } from '../cli/commands/import.js';
import { isJifenError } from '../shared/errors.js';
import { appendAuditEvent } from './auditLog.js';
import { allowTampering } from './testing/allowTampering.js';
import { ENGINES } from './testing/bothEngines.js';
import { createTestDatabase, type TestDatabase } from './testing/createTestDatabase.js';
import { syntheticIdNumber, T0 } from './testing/fixtures.js';

/**
 * The storage commands of the CLI. `db` and `import` run in-process through
 * commander (fast); `audit verify` runs through `./bin/jifen` for its real exit codes.
 */

const BIN = resolve(import.meta.dirname, '../../bin/jifen');
const spawnCli = async (args: string[], env: Record<string, string>) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(BIN, args, {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe.each(ENGINES)('CLI storage commands [%s]', (engine) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, JIFEN_DATA_DIR: process.env.JIFEN_DATA_DIR };
  const dir = mkdtempSync(join(tmpdir(), 'jifen-cli-'));

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    env =
      engine === 'sqlite'
        ? { JIFEN_DATA_DIR: dirname(t.location), DATABASE_URL: '' }
        : { DATABASE_URL: t.location };
  });
  afterAll(async () => {
    await t?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** Runs a command in-process against the test database and returns what it printed. */
  async function inProcess(args: string[]): Promise<string> {
    Object.assign(process.env, env);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const program = new Command().exitOverride();
    registerDbCommand(program);
    registerImportCommand(program);
    await program.parseAsync(['node', 'jifen', ...args]);
    return out;
  }

  it('db migrate is a no-op on a migrated database; db status lists the migrations', async () => {
    expect(await inProcess(['db', 'migrate'])).toContain('已是最新版本');
    expect(await inProcess(['db', 'status'])).toMatch(/^0001_core\t\d{4}-/);
  });

  it('import: a file, the same file again (unchanged), a bad file rejected with line numbers', async () => {
    const id = syntheticIdNumber();
    writeFileSync(join(dir, 'h.csv'), `idNumber,name,birthDate\n${id},王五,1990-05-01\n`);
    writeFileSync(join(dir, 'bad.jsonl'), `{"idNumber":"${id}","name":"王五","birthDate":"1990-5-1"}\n`);
    expect(await inProcess(['import', 'holders', join(dir, 'h.csv'), '--json', '--now', T0])).toContain(
      '"inserted":1',
    );
    expect(await inProcess(['import', 'holders', join(dir, 'h.csv')])).toContain('未变 1 行');
    const error = await inProcess(['import', 'holders', join(dir, 'bad.jsonl')]).catch((e: unknown) => e);
    expect(isJifenError(error) && error.code).toBe('import_rejected');
    expect(isJifenError(error) && error.issues.map((i) => i.path)).toEqual(['第 1 行 $.birthDate']);
  });

  it('./bin/jifen audit verify exits 0 when intact and 1 naming the changed event', async () => {
    for (let i = 0; i < 3; i++) {
      await appendAuditEvent(t.db, {
        at: T0,
        actorId: `u${i}`,
        actorRole: 'admin',
        command: 'export_list',
        payload: { list: 'city_cases', format: 'csv', filters: {}, rows: i, capped: false },
      });
    }
    const cp = await spawnCli(['audit', 'checkpoint', '--now', T0], env);
    expect(cp.code).toBe(0);
    const anchor = /锚点（请另行保存）: (1:[0-9a-f]{64})/.exec(cp.stdout)?.[1];
    expect(anchor).toBeDefined();
    const ok = await spawnCli(['audit', 'verify', '--anchor', anchor!], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`锚点（请另行保存）: ${anchor}`);
    expect(ok.stdout).toContain('共 3 个事件');
    await allowTampering(t.db, 'audit_events');
    const victim = await t.db
      .selectFrom('auditEvents')
      .select('id')
      .where('chain', '=', 'actor:u1')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('auditEvents').set({ command: 'other' }).where('id', '=', victim.id).execute();
    const bad = await spawnCli(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('操作人 u1');
    expect(bad.stderr).toContain(`#1 (${victim.id})`);
  });
});
