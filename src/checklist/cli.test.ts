import { describe, expect, it } from 'vitest';
import { BAD, ELIGIBLE } from '../../test/cliProfiles.js';
import { runCli } from '../../test/cliRunner.js';

/** `./bin/jifen checklist` as a user runs them. */
describe('jifen checklist', { timeout: 90_000 }, () => {
  it('prints the JSON checklist and exits 0', async () => {
    const r = await runCli(['checklist', '-', '--format', 'json'], { input: ELIGIBLE });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['asOf', 'catalogueRevision', 'items', 'warnings']);
    const byId = Object.fromEntries(out.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.education_certificates.neededFor).toEqual(['education']);
    expect(byId.spouse_id_document.neededFor).toEqual(['family']);
    for (const i of out.items)
      expect(i).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          issuer: expect.any(String),
          form: expect.any(String),
          neededFor: expect.any(Array),
          reason: expect.any(String),
          citations: expect.any(Array),
        }),
      );
  });

  it('prints a readable Chinese list by default', async () => {
    const r = await runCli(['checklist', '-'], { input: ELIGIBLE });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【基本材料】');
    expect(r.stdout).toContain('用于：教育背景');
  });

  it('bad input: exit 2, JSON paths named, nothing on stdout', async () => {
    const r = await runCli(['checklist', '-'], { input: BAD });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('$.family.children[0].birthDate');
    expect(r.stderr).toContain('$.records[0].serious');
  });
});
