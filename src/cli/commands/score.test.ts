import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cliRunner.js';
import { BATCH_CHUNK } from './score.js';

const good = {
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  education: [{ level: 'bachelor', degree: true }],
  contributions: [{ from: '2024-06', to: null, base: 9000 }],
};

/** Bad input: exit 2, every offending path named on stderr, nothing on stdout, no stack trace. */
async function expectRejected(input: string, paths: string[]) {
  const run = await runCli(['score', '-', '--format', 'json'], { input });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  for (const p of paths) expect(run.stderr).toContain(`${p}:`);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toMatch(/\.ts:\d+/);
  return run;
}

describe('jifen score', { timeout: 60_000 }, () => {
  it('prints a readable Chinese breakdown by default', async () => {
    const run = await runCli(['score', '-'], { input: JSON.stringify(good) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('总分 120');
    expect(run.stdout).toContain('达到标准分值');
    expect(run.stdout).toContain('本科学历+学士学位，积 90 分');
  });

  it('prints the result contract with --format json, lean with --no-explain', async () => {
    const full = JSON.parse(
      (await runCli(['score', '-', '--format', 'json'], { input: JSON.stringify(good) })).stdout,
    );
    expect(full).toMatchObject({
      contract: 1,
      rulesVersion: 'v2023',
      total: 120,
      qualified: true,
      vetoes: [],
      provisional: false,
      warnings: [],
    });
    expect(full.items[0]).toHaveProperty('explanation');
    const lean = JSON.parse(
      (await runCli(['score', '-', '--format', 'json', '--no-explain'], { input: JSON.stringify(good) }))
        .stdout,
    );
    expect(lean.items[0]).toEqual({ id: 'age', group: 'basic', points: 30 });
  });

  it('rejects text that is not JSON', async () => {
    const run = await expectRejected('{"asOf": ', ['$']);
    expect(run.stderr).toContain('不是有效的 JSON');
  });

  it('names every offending path of a bad profile in one answer', async () => {
    await expectRejected(
      JSON.stringify({
        asOf: '2025-02-30',
        birthDate: 19900101,
        nickname: 'x',
        contributions: [
          { from: '2020-05', to: '2020-01', base: -5 },
          { from: '2019-01', to: '2021-01', base: 100 },
        ],
        investment: { share: 1.5 },
      }),
      [
        '$.asOf',
        '$.birthDate',
        '$.nickname',
        '$.contributions[0].to',
        '$.contributions[0].base',
        '$.investment.share',
      ],
    );
  });

  it('rejects overlapping contribution runs', async () => {
    await expectRejected(
      JSON.stringify({
        ...good,
        contributions: [
          { from: '2024-01', to: '2024-12', base: 1 },
          { from: '2024-12', to: null, base: 1 },
        ],
      }),
      ['$.contributions[1]'],
    );
  });

  it('rejects a birth date after the application date', async () => {
    await expectRejected(JSON.stringify({ ...good, birthDate: '2026-01-01' }), ['$.birthDate']);
  });

  it('rejects a date outside every policy version', async () => {
    const run = await expectRejected(JSON.stringify({ ...good, asOf: '2012-01-01' }), ['$.asOf']);
    expect(run.stderr).toContain('不在任何积分政策版本的有效期内');
  });

  it('rejects a missing file with exit 2', async () => {
    const run = await runCli(['score', '/nonexistent/profile.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法读取输入文件');
  });

  it('scores a JSONL batch in input order; a bad line yields an error object and the batch goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-batch-'));
    const file = join(dir, 'in.jsonl');
    const lines = [
      JSON.stringify(good),
      'not json',
      JSON.stringify({ ...good, asOf: '2024-05-06' }),
      '',
      JSON.stringify({ asOf: '2025-01-01' }),
    ];
    writeFileSync(file, lines.join('\n'));
    const run = await runCli(['score', '--batch', file, '--format', 'jsonl']);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ total: 120, asOf: '2025-03-10' });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'not_json' } });
    expect(out[2]).toMatchObject({ asOf: '2024-05-06' });
    expect(out[3]).toMatchObject({ line: 5, error: { code: 'validation_failed' } });
    expect(out[3].error.issues.map((i: { path: string }) => i.path)).toContain('$.birthDate');
    expect(run.stderr).toContain('2 行有误');
  });

  it('ends batch lines at \\n, \\r\\n or \\r, also where a \\r\\n straddles two reads; a line the rules refuse is an error object', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-batch-'));
    const file = join(dir, 'crlf.jsonl');
    // The batch reads the file BATCH_CHUNK bytes at a time: 17 lines of BATCH_CHUNK + 1 bytes in all
    // end the first read just after the 17th line's \r, its \n coming with the second read.
    const width = Math.floor((BATCH_CHUNK + 1) / 17);
    const first = BATCH_CHUNK + 1 - 16 * width;
    const padded = (json: string, w: number) => `${json}${' '.repeat(w - 2 - json.length)}\r\n`;
    const lines = Array.from({ length: 20 }, (_, i) =>
      padded(
        i === 18 ? '{"asOf": "2025-01-01"}' : JSON.stringify({ ...good, asOf: `2025-03-${10 + i}` }),
        i === 0 ? first : width,
      ),
    );
    expect(lines.slice(0, 17).join('').length).toBe(BATCH_CHUNK + 1);
    const outside = JSON.stringify({ ...good, asOf: '2012-01-01' }); // valid, but before every version
    writeFileSync(file, `${lines.join('')}\n${JSON.stringify(good)}\r${outside}`);
    const run = await runCli(['score', '--batch', file, '--format', 'jsonl', '--no-explain']);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // 20 padded lines, an empty line (21), then two lines ended by a lone \r (22, 23).
    expect(out).toHaveLength(22);
    expect(out[17]).toMatchObject({ asOf: '2025-03-27' });
    expect(out[18]).toMatchObject({ line: 19, error: { code: 'validation_failed' } });
    expect(out[19]).toMatchObject({ asOf: '2025-03-29' });
    expect(out[20]).toMatchObject({ total: 120 });
    expect(out[21]).toMatchObject({ line: 23, error: { code: 'no_policy_version' } });
    expect(run.stderr).toContain('20 行成功，2 行有误');
  });
});

describe('jifen rules', { timeout: 60_000 }, () => {
  it('lists the parameters in force on a date with citations', async () => {
    const run = await runCli(['rules', '--at', '2014-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('v2013');
    expect(run.stdout).toContain('《上海市居住证积分管理试行办法》');
    expect(run.stdout).toMatch(/■ 创业人才 [^\n]*\n {2}取值：本版本不设此指标/); // not in force in v2013
    expect(run.stdout).toContain('取值：每满12个月有效缴费积3分'); // Chinese renderings, never keys (issue 14)
    const json = JSON.parse((await runCli(['rules', '--at', '2025-09-01', '--format', 'json'])).stdout);
    expect(json.version.id).toBe('v2023');
    expect(json.parameters.find((p: { key: string }) => p.key === 'age').text).toBe(
      '56—60周岁积5分，年龄每小1岁加2分，最高30分；超过60周岁积0分',
    );
    expect(
      json.parameters.find((p: { key: string }) => p.key === 'insurance_base').citations.length,
    ).toBeGreaterThan(0);
    expect(json.wage).toMatchObject({ month: '2025-09', value: 12434, provisional: false });
  });

  it('rejects a bad date with exit 2', async () => {
    const run = await runCli(['rules', '--at', '2025-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at');
  });
});
