import { testPolicy } from '../policy/testing/testPolicy.js';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/profileSchema.js';
import { validateProfile } from '../profile/validateProfile.js';
import { RULES_DIR } from '../policy/projectPaths.js';
import { checklist } from './checklist.js';
import { loadMaterialsCatalogue } from './loadMaterialsCatalogue.js';

const BASE = { asOf: '2025-03-10', birthDate: '1990-01-20' };
const profile = (patch: Record<string, unknown> = {}): Profile => validateProfile({ ...BASE, ...patch });
const ids = (patch: Record<string, unknown> = {}) =>
  checklist(profile(patch), testPolicy.catalogue).items.map((i) => i.id);
const item = (id: string, patch: Record<string, unknown>) =>
  checklist(profile(patch), testPolicy.catalogue).items.find((i) => i.id === id);

/** Combines claim patches: lists are concatenated, objects merged (so two claims on `investment` both hold). */
function merge(patches: Array<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of patches)
    for (const [k, v] of Object.entries(p)) {
      const prev = out[k];
      if (Array.isArray(prev) && Array.isArray(v)) out[k] = [...prev, ...v];
      else if (prev && typeof prev === 'object' && v && typeof v === 'object') out[k] = { ...prev, ...v };
      else out[k] = v;
    }
  return out;
}

const BASIC = [
  'unit_introduction_letter',
  'unit_officer_id_card',
  'residence_permit',
  'application_form',
  'holder_id_document',
  'holder_hukou_proof',
  'labour_contract',
  'unit_business_licence',
];

/** Claimed indicator → the profile facts that claim it → the materials it must add (beyond the basic ones). */
const CLAIMS: Record<string, { patch: Record<string, unknown>; adds: string[] }> = {
  education: {
    patch: { education: [{ level: 'bachelor', degree: true, fullTime: true }] },
    adds: ['education_certificates'],
  },
  education_not_full_time: {
    patch: { education: [{ level: 'bachelor', degree: true, fullTime: false }] },
    adds: ['education_certificates', 'education_study_records'],
  },
  education_foreign: {
    patch: { education: [{ level: 'master', degree: true, foreign: true }] },
    adds: ['education_certificates', 'foreign_degree_certification'],
  },
  title_by_exam: {
    patch: { qualifications: [{ type: 'title', level: 'intermediate', route: 'exam' }] },
    adds: ['title_certificate', 'qualification_exam_register', 'appointment_letter'],
  },
  title_by_review: {
    patch: { qualifications: [{ type: 'title', level: 'senior', route: 'review' }] },
    adds: ['title_certificate', 'appointment_letter'],
  },
  registered_certificate: {
    patch: {
      qualifications: [{ type: 'certificate', equivalentLevel: 'intermediate', requiresRegistration: true }],
    },
    adds: [
      'professional_qualification_certificate',
      'qualification_exam_register',
      'qualification_registration_proof',
      'appointment_letter',
    ],
  },
  skill_in_shanghai: {
    patch: { qualifications: [{ type: 'skill', level: 3 }] },
    adds: ['skill_certificate', 'appointment_letter'],
  },
  skill_outside_shanghai: {
    patch: { qualifications: [{ type: 'skill', level: 2, obtainedWhileWorkingInShanghai: false }] },
    adds: ['skill_certificate', 'skill_national_verification', 'appointment_letter'],
  },
  insurance: {
    patch: { contributions: [{ from: '2020-01', to: null, base: 12000 }] },
    adds: ['social_insurance_record', 'income_tax_certificate'],
  },
  investment_tax: {
    patch: { investment: { share: 0.5, annualTax: [200000, 200000, 200000] } },
    adds: ['capital_verification_report', 'business_archive_extract', 'tax_details_3_years'],
  },
  investment_employment: {
    patch: { investment: { hukouEmployees: [10, 12, 15] } },
    adds: ['capital_verification_report', 'business_archive_extract', 'hukou_employee_list'],
  },
  award: { patch: { awards: [{ level: 'national' }] }, adds: ['award_certificate'] },
  startup_talent: {
    patch: { startupTalent: true },
    adds: ['capital_verification_report', 'business_archive_extract', 'incubator_contract_and_filing'],
  },
  tech_transfer_talent: { patch: { techTransferTalent: true }, adds: ['tech_transfer_filing'] },
  spouse_hukou: {
    patch: { spouse: { shanghaiHukou: true, marriageDate: '2019-06-01' } },
    adds: ['marriage_certificate', 'spouse_id_document', 'spouse_hukou_proof'],
  },
  shortage_major: {
    patch: { shortageMajor: { onCatalog: true } },
    adds: ['education_certificates', 'other_as_required'],
  },
  key_area: {
    patch: { keyArea: [{ area: 'lingang', from: '2020-01', to: null }] },
    adds: ['other_as_required'],
  },
  public_service: { patch: { publicService: [{ from: '2015-01', to: null }] }, adds: ['other_as_required'] },
  fresh_graduate: { patch: { freshGraduate: true }, adds: ['other_as_required'] },
  dispatched: { patch: { employment: { dispatched: true } }, adds: ['dispatch_agreements'] },
};

