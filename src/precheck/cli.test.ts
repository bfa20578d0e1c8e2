import { describe, expect, it } from 'vitest';
import { BAD, ELIGIBLE } from '../../test/cliProfiles.js';
import { runCli } from '../../test/cliRunner.js';

/** `./bin/jifen check` as a user runs them. */
describe('jifen check', { timeout: 90_000 }, () => {
  it('prints the JSON result and exits 0 when eligible', async () => {
    const r = await runCli(['check', '-', '--format', 'json'], { input: ELIGIBLE });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual([
      'asOf',
      'conditions',
      'dataRevision',
      'eligible',
      'notes',
      'rulesVersion',
    ]);
    expect(out.eligible).toBe(true);
    expect(out.conditions).toHaveLength(15);
    for (const c of out.conditions)
      expect(Object.keys(c).sort()).toEqual(['citations', 'code', 'detail', 'passed', 'reason', 'status']);
  });

  it('exits 0 with the reasons when not eligible (the check ran)', async () => {
    const p = JSON.parse(ELIGIBLE);
    p.employer.kind = 'individual_business';
    delete p.permit;
    const r = await runCli(['check', '-'], { input: JSON.stringify(p) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('暂不能申请：1 项不符合，4 项待确认');
    expect(r.stdout).toContain('个体工商户');
    expect(r.stdout).not.toContain('employer_kind_eligible'); // the code stays in the JSON output (issue 14)
  });

  it('bad input: exit 2, every JSON path named on stderr, nothing on stdout', async () => {
    const r = await runCli(['check', '-', '--format', 'json'], { input: BAD });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const path of [
      '$.permit.status',
      '$.permit.validUntil',
      '$.employer.district',
      '$.records[0].serious',
      '$.family.children[0].birthDate',
    ])
      expect(r.stderr).toContain(path);
  });

  it('exit 2 for an unknown format, a missing file, or not JSON', async () => {
    expect((await runCli(['check', '-', '--format', 'xml'], { input: ELIGIBLE })).code).toBe(2);
    const missing = await runCli(['check', '/nonexistent/profile.json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect((await runCli(['check', '-'], { input: '{' })).code).toBe(2);
  });
});
