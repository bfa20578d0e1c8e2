import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, indexToIsoMonth, isoMonthToIndex } from '../shared/dates.js';
import { isJifenError, type JifenError } from '../shared/errors.js';
import { RULES_DIR } from '../policy/projectPaths.js';
import { loadRulesData } from './loadRulesData.js';
import { RuleSet } from './RuleSet.js';
import { parameterKeys } from './rulesDataSchema.js';

const data = loadRulesData(RULES_DIR);

describe('rules data as published', () => {
  it('loads and carries a content revision', () => {
    expect(data.versions.map((v) => v.id)).toEqual(['v2013', 'v2015', 'v2018', 'v2023']);
    expect(data.revision).toMatch(/^[0-9a-f]{12}$/);
  });

  it('every value has a citation of a registered instrument', () => {
    for (const key of parameterKeys)
      for (const e of data.parameters[key].values) {
        expect(e.cite.length).toBeGreaterThan(0);
        for (const c of e.cite) expect(data.instruments[c.instrument], `${key} ${e.from}`).toBeDefined();
      }
  });

  it('temporal coverage 2013-07-01..2027-12-31: exactly one version and one value of every parameter each day', () => {
    const gaps: string[] = [];
    for (let d = '2013-07-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const versions = data.versions.filter((v) => v.from <= d && d <= v.to).length;
      if (versions !== 1) gaps.push(`${d}: ${versions} versions`);
      for (const key of parameterKeys) {
        const n = data.parameters[key].values.filter((e) => e.from <= d && d <= e.to).length;
        if (n !== 1) gaps.push(`${d} ${key}: ${n} values`);
      }
    }
    expect(gaps.slice(0, 10)).toEqual([]);
  });

  it('the wage table has exactly one figure for every month from 2010-04 to the last published', () => {
    const first = isoMonthToIndex('2010-04');
    const last = isoMonthToIndex(data.wages.figures.at(-1)!.to);
    for (let m = first; m <= last; m++) {
      const month = indexToIsoMonth(m);
      expect(data.wages.figures.filter((f) => f.from <= month && month <= f.to).length, month).toBe(1);
    }
  });

  it('a date outside every version is refused, naming $.asOf', () => {
    const rules = new RuleSet(data);
    for (const d of ['2013-06-30', '2028-01-01']) {
      try {
        rules.at(d);
        expect.unreachable();
      } catch (e) {
        expect(isJifenError(e) && e.code).toBe('no_policy_version');
        expect((e as JifenError).issues[0]!.path).toBe('$.asOf');
      }
    }
  });
});

describe('loading rejects bad data with the file and key path', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  const broken = (file: string, edit: (text: string) => string): JifenError => {
    dir = mkdtempSync(join(tmpdir(), 'jifen-rules-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    try {
      loadRulesData(dir);
    } catch (e) {
      if (isJifenError(e)) return e;
      throw e;
    }
    throw new Error('loaded broken data');
  };

  it('a wrong type names the key path', () => {
    const e = broken('parameters/age.yaml', (t) => t.replace('max: 30', "max: 'thirty'"));
    expect(e.code).toBe('rules_data_invalid');
    expect(e.issues.some((i) => i.path.endsWith('parameters/age.yaml: $.values[0].value.max'))).toBe(true);
  });

  it('overlapping effective dates are refused', () => {
    const e = broken('parameters/award.yaml', (t) => t.replace('from: 2015-07-01', 'from: 2015-06-01'));
    expect(e.issues.some((i) => i.path.endsWith('award.yaml: $.values') && i.message.includes('重叠'))).toBe(true);
  });

  it('an unknown instrument is refused', () => {
    const e = broken('parameters/award.yaml', (t) => t.replace('instrument: measures2015', 'instrument: nowhere'));
    expect(e.issues.some((i) => i.path.endsWith('$.values[1].cite[0].instrument'))).toBe(true);
  });

  it('a gap in the wage table is refused', () => {
    const e = broken('wages.yaml', (t) => t.replace('{ from: 2012-04, to: 2013-03, value: 4331 }', '{ from: 2012-05, to: 2013-03, value: 4331 }'));
    expect(e.code).toBe('rules_data_invalid');
  });

  it('YAML that does not parse names the file', () => {
    const e = broken('versions.yaml', (t) => `${t}\n  - : : [\n`);
    expect(e.issues[0]!.path).toMatch(/versions\.yaml$/);
  });
});
