import { testPolicy } from '../../policy/testing/testPolicy.js';
import { beforeAll, expect, it } from 'vitest';
import { isJifenError } from '../../shared/errors.js';
import { specificsOf } from '../../storage/dialectSpecifics.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import type { Actor } from '../../workflow/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { caseDriver } from '../testing/caseDriver.js';
import { seedHolderRow, seedUnitRow, type HolderSpec } from '../testing/world.js';
import { caseWorkspace, districtUnits, employeeRegistry, unitEmployees } from './workspaceQueries.js';

const CREDIT = '913100000000000W0Q';
const OTHER_CREDIT = '913100000000000W1U';
const hr: Actor = { id: 'u-hr-w1', role: 'employer_hr', unitId: 'ws-unit-1' };
const otherHr: Actor = { id: 'u-hr-w2', role: 'employer_hr', unitId: 'ws-unit-2' };
const clerk: Actor = { id: 'u-clerk-mh', role: 'acceptance_clerk', district: '闵行' };
const clerkPd: Actor = { id: 'u-clerk-pd', role: 'acceptance_clerk', district: '浦东新区' };

const UNITS = [
  { id: 'ws-unit-1', name: '工作台单位1', creditCode: CREDIT },
  { id: 'ws-unit-2', name: '工作台单位2', creditCode: OTHER_CREDIT },
  { id: 'ws-unit-new', name: '待核验单位', creditCode: '913100000000000W2Y', status: 'registered' as const },
];

/** A holder insured 2020-01 to 2025-08 by the unit of `credit`, with a permit held since 2023 unless told otherwise. */
const seedHolder = (
  db: Kysely<Database>,
  h: Pick<HolderSpec, 'id' | 'birthDate'> & Partial<HolderSpec>,
  seq: number,
  credit: string,
) =>
  seedHolderRow(
    db,
    {
      permit: { issuedOn: '2023-03-01', validUntil: '2027-03-01', endorsedUntil: '2026-12-31' },
      months: { from: '2020-01', to: '2025-08', baseCny: 12000 },
      ...h,
    },
    seq,
    credit,
  );

const refusal = async (p: Promise<unknown>): Promise<{ code: string; reason?: unknown }> => {
  try {
    await p;
  } catch (e) {
    if (isJifenError(e)) return { code: e.code, reason: e.detail.reason };
    throw e;
  }
  throw new Error('expected a refusal');
};