describe('checklist: basic materials', () => {
  it('a profile that claims nothing gets the basic materials only, all needed for "basic"', () => {
    const r = checklist(profile(), testPolicy.catalogue);
    expect(r.items.map((i) => i.id)).toEqual(BASIC);
    expect(r.items.every((i) => i.neededFor.length === 1 && i.neededFor[0] === 'basic')).toBe(true);
    expect(r.asOf).toBe('2025-03-10');
    expect(r.warnings).toEqual([]);
  });
  it('original vs copy: the licence is a copy, the stamped form an original, the default is 核对原件、提交复印件', () => {
    const r = checklist(profile(), testPolicy.catalogue);
    const form = Object.fromEntries(r.items.map((i) => [i.id, i.form]));
    expect(form).toMatchObject({
      unit_business_licence: 'copy',
      application_form: 'original',
      residence_permit: 'original_and_copy',
    });
  });
  it('every item has a Chinese name, issuer, reason and a citation', () => {
    const all = checklist(
      profile(merge(Object.values(CLAIMS).map((c) => c.patch))),
      testPolicy.catalogue,
    ).items;
    for (const i of all) {
      expect(i.name && i.issuer && i.reason, i.id).toMatch(/[\u4e00-\u9fff]/);
      expect(i.citations.length, i.id).toBeGreaterThan(0);
      expect(
        i.citations.every((c) => c.startsWith('《')),
        i.id,
      ).toBe(true);
    }
  });
});

