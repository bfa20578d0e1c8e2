import { beforeAll, expect, it } from 'vitest';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import { importRegistryFile } from '../../storage/imports/importRegistryFile.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import type { Actor } from '../../workflow/index.js';
import { cachedCaseView, cachedCaseWorkspace, caseViewCacheStats } from './cachedCaseView.js';
import { createDraft } from '../commands/createDraft.js';
import { getCaseView } from './queries.js';
import { submitApplication } from '../commands/submitApplication.js';
import { idNumberFor, seedHolderRow, seedUnitRow } from '../testing/world.js';
import { caseWorkspace } from './workspaceQueries.js';
import type { CaseDeps } from '../types.js';

const CREDIT = '913100000000000W0Q';
const hr: Actor = { id: 'u-hr-cv', role: 'employer_hr', unitId: 'cv-unit' };
const clerk: Actor = { id: 'u-clerk-mh', role: 'acceptance_clerk', district: '闵行' };
const NOW = '2025-09-12T02:00:00.000Z';
const DAY = '2025-09-12';

/** The same policy data under another revision (what an administrator's load gives). */
const revised: CaseDeps = {
  ...testPolicy,
  rules: new Proxy(testPolicy.rules, {
    get: (t, p) => {
      if (p === 'revision') return `${t.revision}+load`;
      const v: unknown = Reflect.get(t, p);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  }),
};

describeOnBothEngines('stored case view and workspace (issue 16)', (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    await seedUnitRow(db, { id: 'cv-unit', name: '缓存单位', creditCode: CREDIT, district: '闵行' });
    await seedHolderRow(
      db,
      {
        id: 'cv-holder',
        birthDate: '1988-06-07',
        permit: { issuedOn: '2023-03-01', validUntil: '2027-03-01', endorsedUntil: '2026-12-31' },
        months: { from: '2020-01', to: '2025-08', baseCny: 12000 },
        education: 'master',
      },
      811,
      CREDIT,
    );
    await createDraft(
      db,
      {
        actor: hr,
        idempotencyKey: 'cv-create',
        now: NOW,
        today: DAY,
        input: { holderId: 'cv-holder', caseId: 'cv-case', claims: [{ indicator: 'education' }] },
      },
      testPolicy,
    );
  });

  /** The registry's insurance month arrives through the registry import (src/storage/imports). */
  const importMonth = (month: string) =>
    importRegistryFile(
      getDb(),
      'insurance',
      'ins.csv',
      `idNumber,month,base,unitCreditCode,backPaid\r\n${idNumberFor(811, '1988-06-07')},${month},12000,${CREDIT},false\r\n`,
      NOW,
    );
  const ws = (today = DAY, deps: CaseDeps = testPolicy) =>
    cachedCaseWorkspace(getDb(), { actor: hr, caseId: 'cv-case', today, now: NOW }, deps);
  const computedAfter = async (read: () => Promise<unknown>) => {
    const before = caseViewCacheStats.computed;
    await read();
    return caseViewCacheStats.computed - before;
  };

  it('a second workspace read runs no pre-check or engine and answers the same as computed afresh', async () => {
    expect(await computedAfter(() => ws())).toBe(1);
    const reused = caseViewCacheStats.reused;
    const again = await ws();
    expect(caseViewCacheStats.reused).toBe(reused + 1);
    expect(again).toEqual(
      await caseWorkspace(getDb(), { actor: hr, caseId: 'cv-case', today: DAY }, testPolicy),
    );
    expect(again.precheck).not.toBeNull();
    expect(again.checklist.length).toBeGreaterThan(0);
  });

  it('the next day, another policy data revision and a registry import recompute; then reuse again', async () => {
    await ws();
    expect(await computedAfter(() => ws('2025-09-15'))).toBe(1);
    expect(await computedAfter(() => ws('2025-09-15'))).toBe(0);
    expect(await computedAfter(() => ws('2025-09-15', revised))).toBe(1);
    expect(await computedAfter(() => ws('2025-09-15', revised))).toBe(0);
    // The registry's September month arrives: the pre-check and the registry panel see it.
    await importMonth('2025-09');
    let after: Awaited<ReturnType<typeof ws>> | undefined;
    expect(await computedAfter(async () => (after = await ws('2025-09-15', revised)))).toBe(1);
    expect(after!.registry?.insurance.lastMonth).toBe('2025-09');
    expect(after).toEqual(
      await caseWorkspace(getDb(), { actor: hr, caseId: 'cv-case', today: '2025-09-15' }, revised),
    );
  });

  it('the case view is stored per version: a command recomputes it, and it equals the fresh view', async () => {
    await importMonth('2025-09');
    const view = () =>
      cachedCaseView(getDb(), { actor: hr, caseId: 'cv-case', today: DAY, now: NOW }, testPolicy);
    await view();
    expect(await computedAfter(view)).toBe(0);
    expect(await view()).toEqual(
      await getCaseView(getDb(), { actor: hr, caseId: 'cv-case', today: DAY }, testPolicy),
    );
    const r = await submitApplication(
      getDb(),
      { actor: hr, caseId: 'cv-case', idempotencyKey: 'cv-submit', now: NOW, today: DAY, input: {} },
      testPolicy,
    ).catch((e: unknown) => e);
    if (r && typeof r === 'object' && 'version' in r) {
      let v: Awaited<ReturnType<typeof view>> | undefined;
      expect(await computedAfter(async () => (v = await view()))).toBe(1);
      expect(v!.version).toBe((r as { version: number }).version);
      expect(v!.materials.length).toBeGreaterThan(0);
      expect(v).toEqual(
        await getCaseView(getDb(), { actor: clerk, caseId: 'cv-case', today: DAY }, testPolicy),
      );
    } else throw r;
    // One stored row per case and view, whatever the number of keys seen.
    const rows = await getDb()
      .selectFrom('caseViewCache')
      .select('kind')
      .where('caseId', '=', 'cv-case')
      .execute();
    expect(rows.map((x) => x.kind).sort()).toEqual(['case', 'workspace']);
  });

  it('refuses outside the rooms as the fresh view does', async () => {
    const other: Actor = { id: 'u-hr-x', role: 'employer_hr', unitId: 'elsewhere' };
    const err = await cachedCaseView(
      getDb(),
      { actor: other, caseId: 'cv-case', today: DAY, now: NOW },
      testPolicy,
    ).catch((e: unknown) => e as { code: string });
    expect((err as { code: string }).code).toBe('forbidden');
    const missing = await cachedCaseWorkspace(
      getDb(),
      { actor: hr, caseId: 'nope', today: DAY, now: NOW },
      testPolicy,
    ).catch((e: unknown) => e as { code: string });
    expect((missing as { code: string }).code).toBe('not_found');
  });
});