describeOnBothEngines('workspace queries (web UI read side)', (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    for (const unit of UNITS) await seedUnitRow(db, { ...unit, district: '闵行' });
    // A permit collected on Wednesday 2025-09-10: the account may be opened from Monday 2025-09-15.
    const fresh = { issuedOn: '2025-09-10', validUntil: '2029-09-10', endorsedUntil: '2026-09-10' };
    await seedHolder(db, { id: 'ws-new', birthDate: '1992-03-04', permit: fresh }, 701, CREDIT);
    await seedHolder(db, { id: 'ws-old', birthDate: '1988-06-07', education: 'master' }, 702, CREDIT);
    await seedHolder(db, { id: 'ws-elsewhere', birthDate: '1990-01-01' }, 703, OTHER_CREDIT);
  });

  it("lists the unit's employees with the first day their account may be opened; filters and pages", async () => {
    const db = getDb();
    const all = await unitEmployees(db, { actor: hr, unitId: 'ws-unit-1', today: '2025-09-12' }, testPolicy);
    expect(all.total).toBe(2);
    expect(all.items.map((e) => e.holderId)).toEqual(['ws-new', 'ws-old']);
    const fresh = all.items[0]!;
    expect(fresh).toMatchObject({ accountOpensOn: '2025-09-15', mayOpenAccount: false, openCase: null });
    expect(fresh.idNumberMasked).toMatch(/^\d{4}\*{8}\d{3}[\dX]$/);
    expect(all.items[1]).toMatchObject({ mayOpenAccount: true });
    const filtered = await unitEmployees(
      db,
      {
        actor: hr,
        unitId: 'ws-unit-1',
        today: '2025-09-12',
        q: 'old',
      },
      testPolicy,
    );
    expect(filtered.items.map((e) => e.holderId)).toEqual(['ws-old']);
    const page2 = await unitEmployees(
      db,
      {
        actor: hr,
        unitId: 'ws-unit-1',
        today: '2025-09-12',
        limit: 1,
        offset: 1,
      },
      testPolicy,
    );
    expect(page2).toMatchObject({ total: 2, items: [{ holderId: 'ws-old' }] });
    expect(
      await refusal(
        unitEmployees(db, { actor: otherHr, unitId: 'ws-unit-1', today: '2025-09-12' }, testPolicy),
      ),
    ).toEqual({
      code: 'forbidden',
      reason: 'room',
    });
  });

  it("gives one employee's registry data for the form, to the unit's HR only", async () => {
    const db = getDb();
    const r = await employeeRegistry(
      db,
      {
        actor: hr,
        unitId: 'ws-unit-1',
        holderId: 'ws-old',
        today: '2025-09-12',
      },
      testPolicy,
    );
    expect(r.permit).toMatchObject({ issuedOn: '2023-03-01', status: 'active' });
    expect(r.insurance).toMatchObject({ firstMonth: '2020-01', lastMonth: '2025-08', lastBaseCny: 12000 });
    expect(r.education.map((e) => e.level)).toContain('master');
    expect(r.mayOpenAccount).toBe(true);
    const early = await employeeRegistry(
      db,
      {
        actor: hr,
        unitId: 'ws-unit-1',
        holderId: 'ws-new',
        today: '2025-09-12',
      },
      testPolicy,
    );
    expect(early).toMatchObject({ accountOpensOn: '2025-09-15', mayOpenAccount: false });
    // Another unit's employee is not found; another unit's HR is refused.
    expect(
      (
        await refusal(
          employeeRegistry(
            db,
            {
              actor: hr,
              unitId: 'ws-unit-1',
              holderId: 'ws-elsewhere',
              today: '2025-09-12',
            },
            testPolicy,
          ),
        )
      ).code,
    ).toBe('not_found');
    expect(
      await refusal(
        employeeRegistry(
          db,
          {
            actor: otherHr,
            unitId: 'ws-unit-1',
            holderId: 'ws-old',
            today: '2025-09-12',
          },
          testPolicy,
        ),
      ),
    ).toEqual({ code: 'forbidden', reason: 'room' });
  });

  it('lists the units of the district awaiting verification to its counter only', async () => {
    const db = getDb();
    const pending = await districtUnits(db, { actor: clerk, district: '闵行', status: 'registered' });
    expect(pending.items.map((u) => u.id)).toEqual(['ws-unit-new']);
    expect(pending.total).toBe(1);
    const all = await districtUnits(db, { actor: clerk, district: '闵行', limit: 2 });
    expect(all).toMatchObject({ total: 3 });
    expect(all.items).toHaveLength(2);
    expect(await refusal(districtUnits(db, { actor: clerkPd, district: '闵行' }))).toEqual({
      code: 'forbidden',
      reason: 'room',
    });
  });

  it('shows the claims, the registry data and the pre-check of a draft to the unit; the holder reads it too', async () => {
    const db = getDb();
    await caseDriver(db, 'ws-case-1', testPolicy).create(hr, '2025-09-12', 'ws-old');
    const w = await caseWorkspace(db, { actor: hr, caseId: 'ws-case-1', today: '2025-09-12' }, testPolicy);
    expect(w.state).toBe('draft');
    expect(w.claims.map((c) => c.indicator)).toEqual(['education']);
    expect(w.registry?.permit?.issuedOn).toBe('2023-03-01');
    expect(w.precheck).toMatchObject({ eligible: expect.any(Boolean), simulatedTotal: expect.any(Number) });
    expect(w.checklist.length).toBeGreaterThan(0);
    expect(w.engine).toBeNull();
    expect(w.determinations).toEqual([]);
    const holder: Actor = { id: 'ws-old', role: 'holder' };
    const mine = await caseWorkspace(
      db,
      { actor: holder, caseId: 'ws-case-1', today: '2025-09-12' },
      testPolicy,
    );
    expect(mine.precheck).toBeNull();
    expect(
      await refusal(
        caseWorkspace(db, { actor: otherHr, caseId: 'ws-case-1', today: '2025-09-12' }, testPolicy),
      ),
    ).toEqual({ code: 'forbidden', reason: 'room' });
    expect(
      (
        await refusal(
          caseWorkspace(
            db,
            { actor: { id: 'a', role: 'admin' }, caseId: 'ws-case-1', today: '2025-09-12' },
            testPolicy,
          ),
        )
      ).code,
    ).toBe('forbidden');
    // The open case shows on the employee list.
    const list = await unitEmployees(
      db,
      {
        actor: hr,
        unitId: 'ws-unit-1',
        today: '2025-09-12',
        q: 'ws-old',
      },
      testPolicy,
    );
    expect(list.items[0]!.openCase).toMatchObject({ caseId: 'ws-case-1', state: 'draft', ownUnit: true });
  });

  it('fails the pre-check when the application month is insured by another unit (the holder moved after filing)', async () => {
    const db = getDb();
    await seedHolder(db, { id: 'ws-moved', birthDate: '1989-02-03' }, 704, CREDIT);
    await caseDriver(db, 'ws-case-moved', testPolicy).create(hr, '2025-09-12', 'ws-moved', []);
    const reasonsOn = async () =>
      (await caseWorkspace(db, { actor: hr, caseId: 'ws-case-moved', today: '2025-09-12' }, testPolicy))
        .precheck!.reasons;
    // The application month is not in the registry yet: nothing to compare.
    expect((await reasonsOn()).join()).not.toContain('不是申请单位');
    // The registry then shows 2025-09 paid by another unit.
    await db
      .insertInto('insuranceMonths')
      .values({
        holderId: 'ws-moved',
        month: '2025-09',
        baseFen: 1_200_000,
        unitCreditCode: OTHER_CREDIT,
        backPaid: specificsOf(db).bool(false),
        importedAt: '2025-09-12T02:00:00.000Z',
      })
      .execute();
    const reasons = await reasonsOn();
    expect(reasons.join()).toContain('不是申请单位');
    expect(reasons.join()).not.toContain('无本市职工社会保险正常缴费记录');
  });
});
