import { expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { appendAuditEvent, listAuditEventsForCase } from './auditLog.js';
import {
  countCasesByState,
  getCase,
  listClaimedIndicators,
  listDistrictQueue,
  setClaimedIndicators,
  updateCaseIfVersion,
} from './caseRepository.js';
import { runInTransaction } from './runInTransaction.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase, T0 } from './testing/fixtures.js';

describeOnBothEngines('caseRepository', (getDb) => {
  it('inserts a draft case and reads it back', async () => {
    const c = await seedCase(getDb());
    expect(c).toMatchObject({
      state: 'draft',
      version: 1,
      holderRole: 'employer_hr',
      pausedDays: 0,
      createdAt: T0,
    });
    expect(await getCase(getDb(), c.id)).toEqual(c);
    expect(await getCase(getDb(), 'no-such-case')).toBeUndefined();
  });

  it('updates when the version matches and bumps it; refuses a stale version with a conflict', async () => {
    const db = getDb();
    const c = await seedCase(db);
    const submitted = await updateCaseIfVersion(db, c.id, 1, {
      state: 'submitted',
      holderRole: 'acceptance_clerk',
      submittedAt: '2025-09-16T02:00:00.000Z',
      updatedAt: '2025-09-16T02:00:00Z',
    });
    expect(submitted).toMatchObject({
      state: 'submitted',
      version: 2,
      updatedAt: '2025-09-16T02:00:00.000Z',
    });
    const stale = await updateCaseIfVersion(db, c.id, 1, { state: 'withdrawn', updatedAt: T0 }).catch(
      (e: unknown) => e,
    );
    expect(isJifenError(stale) && stale.code).toBe('conflict');
    expect(isJifenError(stale) && stale.message).toBe('该申请已被他人更新，请刷新后重试');
    expect(isJifenError(stale) && stale.detail).toMatchObject({
      caseId: c.id,
      expectedVersion: 1,
      currentVersion: 2,
    });
    const missing = await updateCaseIfVersion(db, 'nope', 1, { updatedAt: T0 }).catch((e: unknown) => e);
    expect(isJifenError(missing) && missing.code).toBe('not_found');
    expect((await getCase(db, c.id))?.state).toBe('submitted');
  });

  it('50 concurrent conflicting updates: exactly one applies, 49 conflicts, exactly one audit event', async () => {
    const db = getDb();
    const c = await seedCase(db);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      runInTransaction(db, async (tx) => {
        const row = await updateCaseIfVersion(tx, c.id, 1, {
          state: 'submitted',
          heldBy: `officer-${i}`,
          updatedAt: T0,
        });
        await appendAuditEvent(tx, {
          at: T0,
          actorId: `officer-${i}`,
          actorRole: 'employer_hr',
          command: 'submit',
          caseId: c.id,
          payload: { version: row.version, from: 'draft', to: 'submitted', detail: { attempt: i } },
        });
        return row;
      }),
    );
    const results = await Promise.allSettled(attempts);
    const applied = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(applied).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    expect(rejected.every((r) => isJifenError(r.reason) && r.reason.code === 'conflict')).toBe(true);
    const after = await getCase(db, c.id);
    expect(after?.version).toBe(2);
    const events = await listAuditEventsForCase(db, c.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(after?.heldBy);
  });

  it('a failure after the update rolls the whole transaction back (no partial writes)', async () => {
    const db = getDb();
    const c = await seedCase(db);
    await expect(
      runInTransaction(db, async (tx) => {
        await updateCaseIfVersion(tx, c.id, 1, { state: 'submitted', updatedAt: T0 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await getCase(db, c.id)).toMatchObject({ state: 'draft', version: 1 });
  });

  it('lists the district queue oldest first with keyset paging, and counts by state', async () => {
    const db = getDb();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await seedCase(db, '崇明');
      await updateCaseIfVersion(db, c.id, 1, {
        state: 'submitted',
        submittedAt: `2025-09-1${5 - i}T00:00:00.000Z`,
        updatedAt: T0,
      });
      ids.unshift(c.id);
    }
    const page1 = await listDistrictQueue(db, { district: '崇明', state: 'submitted', limit: 3 });
    const last = page1.at(-1)!;
    const page2 = await listDistrictQueue(db, {
      district: '崇明',
      state: 'submitted',
      limit: 3,
      after: { submittedAt: last.submittedAt!, id: last.id },
    });
    expect([...page1, ...page2].map((c) => c.id)).toEqual(ids);
    const counts = await countCasesByState(db, { district: '崇明' });
    expect(counts).toEqual([{ district: '崇明', state: 'submitted', count: 5 }]);
  });

  it('stores claimed indicators with their JSON detail', async () => {
    const db = getDb();
    const c = await seedCase(db);
    await setClaimedIndicators(
      db,
      c.id,
      [
        { indicator: 'education', detail: { level: 'master', tags: ['全日制'] } },
        { indicator: 'age', detail: {} },
      ],
      T0,
    );
    expect(await listClaimedIndicators(db, c.id)).toEqual([
      { indicator: 'age', detail: {} },
      { indicator: 'education', detail: { level: 'master', tags: ['全日制'] } },
    ]);
  });
});