describe('checklist: each claimed indicator adds its materials and nothing else', () => {
  for (const [name, { patch, adds }] of Object.entries(CLAIMS)) {
    it(name, () =>
      expect(
        ids(patch)
          .filter((id) => !BASIC.includes(id))
          .sort(),
      ).toEqual([...adds].sort()),
    );
  }

  it('says which claimed indicator needs each line', () => {
    expect(item('income_tax_certificate', CLAIMS.insurance!.patch)!.neededFor).toEqual([
      'insurance_years',
      'insurance_base',
    ]);
    expect(
      item('capital_verification_report', { ...CLAIMS.investment_tax!.patch, startupTalent: true })!
        .neededFor,
    ).toEqual(['investment', 'startup_talent']);
    expect(item('title_certificate', CLAIMS.title_by_exam!.patch)!.neededFor).toEqual(['qualification']);
    expect(item('skill_national_verification', CLAIMS.skill_outside_shanghai!.patch)!.form).toBe('online');
    expect(item('social_insurance_record', CLAIMS.insurance!.patch)!.form).toBe('online');
  });

  it('a title whose route is not stated asks for the exam register and says why', () => {
    const r = item('qualification_exam_register', {
      qualifications: [{ type: 'title', level: 'intermediate' }],
    });
    expect(r!.reason).toContain('未说明职称取得方式');
  });

  it('ignores facts dated after asOf and claims that are false', () => {
    expect(ids({ contributions: [{ from: '2025-04', to: null, base: 9000 }] })).toEqual(BASIC);
    expect(ids({ spouse: { shanghaiHukou: true, marriageDate: '2025-04-01' } })).toEqual(BASIC);
    expect(
      ids({
        spouse: { shanghaiHukou: false },
        startupTalent: false,
        shortageMajor: { onCatalog: false },
        employment: { dispatched: false },
      }),
    ).toEqual(BASIC);
    expect(ids({ investment: { share: 0.5, annualTax: [0, 0, 0], hukouEmployees: [0, 0, 0] } })).toEqual(
      BASIC,
    );
  });

  it('property: every item serves basic, family, or an indicator the profile claims', () => {
    const names = Object.keys(CLAIMS);
    fc.assert(
      fc.property(fc.subarray(names), (chosen) => {
        const p = profile(merge(chosen.map((n) => CLAIMS[n]!.patch)));
        const expected = new Set([...BASIC, ...chosen.flatMap((n) => CLAIMS[n]!.adds)]);
        const got = checklist(p, testPolicy.catalogue).items.map((i) => i.id);
        return got.length === expected.size && got.every((id) => expected.has(id));
      }),
      { numRuns: 200 },
    );
  });
});

describe('checklist: family materials', () => {
  const family = (children: unknown[], spouseUsesBenefits?: boolean) => ({
    family: { children, ...(spouseUsesBenefits === undefined ? {} : { spouseUsesBenefits }) },
  });
  const extra = (patch: Record<string, unknown>) => ids(patch).filter((id) => !BASIC.includes(id));

  it('spouse using the benefits: marriage certificate, spouse ID and hukou proof, for "family"', () => {
    expect(extra({ family: { spouseUsesBenefits: true } })).toEqual([
      'marriage_certificate',
      'spouse_id_document',
      'spouse_hukou_proof',
    ]);
    expect(item('spouse_id_document', { family: { spouseUsesBenefits: true } })!.neededFor).toEqual([
      'family',
    ]);
  });
  it('a child using the benefits: marriage certificate, child hukou proof and birth certificate', () => {
    expect(extra(family([{ birthDate: '2015-05-01' }]))).toEqual([
      'marriage_certificate',
      'child_hukou_proof',
      'child_birth_certificate',
    ]);
  });
  it('a listed child with usesBenefits: false, or born after asOf, adds nothing', () => {
    expect(extra(family([{ birthDate: '2015-05-01', usesBenefits: false }]))).toEqual([]);
    expect(extra(family([{ birthDate: '2025-05-01' }]))).toEqual([]);
    expect(extra({ family: { spouseUsesBenefits: false } })).toEqual([]);
  });
  it('16-year-old boundary: a high-school child needs 就读证明 and 学籍证明 from the 16th birthday on', () => {
    const hs = ['child_school_attendance_proof', 'child_school_register_proof'];
    const turns16Today = extra(family([{ birthDate: '2009-03-10', fullTimeHighSchool: true }]));
    expect(turns16Today).toEqual(expect.arrayContaining(hs));
    const turns16Tomorrow = extra(family([{ birthDate: '2009-03-11', fullTimeHighSchool: true }]));
    expect(turns16Tomorrow.filter((id) => hs.includes(id))).toEqual([]);
    const notInHighSchool = extra(family([{ birthDate: '2008-01-01', fullTimeHighSchool: false }]));
    expect(notInHighSchool.filter((id) => hs.includes(id))).toEqual([]);
  });
  it('names which child each family line is for', () => {
    const r = item(
      'child_school_register_proof',
      family([{ birthDate: '2015-01-01' }, { birthDate: '2008-06-01', fullTimeHighSchool: true }]),
    );
    expect(r!.subjects).toEqual(['第2名子女']);
    expect(r!.reason).toContain('第2名子女');
    expect(
      item('child_birth_certificate', family([{ birthDate: '2015-01-01' }, { birthDate: '2008-06-01' }]))!
        .subjects,
    ).toEqual(['第1名子女', '第2名子女']);
  });
  it('spouse hukou and spouse benefits share one line serving both', () => {
    const r = item('marriage_certificate', {
      spouse: { shanghaiHukou: true },
      family: { spouseUsesBenefits: true },
    });
    expect(r!.neededFor).toEqual(['spouse_hukou', 'family']);
  });
});

