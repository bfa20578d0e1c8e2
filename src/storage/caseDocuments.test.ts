import { expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { listMaterials, setMaterialStatus, syncMaterialChecklist } from './materialRepository.js';
import { insertOneTimeNotice, insertReceipt, listOneTimeNotices, listReceipts } from './noticeRepository.js';
import { insertDetermination } from './determinationRepository.js';
import {
  decideReconsideration,
  insertReconsideration,
  listReconsiderations,
} from './reconsiderationRepository.js';
import { createReminderOnce, listReminders } from './reminderRepository.js';
import { createReviewTasks, listReviewTasks, updateReviewTask } from './reviewTaskRepository.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase, T0 } from './testing/fixtures.js';

describeOnBothEngines('case documents', (getDb) => {
  it('keeps the material checklist, ticks and defects with reasons', async () => {
    const db = getDb();
    const c = await seedCase(db);
    await syncMaterialChecklist(
      db,
      c.id,
      [
        { code: 'diploma', label: '学历证书', indicator: 'education', required: true },
        { code: 'id_card', label: '身份证', required: true },
        { code: 'title', label: '职称证书', indicator: 'title', required: false },
      ],
      T0,
    );
    await setMaterialStatus(db, { caseId: c.id, code: 'diploma', status: 'received', by: 'clerk', now: T0 });
    await setMaterialStatus(db, {
      caseId: c.id,
      code: 'id_card',
      status: 'defective',
      defectReason: '复印件不清晰',
      by: 'clerk',
      now: T0,
    });
    const bad = await setMaterialStatus(db, {
      caseId: c.id,
      code: 'title',
      status: 'defective',
      by: 'clerk',
      now: T0,
    }).catch((e: unknown) => e);
    expect(isJifenError(bad) && bad.code).toBe('validation_failed');
    // A new checklist drops unclaimed items and keeps the status of the others.
    await syncMaterialChecklist(
      db,
      c.id,
      [
        { code: 'diploma', label: '学历证书', indicator: 'education', required: true },
        { code: 'id_card', label: '身份证', required: true },
      ],
      T0,
    );
    expect(
      (await listMaterials(db, c.id)).map((m) => [m.code, m.status, m.required, m.defectReason]),
    ).toEqual([
      ['diploma', 'received', true, null],
      ['id_card', 'defective', true, '复印件不清晰'],
    ]);
  });

  it('numbers one-time notices per case and stores receipts with their items', async () => {
    const db = getDb();
    const c = await seedCase(db);
    await insertOneTimeNotice(db, {
      caseId: c.id,
      items: [{ code: 'id_card', label: '身份证', reason: '复印件不清晰' }],
      issuedBy: 'clerk',
      issuedAt: T0,
    });
    const second = await insertOneTimeNotice(db, {
      caseId: c.id,
      items: [],
      overrideReason: '主管批准',
      issuedBy: 'clerk',
      issuedAt: T0,
    });
    expect(second.sequence).toBe(2);
    expect((await listOneTimeNotices(db, c.id))[0]?.items).toEqual([
      { code: 'id_card', label: '身份证', reason: '复印件不清晰' },
    ]);
    await insertReceipt(db, {
      caseId: c.id,
      receiptNo: `R-${c.id}`,
      items: [{ code: 'diploma', label: '学历证书' }],
      issuedBy: 'clerk',
      issuedAt: T0,
    });
    expect((await listReceipts(db, c.id))[0]?.items).toEqual([{ code: 'diploma', label: '学历证书' }]);
  });

  it('tracks review tasks and referrals', async () => {
    const db = getDb();
    const c = await seedCase(db);
    await createReviewTasks(db, c.id, ['education', 'insurance'], T0);
    await createReviewTasks(db, c.id, ['education'], T0); // no duplicate
    await updateReviewTask(
      db,
      c.id,
      'education',
      { status: 'referred', referredTo: '市教委学历认证中心', referredAt: T0 },
      T0,
    );
    // A referral must name the authority and the date.
    await expect(updateReviewTask(db, c.id, 'insurance', { status: 'referred' }, T0)).rejects.toThrow();
    expect((await listReviewTasks(db, c.id)).map((t) => [t.indicator, t.status])).toEqual([
      ['education', 'referred'],
      ['insurance', 'open'],
    ]);
  });

  it('decides a reconsideration once', async () => {
    const db = getDb();
    const c = await seedCase(db);
    const d = await insertDetermination(db, {
      caseId: c.id,
      reason: 'initial',
      rulesVersion: 'v2023',
      acceptanceDate: '2025-09-20',
      total: 110,
      result: {},
      explanation: [],
      decidedBy: 'a',
      decidedAt: T0,
    });
    const r = await insertReconsideration(db, {
      caseId: c.id,
      determinationId: d.id,
      level: 'district',
      requestedBy: 'holder',
      grounds: '学历未计分',
      dueDate: '2025-10-31',
      now: T0,
    });
    const decided = await decideReconsideration(db, r.id, {
      outcome: 'upheld',
      document: { reasons: ['学历不符合条件'] },
      decidedBy: 'approver',
      now: T0,
    });
    expect(decided).toMatchObject({
      status: 'decided',
      outcome: 'upheld',
      decisionDocument: { reasons: ['学历不符合条件'] },
    });
    const again = await decideReconsideration(db, r.id, {
      outcome: 'changed',
      document: {},
      decidedBy: 'x',
      now: T0,
    }).catch((e: unknown) => e);
    expect(isJifenError(again) && again.code).toBe('conflict');
    // The city level must follow a district decision.
    await expect(
      insertReconsideration(db, {
        caseId: c.id,
        determinationId: d.id,
        level: 'city',
        requestedBy: 'holder',
        grounds: 'x',
        now: T0,
      }),
    ).rejects.toThrow();
    await insertReconsideration(db, {
      caseId: c.id,
      determinationId: d.id,
      level: 'city',
      previousId: r.id,
      requestedBy: 'holder',
      grounds: 'x',
      now: T0,
    });
    expect((await listReconsiderations(db, c.id)).map((x) => x.level)).toEqual(['district', 'city']);
  });

  it('creates a reminder once, even when two sweeps race', async () => {
    const db = getDb();
    const c = await seedCase(db);
    const r = { caseId: c.id, kind: 'stale_submission', dueOn: '2025-10-09', now: T0 };
    const created = await Promise.all(Array.from({ length: 8 }, () => createReminderOnce(db, r)));
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await listReminders(db, c.id)).toHaveLength(1);
  });
});
