import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cliRunner.js';

const dir = mkdtempSync(join(tmpdir(), 'jifen-impact-'));
const reform = join(dir, 'reform.yaml');
writeFileSync(reform, 'name: 标准分值降至110分\nfrom: 2025-01-01\nparameters:\n  standard: 110\n');

describe('jifen impact', { timeout: 60_000 }, () => {
  it('synth → impact: a report in JSON and in Chinese text, progress only when asked', async () => {
    const pop = join(dir, 'pop.jsonl');
    expect((await runCli(['synth', '--count', '300', '--seed', '5', '--out', pop])).code).toBe(0);
    const [json, text] = await Promise.all([
      runCli(['impact', '--population', pop, '--reform', reform, '--format', 'json']),
      runCli(['impact', '--population', pop, '--reform', reform, '--progress']),
    ]);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const r = JSON.parse(json.stdout);
    expect(r.population).toEqual({ lines: 300, profiles: 300 });
    expect(r.after.qualified).toBeGreaterThanOrEqual(r.before.qualified);
    expect(r.crossedUp).toBe(r.after.qualified - r.before.qualified);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('达标人数');
    expect(text.stdout).toContain('按区');
    expect(text.stdout).toContain('按年龄段');
    expect(text.stderr).toContain('政策影响测算');
  });
  it('bad population lines: exit 2, line numbers and JSON paths, nothing on stdout', async () => {
    const pop = join(dir, 'bad.jsonl');
    writeFileSync(
      pop,
      `${JSON.stringify({ asOf: '2025-03-10', birthDate: '1990-01-01' })}\n{"id":"a","profile":{"asOf":"2025-03-10"}}\n`,
    );
    const run = await runCli(['impact', '--population', pop, '--reform', reform]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('第 2 行 $.profile.birthDate');
  });
  it('bad reform file: exit 2 with the key path; missing files and options too', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\nfrom: 2025-01-01\nparameters:\n  age: { max: -1, foo: 2 }\n');
    const pop = join(dir, 'one.jsonl');
    writeFileSync(pop, `${JSON.stringify({ asOf: '2025-03-10', birthDate: '1990-01-01' })}\n`);
    const run = await runCli(['impact', '--population', pop, '--reform', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('$.parameters.age.foo');
    const missing = await runCli(['impact', '--population', join(dir, 'nope.jsonl'), '--reform', reform]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--population');
    const noReform = await runCli(['impact', '--population', pop]);
    expect(noReform.code).toBe(2);
    expect(noReform.stderr).toContain('--reform');
  });
});
