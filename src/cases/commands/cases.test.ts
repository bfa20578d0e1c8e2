import { testPolicy } from '../../policy/testing/testPolicy.js';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadWorkCalendar } from '../../calendar/index.js';
import { JifenError } from '../../shared/errors.js';
import { listAuditEventsForCase, verifyAuditChain } from '../../storage/auditLog.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { allowTampering } from '../../storage/testing/allowTampering.js';
import type { Actor } from '../../workflow/index.js';
import {
  acceptApplication,
  createDraft,
  determinePoints,
  districtQueue,
  districtStatistics,
  getCaseView,
  holderCases,
  recordTaskResult,
  referItem,
  settleReferral,
  startReview,
  submitApplication,
  unitCases,
  verifyApplication,
  withdrawApplication,
} from '../index.js';
import { caseDriver } from '../testing/caseDriver.js';
import { fileCase } from '../testing/fileCase.js';
import { runFullScenario } from '../testing/scenario.js';
import { at, seedWorld } from '../testing/world.js';

const errorOf = async (p: Promise<unknown>): Promise<JifenError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof JifenError) return e;
    throw e;
  }
  throw new Error('expected a JifenError');
};

describeOnBothEngines('case use cases: the full scenario', (getDb) => {
  it('runs filing → notice → resubmission → acceptance → referral → verification → determination → reconsideration → adjustment → expiry', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'sc');
    const out = await runFullScenario(db, w, 'sc-case');
    expect(out.steps.map((s) => s.state)).toEqual([
      'draft',
      'submitted',
      'supplement_required',
      'submitted',
      'accepted',
      'under_review',
      'under_review',
      'under_review',
      'under_review',
      'verified',
      'determined',
      'determined',
      'determined',
      'determined',
      'draft',
      'submitted',
      'accepted',
      'verified',
      'determined',
      'determined',
      'expired',
    ]);
    // The referral shows who holds the case; verification stores the working-day due date (国庆 2025).
    expect(out.steps[7]!.heldBy).toContain('市教委学历认证中心');
    expect(out.steps[9]!.due).toBe('determination 2025-11-03');
    // Resubmission on 2025-09-22: the 10th working day is the make-up Saturday 2025-10-11.
    expect(out.steps[3]!.due).toBe('acceptance_reminder 2025-10-11');
    // Adjustment made a NEW determination that supersedes the first; nothing overwritten.
    expect(out.determinations.map((d) => [d.sequence, d.reason])).toEqual([
      [1, 'initial'],
      [2, 'adjustment'],
    ]);
    const rows = await db
      .selectFrom('determinations')
      .selectAll()
      .where('caseId', '=', 'sc-case')
      .orderBy('sequence')
      .execute();
    expect(rows[1]!.supersedes).toBe(rows[0]!.id);
    expect(rows[0]!.rulesVersion).toBe('v2023');
    // The frozen result carries the explanation and the data revision.
    const view = await getCaseView(
      db,
      { actor: w.actors.holder1, caseId: 'sc-case', today: '2026-07-01' },
      testPolicy,
    );
    expect(view.receipts).toHaveLength(2);
    expect(view.notices).toHaveLength(1);
    expect(view.reconsiderations[0]!.status).toBe('decided');
    expect(view.reminders.map((r) => r.kind)).toEqual(['permit_expiry_reminder']);
    expect(view.holder?.idNumberMasked).toMatch(/^\d{4}\*{8}\d{3}[\dX]$/);
    expect(view.messages.some((m) => m.templateId === 'determination_made')).toBe(true);
    // One audit event per applied command, and the chain verifies.
    const events = await listAuditEventsForCase(db, 'sc-case');
    expect(events.length).toBeGreaterThanOrEqual(25);
    expect(events.map((e) => e.payload.version)).toEqual(events.map((_, i) => i + 1));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // The holder sees the case and both determinations, the second in force.
    const mine = await holderCases(
      db,
      {
        actor: w.actors.holder1,
        holderId: w.holders.h1,
        today: '2026-07-01',
      },
      testPolicy,
    );
    expect(mine[0]!.determinations.map((d) => d.sequence)).toEqual([1, 2]);
  });

  it('detects a changed audit event after the scenario, naming it', async () => {
    const db = getDb();
    await allowTampering(db, 'audit_events');
    const victim = await db
      .selectFrom('auditEvents')
      .select(['seq', 'id'])
      .where('command', '=', 'determine')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set payload_json = replace(payload_json, 'determination', 'determinatioN') where seq = ${victim.seq}`.execute(
      db,
    );
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, problem: 'changed', seq: victim.seq, id: victim.id });
  });
});

describeOnBothEngines('case use cases: rooms and roles', (getDb) => {
  it('HR of unit B cannot read or touch unit A cases; an officer of 浦东 cannot act in 闵行; admin never edits', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'pm');
    await fileCase(caseDriver(db, 'pm-1', testPolicy), w, {
      holderId: w.holders.h1,
      hr: w.actors.hrA,
      days: ['2025-09-15', '2025-09-16'],
      until: 'submitted',
    });
    const before = await getCaseView(
      db,
      { actor: w.actors.clerk, caseId: 'pm-1', today: '2025-09-17' },
      testPolicy,
    );
    const auditBefore = (await listAuditEventsForCase(db, 'pm-1')).length;
    const received = before.materials.map((m) => m.code);
    const attempt = (actor: Actor, key: string) =>
      acceptApplication(
        db,
        {
          actor,
          caseId: 'pm-1',
          idempotencyKey: key,
          ...at('2025-09-17'),
          input: { received },
        },
        testPolicy,
      );
    // Reading.
    for (const actor of [
      w.actors.hrB,
      w.actors.hrPd,
      w.actors.clerkPd,
      w.actors.reviewerPd,
      w.actors.admin,
      w.actors.holder2,
    ]) {
      expect(
        (await errorOf(getCaseView(db, { actor, caseId: 'pm-1', today: '2025-09-17' }, testPolicy))).code,
      ).toBe('forbidden');
    }
    expect(
      (
        await errorOf(
          unitCases(db, { actor: w.actors.hrB, unitId: w.units.a, today: '2025-09-17' }, testPolicy),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          districtQueue(db, { actor: w.actors.clerkPd, district: '闵行', today: '2025-09-17' }, testPolicy),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          holderCases(
            db,
            { actor: w.actors.holder2, holderId: w.holders.h1, today: '2025-09-17' },
            testPolicy,
          ),
        )
      ).code,
    ).toBe('forbidden');
    // Acting: only the 闵行 clerk may accept; everyone else is refused without a change.
    const others: [string, Actor][] = [
      ['hrB', w.actors.hrB],
      ['hrA', w.actors.hrA],
      ['holder1', w.actors.holder1],
      ['clerkPd', w.actors.clerkPd],
      ['reviewer', w.actors.reviewer],
      ['approver', w.actors.approver],
      ['approverPd', w.actors.approverPd],
      ['city', w.actors.city],
      ['admin', w.actors.admin],
      ['system', w.actors.system],
    ];
    for (const [name, actor] of others) {
      const e = await errorOf(attempt(actor, `pm-${name}`));
      expect(e.code, name).toBe('forbidden');
    }
    expect(
      (
        await errorOf(
          withdrawApplication(
            db,
            {
              actor: w.actors.hrB,
              caseId: 'pm-1',
              idempotencyKey: 'pm-w',
              ...at('2025-09-17'),
              input: {},
            },
            testPolicy,
          ),
        )
      ).code,
    ).toBe('forbidden');
    const after = await getCaseView(
      db,
      { actor: w.actors.clerk, caseId: 'pm-1', today: '2025-09-17' },
      testPolicy,
    );
    expect(after.version).toBe(before.version);
    expect((await listAuditEventsForCase(db, 'pm-1')).length).toBe(auditBefore);
    // The right officer succeeds; the queue, the unit list and the holder see it.
    expect(
      (await unitCases(db, { actor: w.actors.hrA, unitId: w.units.a, today: '2025-09-17' }, testPolicy))[0]!
        .stateLabel,
    ).toBe('等待受理');
    const queue = await districtQueue(
      db,
      { actor: w.actors.clerk, district: '闵行', today: '2025-09-30' },
      testPolicy,
    );
    expect(queue[0]).toMatchObject({ caseId: 'pm-1', stateLabel: '等待受理', waitingWorkdays: 11 }); // 2025-09-28 was a make-up Sunday
    expect((await attempt(w.actors.clerk, 'pm-ok')).state).toBe('accepted');
  });

  it('a barred unit cannot create an account; an HR user cannot file for another unit', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'pb');
    const e = await errorOf(
      createDraft(
        db,
        {
          actor: w.actors.hrBarred,
          idempotencyKey: 'pb-1',
          ...at('2025-09-15'),
          input: { holderId: w.holders.barredHolder },
        },
        testPolicy,
      ),
    );
    expect(e).toMatchObject({ code: 'invalid_transition', detail: { guard: 'unitMayFile' } });
    expect(await db.selectFrom('cases').select('id').where('unitId', '=', w.units.barred).execute()).toEqual(
      [],
    );
    const forbidden = await errorOf(
      createDraft(
        db,
        {
          actor: w.actors.admin,
          idempotencyKey: 'pb-2',
          ...at('2025-09-15'),
          input: { holderId: w.holders.h1 },
        },
        testPolicy,
      ),
    );
    expect(forbidden.code).toBe('forbidden');
  });

  it('validates input with Chinese messages and JSON paths', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'pv');
    const e = await errorOf(
      createDraft(
        db,
        {
          actor: w.actors.hrA,
          idempotencyKey: 'pv-1',
          ...at('2025-09-15'),
          input: {
            holderId: w.holders.h1,
            claims: [{ indicator: 'award', detail: { awards: [{ level: 'gold' }] } }],
          } as never,
        },
        testPolicy,
      ),
    );
    expect(e.code).toBe('validation_failed');
    expect(e.issues[0]!.path).toBe('$.input.claims[0].detail.awards[0].level');
  });
});

describeOnBothEngines('case use cases: idempotency, provisional wages, deadlines, statistics', (getDb) => {
  it('an idempotent retry has its effect once; the same key with another request is refused', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'id');
    await fileCase(caseDriver(db, 'id-1', testPolicy), w, {
      holderId: w.holders.h1,
      hr: w.actors.hrA,
      days: ['2025-09-15'],
      until: 'draft',
    });
    const req = {
      actor: w.actors.hrA,
      caseId: 'id-1',
      idempotencyKey: 'id-submit',
      ...at('2025-09-16'),
      input: {},
    };
    const first = await submitApplication(db, req, testPolicy);
    const second = await submitApplication(db, req, testPolicy);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    const outbox = await db.selectFrom('outbox').select('id').where('caseId', '=', 'id-1').execute();
    expect(outbox.map((o) => o.id).filter((id) => id.includes('application_submitted'))).toHaveLength(1);
    expect((await listAuditEventsForCase(db, 'id-1')).filter((e) => e.command === 'submit')).toHaveLength(1);
    const mismatch = await errorOf(
      withdrawApplication(db, { ...req, input: { reason: '另一个请求' } }, testPolicy),
    );
    expect(mismatch.code).toBe('idempotency_mismatch');
  });

  it('refuses a determination while a wage figure it needs is provisional, naming it, and changes nothing', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'wp');
    const v = await fileCase(caseDriver(db, 'wp-1', testPolicy), w, {
      holderId: w.holders.h2,
      hr: w.actors.hrA,
      days: ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04'],
      until: 'verified',
    });
    expect(v.state).toBe('verified');
    const e = await errorOf(
      determinePoints(
        db,
        {
          actor: w.actors.approver,
          caseId: 'wp-1',
          idempotencyKey: 'wp-d',
          ...at('2026-09-07'),
          input: {},
        },
        testPolicy,
      ),
    );
    expect(e.code).toBe('wage_figure_provisional');
    expect(e.message).toMatch(/2026-07/);
    expect(e.message).toMatch(/12434/);
    expect(await db.selectFrom('determinations').select('id').where('caseId', '=', 'wp-1').execute()).toEqual(
      [],
    );
    expect(
      (await getCaseView(db, { actor: w.actors.approver, caseId: 'wp-1', today: '2026-09-07' }, testPolicy))
        .version,
    ).toBe(v.version);
  });

  it('deadlines cross the 2026 Spring Festival on the real calendar; a referral after verification pauses the clock', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'sf');
    const cal = loadWorkCalendar();
    const drv = caseDriver(db, 'sf-1', testPolicy);
    const sub = await fileCase(drv, w, {
      holderId: w.holders.h3,
      hr: w.actors.hrB,
      days: ['2026-02-10', '2026-02-12'],
      until: 'submitted',
    });
    expect(sub.state).toBe('submitted');
    const seen = (day: string) => drv.view(w.actors.hrB, day);
    const waiting = await seen('2026-02-12');
    // 10 working days after 2026-02-12: 13, 14 (make-up Saturday), 24–27, 28 (make-up), 2, 3, 4 March.
    expect(waiting.due).toMatchObject({ kind: 'acceptance_reminder', date: '2026-03-04' });
    expect(cal.addWorkdays('2026-02-12', 10)).toBe('2026-03-04');
    const view = await drv.view(w.actors.clerk, '2026-03-09');
    expect(view.waitingWorkdays).toBe(13);
    const received = view.materials.map((m) => m.code);
    await drv.go(acceptApplication, w.actors.clerk, '2026-02-13', { received });
    await drv.go(startReview, w.actors.reviewer, '2026-02-13', {});
    for (const taskId of ['archive', 'insurance', 'education'])
      await drv.go(recordTaskResult, w.actors.reviewer, '2026-02-13', { taskId, result: 'passed' });
    await drv.go(verifyApplication, w.actors.reviewer, '2026-02-13', {});
    const verified = await seen('2026-02-13');
    expect(verified.due?.date).toBe(cal.addWorkdays('2026-02-13', 20));
    expect(verified.due?.date).toBe('2026-03-19'); // 02-14 and 02-28 are make-up Saturdays
    const education = { taskId: 'education' };
    await drv.go(referItem, w.actors.approver, '2026-02-14', {
      ...education,
      authority: '市教委学历认证中心',
    });
    const paused = await seen('2026-02-24');
    expect(paused.heldBy.party).toBe('authority');
    await drv.go(settleReferral, w.actors.approver, '2026-02-25', { ...education, result: 'passed' });
    const resumed = await seen('2026-02-25');
    // Paused 2026-02-24 and 02-25 (the holiday days in between are not working days).
    expect(resumed.pause.pausedWorkdays).toBe(cal.workdaysBetween('2026-02-14', '2026-02-25'));
    expect(resumed.pause.pausedWorkdays).toBe(2);
    expect(resumed.due?.date).toBe(cal.addWorkdays('2026-02-13', 22));
    const d = await drv.go(determinePoints, w.actors.approver, '2026-03-18', {});
    expect(d.documents.determination?.total).toBeGreaterThan(0);
    const stats = await districtStatistics(
      db,
      {
        actor: w.actors.approver,
        district: '闵行',
        today: '2026-03-18',
      },
      testPolicy,
    );
    expect(stats.determinationDeadlinesMet).toBe(1);
    expect(stats.medianWorkdaysToAcceptance).toBe(1);
    expect(stats.casesByState.determined).toBe(1);
  });
});
