import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cliRunner.js';

const low = {
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  education: [{ level: 'associate' }],
  contributions: [{ from: '2021-03', to: null, base: 6000 }],
};

/** Bad input: exit 2, every offending path named on stderr, nothing on stdout. */
async function expectRejected(args: string[], input: string, paths: string[]) {
  const run = await runCli(args, { input });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  for (const p of paths) expect(run.stderr).toContain(`${p}`);
  expect(run.stderr).not.toMatch(/\.ts:\d+/);
}

describe('jifen plan', { timeout: 60_000 }, () => {
  it('prints the Plan contract with --format json', async () => {
    const run = await runCli(['plan', '-', '--format', 'json', '--horizon', '36'], {
      input: JSON.stringify(low),
    });
    expect(run.code).toBe(0);
    const p = JSON.parse(run.stdout);
    expect(p).toMatchObject({ contract: 1, asOf: '2025-03-10', standard: 120, horizonMonths: 36 });
    expect(p.current.total).toBe(92);
    expect(p.baseline.timeline).toHaveLength(37);
    expect(p.options.length).toBeGreaterThan(0);
    for (const o of p.options)
      expect(Object.keys(o)).toEqual([
        'id',
        'actions',
        'reachesStandardOn',
        'totalAtHorizon',
        'bestTotal',
        'assumptions',
        'explanation',
        'effort',
        'provisional',
      ]);
  });
  it('prints a readable Chinese plan by default: baseline, a timeline, ranked options', async () => {
    const run = await runCli(['plan', '-'], { input: JSON.stringify(low) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('维持现状：预计 2035-03-01 达到标准分值');
    expect(run.stdout).toMatch(/2025-03-10 +92 +#+/);
    expect(run.stdout).toMatch(/^\s*1\. /m);
    expect(run.stdout).toContain('假设：');
  });
  it('takes --assume overrides', async () => {
    const run = await runCli(['plan', '-', '--format', 'json', '--assume', 'title.intermediate.months=18'], {
      input: JSON.stringify(low),
    });
    const o = JSON.parse(run.stdout).options.find((x: { id: string }) => x.id === 'title_intermediate');
    expect(o.actions[0]).toContain('2026-09');
  });
  it('bad input: exit 2 with JSON paths, nothing written', async () => {
    await Promise.all([
      expectRejected(['plan', '-'], JSON.stringify({ ...low, birthDate: '1995-02-30', extra: 1 }), [
        '$.birthDate',
        '$.extra',
      ]),
      expectRejected(['plan', '-'], '{', ['$']),
      expectRejected(['plan', '-', '--horizon', '0', '--format', 'xml'], JSON.stringify(low), [
        '--horizon',
        '--format',
      ]),
      expectRejected(['plan', '-', '--assume', 'title.intermediate.months=-3'], JSON.stringify(low), [
        '$.assumptions.title.intermediate.months',
      ]),
      expectRejected(['plan', '/nonexistent/profile.json'], '', ['$']),
    ]);
  });
});
