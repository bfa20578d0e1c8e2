import { describe, expect, it } from 'vitest';
import { renderResultText } from '../cli/renderResultText.js';
import { validateProfile } from '../profile/validateProfile.js';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { score } from './score.js';
import type { ResultItem } from './types.js';

/** Issue 14: "what the next band needs" is true; each corrected hint is pinned here. */
const item = (profile: unknown, id: string): ResultItem =>
  score(validateProfile(profile), {}, testPolicy.rules).items.find((i) => i.id === id)!;
const pointsOn = (profile: Record<string, unknown>, id: string, asOf: string): number =>
  score(validateProfile({ ...profile, asOf }), { assumeRulesContinue: true }, testPolicy.rules).items.find(
    (i) => i.id === id,
  )!.points;

describe('insurance_base hints', () => {
  it('for an asOf in the past, names the wage figure in force then, not the latest', () => {
    // 35 of the 36 months at ≥ 0.8× (v2013 needs all 36): one more month at 0.8 × 5036 (2014-04 .. 2015-03).
    const i = item(
      {
        asOf: '2014-06-15',
        birthDate: '1985-01-01',
        contributions: [{ from: '2011-07', to: '2014-05', base: 4500 }],
      },
      'insurance_base',
    );
    expect(i.points).toBe(0);
    expect(i.nextStep).toEqual({
      kind: 'contribute_months',
      months: 1,
      monthlyBase: 4029,
      minRatio: 0.8,
      wageFigure: 5036,
      date: '2014-07-01',
      points: 25,
    });
    expect(i.next).toContain('5036');
    expect(i.next).toContain('4029');
    expect(i.next).not.toMatch(/12434|12307/);
  });

  it('35 of 36 months at 2×: one more month reaches 100, not 25', () => {
    const p = {
      asOf: '2025-09-15',
      birthDate: '1985-01-01',
      contributions: [{ from: '2022-10', to: '2025-08', base: 30000 }],
    };
    const i = item(p, 'insurance_base');
    expect(i.points).toBe(0);
    expect(i.nextStep).toMatchObject({ kind: 'contribute_months', months: 1, minRatio: 2, points: 100 });
    expect(i.next).toContain('100 分');
  });

  it('v2013 gap: suggests no month that cannot close it (the gap must leave the 36-month window)', () => {
    const p = {
      asOf: '2014-03-15',
      birthDate: '1985-01-01',
      contributions: [
        { from: '2011-03', to: '2011-04', base: 5000 },
        { from: '2011-06', to: '2014-02', base: 5000 },
      ],
    };
    const i = item(p, 'insurance_base');
    expect(i.points).toBe(0);
    expect(i.nextStep).toMatchObject({ months: 3, date: '2014-06-01' });
    expect(i.next).toContain('3 个月');
  });
});

