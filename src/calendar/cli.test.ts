import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_CALENDAR_DIR, loadWorkCalendar } from './loadWorkCalendar.js';

/** `./bin/jifen workdays …` and `./bin/jifen calendar …` as a user runs them. */
const JIFEN = fileURLToPath(new URL('../../bin/jifen', import.meta.url));

function jifen(args: string[]) {
  const r = spawnSync(JIFEN, args, { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same, asynchronously, so that independent runs go in parallel. */
function jifenAsync(args: string[], tz: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      JIFEN,
      args,
      { encoding: 'utf8', env: { ...process.env, TZ: tz }, cwd: tmpdir() },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    );
  });
}

const temp = mkdtempSync(path.join(tmpdir(), 'jifen-cal-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Each run starts node with tsx (about a second); allow for a loaded machine.
describe('jifen workdays', { timeout: 90_000 }, () => {
  it('prints the 20th working day after 2025-09-28, from any working directory', () => {
    expect(jifen(['workdays', 'add', '2025-09-28', '20'])).toEqual({ code: 0, out: '2025-10-31\n', err: '' });
    expect(jifen(['workdays', 'between', '2025-09-28', '2025-10-31']).out).toBe('20\n');
    expect(jifen(['workdays', 'between', '2025-10-31', '2025-09-28']).out).toBe('-20\n');
  });

  it('gives the same answers whatever the time zone of the process', async () => {
    const cases: Array<[string, number]> = [
      ['2025-09-28', 20],
      ['2026-02-13', 1],
      ['2026-02-10', 20],
      ['2018-12-28', 2],
    ];
    const cal = loadWorkCalendar();
    const expected = cases.map(([d, n]) => `${cal.addWorkdays(d, n)}`).join(',');
    // West of UTC a Date built from a local date shifts by a day; UTC+14 is the far side.
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      const got = await Promise.all(cases.map(([d, n]) => jifenAsync(['workdays', 'add', d, String(n)], tz)));
      expect(got.join(','), tz).toBe(expected);
    }
  });

  it('exits 2 with a Chinese message on bad input or a missing year', () => {
    const notDate = jifen(['workdays', 'add', '2025-02-30', '1']);
    expect(notDate.code).toBe(2);
    expect(notDate.err).toContain('不是有效的日期: 2025-02-30');
    const badN = jifen(['workdays', 'add', '2025-01-02', '-3']);
    expect(badN.code).toBe(2);
    const missing = jifen(['workdays', 'add', '2026-12-25', '10']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toContain('缺少 2027 年的工作日历数据，请管理员先加载该年度国务院节假日安排');
    expect(jifen(['workdays', 'between', '2012-12-31', '2013-01-04']).err).toContain('缺少 2012 年');
    expect(jifen(['workdays', 'add', '2025-01-02']).code).toBe(2);
  });
});

describe('jifen calendar', { timeout: 90_000 }, () => {
  it('shows a year’s holidays and make-up days', () => {
    const r = jifen(['calendar', 'show', '2025']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('国办发明电〔2024〕12号');
    expect(r.out).toContain('2025-10-08 周三');
    expect(r.out).toMatch(/调休上班 \(5 天\):[\s\S]*2025-09-28 周日/);
    expect(jifen(['calendar', 'show', '2027']).code).toBe(2);
    expect(jifen(['calendar', 'show', 'next']).code).toBe(2);
  });

  it('adds a year, refuses to overwrite it without --replace, and the year is then usable', () => {
    const dir = path.join(temp, 'cn');
    cpSync(DEFAULT_CALENDAR_DIR, dir, { recursive: true });
    const file = path.join(temp, '2027.yaml');
    writeFileSync(
      file,
      stringify({
        year: 2027,
        sources: [{ title: '测试用 2027 年安排（非官方）' }],
        holidays: [{ date: '2027-01-01', name: '元旦' }],
      }),
    );
    const added = jifen(['calendar', 'add-year', file, '--dir', dir]);
    expect(added.code).toBe(0);
    expect(added.out).toContain('已加载 2027 年工作日历');
    expect(jifen(['workdays', 'add', '2026-12-25', '10', '--dir', dir]).out).toBe('2027-01-11\n');

    const again = jifen(['calendar', 'add-year', file, '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('2027 年的工作日历已存在');
    expect(jifen(['calendar', 'add-year', file, '--dir', dir, '--replace']).out).toContain('已替换');

    writeFileSync(
      file,
      stringify({
        year: 2028,
        sources: [{ title: 't' }],
        holidays: [{ date: '2028-01-03', name: 'x' }],
        makeupWorkdays: [{ date: '2028-01-04', name: 'x' }],
      }),
    );
    const invalid = jifen(['calendar', 'add-year', file, '--dir', dir]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('$.makeupWorkdays[0].date: 调休上班日应为周六或周日');
    expect(jifen(['calendar', 'add-year', path.join(temp, 'nope.yaml'), '--dir', dir]).code).toBe(2);
  });
});