describe('loadMaterialsCatalogue', () => {
  const instruments = testPolicy.rules.data.instruments;
  const withFile = (edit: (text: string) => string, run: (root: string) => void) => {
    const root = mkdtempSync(join(tmpdir(), 'jifen-cat-'));
    try {
      mkdirSync(join(root, 'catalogues'));
      writeFileSync(
        join(root, 'catalogues/materials.yaml'),
        edit(readFileSync(join(RULES_DIR, 'catalogues/materials.yaml'), 'utf8')),
      );
      run(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  it('loads the repository catalogue', () =>
    expect(testPolicy.catalogue.materials.length).toBeGreaterThan(30));
  it('names the file and key path of a mistake', () =>
    withFile(
      (t) =>
        t.replace('form: copy', 'form: photocopy').replace('condition: dispatched', 'condition: dispatchd'),
      (root) => {
        let err: unknown;
        try {
          loadMaterialsCatalogue(root, instruments);
        } catch (e) {
          err = e;
        }
        expect(err).toMatchObject({ code: 'rules_data_invalid' });
        const paths = (err as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
        expect(paths.some((p) => /materials\.yaml: \$\.materials\[\d+\]\.form$/.test(p))).toBe(true);
        expect(
          paths.some((p) => /materials\.yaml: \$\.materials\[\d+\]\.requiredWhen\[0\]\.condition$/.test(p)),
        ).toBe(true);
      },
    ));
  it('rejects an unregistered instrument and a duplicate id', () =>
    withFile(
      (t) =>
        t
          .replace(
            'instrument: applicationMaterials, article: 一、基本材料 1 }',
            'instrument: nowhere, article: x }',
          )
          .replace('id: unit_officer_id_card', 'id: unit_introduction_letter'),
      (root) => {
        expect(() => loadMaterialsCatalogue(root, instruments)).toThrow(
          expect.objectContaining({
            issues: expect.arrayContaining([
              expect.objectContaining({ message: '未登记的文件: nowhere' }),
              expect.objectContaining({ path: expect.stringContaining('$.materials[1].id') }),
            ]),
          }),
        );
      },
    ));
});

describe('profile contract extension (issue 14)', () => {
  it('the hiring list says the 6-month and still-employed condition', () => {
    const i = item('hukou_employee_list', { investment: { hukouEmployees: [10, 10, 10] } })!;
    expect(i.name).toContain('须连续缴纳6个月以上且申请当月仍在所聘单位');
  });

  it('no investment materials when the holder did not invest (both routes score 0)', () => {
    const got = ids({ investment: { invested: false, annualTax: [500000], hukouEmployees: [10, 10, 10] } });
    for (const id of ['capital_verification_report', 'tax_details_3_years', 'hukou_employee_list'])
      expect(got).not.toContain(id);
    expect(ids({ investment: { invested: true, annualTax: [500000] } })).toContain('tax_details_3_years');
  });

  it('an award certificate only for an award that can count', () => {
    expect(ids({ awards: [{ level: 'national', date: '2025-03-11' }] })).not.toContain('award_certificate');
    expect(ids({ awards: [{ level: 'national', filed: false }] })).not.toContain('award_certificate');
    expect(ids({ awards: [{ level: 'national', date: '2025-03-10' }] })).toContain('award_certificate');
  });
});