describe('other hints', () => {
  it('10 points from hiring: the tax route needs 200 000 for the next 10', () => {
    const i = item(
      {
        asOf: '2025-06-15',
        birthDate: '1980-01-01',
        investment: { share: 1, annualTax: [], hukouEmployees: [10, 10, 10] },
      },
      'investment',
    );
    expect(i.points).toBe(10);
    expect(i.next).toContain('可得 20 分');
    expect(i.next).toContain('200000 元');
    expect(i.next).toContain('20 人');
  });

  it('before 2019-08-20 the key-area hint names 临港地区 from the data, not 临港新片区', () => {
    const i = item({ asOf: '2018-06-15', birthDate: '1985-01-01' }, 'key_area');
    expect(i.next).toContain('临港地区');
    expect(i.next).not.toContain('临港新片区');
  });

  it('married on 02-29: no year promised on 02-28 of a common year (one anniversary rule)', () => {
    const p = {
      asOf: '2021-02-28',
      birthDate: '1985-01-01',
      spouse: { shanghaiHukou: true, marriageDate: '2020-02-29' },
    };
    const i = item(p, 'spouse_hukou');
    expect(i.points).toBe(0);
    expect(i.next).toContain('2021-03-01');
    expect(i.nextStep).toEqual({ kind: 'full_years', of: 'marriage', date: '2021-03-01', points: 4 });
    expect(pointsOn(p, 'spouse_hukou', '2021-03-01')).toBe(4);
  });

  it('a senior title beats every degree: no education hint; the title hint is gone too at the top', () => {
    const p = {
      asOf: '2025-09-15',
      birthDate: '1985-01-01',
      education: [{ level: 'associate' }],
      qualifications: [{ type: 'title', level: 'senior', route: 'exam' }],
      contributions: [{ from: '2020-01', to: null, base: 20000 }],
    };
    const r = score(validateProfile(p), {}, testPolicy.rules);
    const edu = r.items.find((i) => i.id === 'education')!;
    expect(r.items.find((i) => i.id === 'qualification')!.points).toBe(140);
    expect(edu.next).toBeNull();
    expect(edu.nextStep).toBeNull();
  });

  it('education hints only the degrees scoring more than the counted title', () => {
    const p = {
      asOf: '2025-09-15',
      birthDate: '1985-01-01',
      education: [{ level: 'associate' }],
      qualifications: [{ type: 'title', level: 'intermediate' }],
      contributions: [{ from: '2020-01', to: null, base: 20000 }],
    };
    const edu = item(p, 'education');
    expect(edu.next).toBe('取得博士研究生学历学位可得 110 分。');
    expect(edu.nextStep).toEqual({
      kind: 'credential',
      add: { education: { level: 'doctor', degree: true } },
      points: 110,
    });
  });

  it('an area not recognised on asOf: a Chinese explanation and a next step', () => {
    const i = item(
      {
        asOf: '2020-06-15',
        birthDate: '1985-01-01',
        keyArea: [{ area: 'new_town', from: '2016-01', to: null }],
      },
      'key_area',
    );
    expect(i.explanation).toContain('五个新城');
    expect(i.explanation).not.toContain('new_town');
    expect(i.next).toContain('五个新城');
    expect(i.nextStep).toMatchObject({
      kind: 'full_years',
      of: 'key_area',
      area: 'new_town',
      date: '2021-03-01',
    });
  });

  it('a title without route is treated as exam, and the explanation says so', () => {
    const i = item(
      {
        asOf: '2025-09-15',
        birthDate: '1985-01-01',
        qualifications: [{ type: 'title', level: 'intermediate', obtainedWhileWorkingInShanghai: false }],
        contributions: [{ from: '2020-01', to: null, base: 20000 }],
      },
      'qualification',
    );
    expect(i.points).toBe(100);
    expect(i.explanation).toContain('按考试取得计');
  });
});

describe('fen boundary, citations and wording', () => {
  it('99 999.997 is below 100 000 (investment) and 12 433.997 below 12 434 (base condition)', () => {
    const inv = item(
      {
        asOf: '2025-06-15',
        birthDate: '1980-01-01',
        investment: { share: 1, annualTax: [99999.997, 99999.997, 99999.997] },
      },
      'investment',
    );
    expect(inv.points).toBe(0);
    // 2025-03..06 reach 12 307; 2025-07..12 (figure 12 434) must not: 4 months < 6.
    const q = item(
      {
        asOf: '2026-01-15',
        birthDate: '1985-01-01',
        qualifications: [{ type: 'title', level: 'intermediate', route: 'exam' }],
        contributions: [{ from: '2025-03', to: null, base: 12433.997 }],
      },
      'qualification',
    );
    expect(q.points).toBe(0);
  });

  it('veto, award and public service cite 解读/第十三条', () => {
    const r = score(
      validateProfile({
        asOf: '2025-06-15',
        birthDate: '1980-01-01',
        awards: [{ level: 'national' }],
        records: [{ type: 'serious_criminal', date: '2010-01-01' }],
      }),
      {},
      testPolicy.rules,
    );
    expect(r.vetoDetails![0]!.citations.join()).toContain('政策解读》八');
    expect(r.items.find((i) => i.id === 'award')!.citations!.join()).toContain('政策解读》七');
    expect(r.items.find((i) => i.id === 'public_service')!.citations!.join()).toContain('第十三条');
    expect(r.items.find((i) => i.id === 'public_service')!.next).toContain('环卫一线');
  });

  it('warnings carry no "Decision:" and no "。）。"; 0-point items keep their 依据 line', () => {
    const r = score(
      validateProfile({
        asOf: '2025-06-15',
        birthDate: '1980-01-01',
        records: [{ type: 'family_planning', date: '2020-01-01' }],
      }),
      {},
      testPolicy.rules,
    );
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) {
      expect(w).not.toContain('Decision');
      expect(w).not.toContain('。）。');
    }
    const lines = renderResultText(r).split('\n');
    const heads = lines.flatMap((l, k) => (/^ {2}\S.* 分$/.test(l) ? [k] : []));
    expect(heads.length).toBe(r.items.length);
    for (const k of heads) {
      const block = lines.slice(k + 1, k + 4).join('\n');
      expect(block, lines[k]).toContain('依据：');
    }
  });
});
