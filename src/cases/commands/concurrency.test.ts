import { testPolicy } from '../../policy/testing/testPolicy.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { JifenError } from '../../shared/errors.js';
import { listAuditEventsForCase, verifyAuditChain } from '../../storage/auditLog.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { cancelPermit, endorsePermit } from '../../storage/permitRepository.js';
import { acceptApplication, createDraft, getCaseView, returnWithNotice, sweep } from '../index.js';
import type { Actor } from '../../workflow/index.js';
import { caseDriver } from '../testing/caseDriver.js';
import { fileCase } from '../testing/fileCase.js';
import { at, seedWorld } from '../testing/world.js';

const run = promisify(execFile);
const TSX = fileURLToPath(new URL('../../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const DISPATCH = fileURLToPath(new URL('../testing/dispatchProcess.ts', import.meta.url));

describeOnBothEngines('case use cases under concurrency', (getDb, engine, getTestDb) => {
  it("two HR officers creating the same holder's account at once: one case, the other told why", async () => {
    const db = getDb();
    const w = await seedWorld(db, 'dup');
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createDraft(
          db,
          {
            actor: w.actors.hrA,
            idempotencyKey: `dup-${i}`,
            ...at('2025-09-15'),
            input: { holderId: w.holders.h1, caseId: `dup-case-${i}` },
          },
          testPolicy,
        ),
      ),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const a of attempts)
      if (a.status === 'rejected') expect((a.reason as JifenError).code).toBe('conflict');
    const open = await db.selectFrom('cases').select('id').where('holderId', '=', w.holders.h1).execute();
    expect(open).toHaveLength(1);
  });

  it('50 concurrent conflicting commands on one case: exactly one applied, one audit event', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'cc');
    const drv = caseDriver(db, 'cc-case', testPolicy);
    const sub = await fileCase(drv, w, {
      holderId: w.holders.h1,
      hr: w.actors.hrA,
      days: ['2025-09-15', '2025-09-16'],
      until: 'submitted',
    });
    const view = await drv.view(w.actors.clerk, '2025-09-17');
    const received = view.materials.map((m) => m.code);
    const auditBefore = (await listAuditEventsForCase(db, 'cc-case')).length;
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const base = {
        actor: w.actors.clerk,
        caseId: 'cc-case',
        expectedVersion: sub.version,
        idempotencyKey: `cc-race-${i}`,
        ...at('2025-09-17'),
      };
      return i % 2 === 0
        ? acceptApplication(db, { ...base, input: { received } }, testPolicy)
        : returnWithNotice(
            db,
            {
              ...base,
              input: { items: [{ itemId: received[0]!, problem: 'defective', reason: '复印件不清晰' }] },
            },
            testPolicy,
          );
    });
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof JifenError && r.reason.code === 'conflict')).toBe(true);
    const events = await listAuditEventsForCase(db, 'cc-case');
    expect(events.length).toBe(auditBefore + 1);
    const after = await getCaseView(
      db,
      { actor: w.actors.clerk, caseId: 'cc-case', today: '2025-09-17' },
      testPolicy,
    );
    expect(after.version).toBe(sub.version + 1);
    expect(after.receipts.length + after.notices.length).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('two sweeps at once raise each reminder exactly once', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'sw');
    const filings: [string, string, typeof w.actors.hrA][] = [
      ['sw-1', w.holders.h1, w.actors.hrA],
      ['sw-2', w.holders.h2, w.actors.hrA],
      ['sw-3', w.holders.h3, w.actors.hrB],
      ['sw-4', w.holders.h4, w.actors.hrA],
    ];
    for (const [caseId, holderId, hr] of filings) {
      const days = ['2025-09-01', '2025-09-02'];
      await fileCase(caseDriver(db, caseId, testPolicy), w, {
        holderId,
        hr,
        days,
        until: 'submitted',
        claims: [],
      });
    }
    const [r1, r2] = await Promise.all([
      sweep(db, { ...at('2025-11-03'), batchSize: 2, deps: testPolicy }),
      sweep(db, { ...at('2025-11-03'), batchSize: 3, deps: testPolicy }),
    ]);
    const raised = (r: typeof r1) => Object.values(r.reminders).reduce((a, b) => a + (b ?? 0), 0);
    expect(r1.failed).toEqual([]);
    expect(r2.failed).toEqual([]);
    expect(raised(r1) + raised(r2)).toBe(8);
    const rows = await db
      .selectFrom('reminders')
      .select(['caseId', 'kind', 'dueOn'])
      .where('caseId', 'like', 'sw-%')
      .execute();
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => `${r.caseId}/${r.kind}`)).size).toBe(8);
    const unitReminders = await db
      .selectFrom('outbox')
      .select('id')
      .where('caseId', 'like', 'sw-%')
      .where('templateId', '=', 'reminder_acceptance_waiting')
      .execute();
    expect(unitReminders).toHaveLength(4);
    const again = await sweep(db, { ...at('2025-11-04'), deps: testPolicy });
    expect(raised(again)).toBe(0);
    const stale = await getCaseView(
      db,
      { actor: w.actors.clerk, caseId: 'sw-1', today: '2025-11-04' },
      testPolicy,
    );
    expect(stale.reminders.map((r) => r.kind).sort()).toEqual(['acceptance_reminder', 'acceptance_stale']);
  });

  it('a crash between commit and dispatch loses and duplicates nothing (fresh processes)', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'cr');
    await db.deleteFrom('outbox').execute(); // messages of the tests above are not this test's
    await fileCase(caseDriver(db, 'cr-case', testPolicy), w, {
      holderId: w.holders.h1,
      hr: w.actors.hrA,
      days: ['2025-09-15', '2025-09-16'],
      until: 'submitted',
      claims: [],
    });
    // The commands committed; no dispatcher has run yet.
    const queued = await db.selectFrom('outbox').select(['id', 'status']).execute();
    expect(queued.length).toBe(2); // account_created and application_submitted to the holder
    expect(queued.every((m) => m.status === 'pending')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'jifen-sms-'));
    const sms = join(dir, 'sms.jsonl');
    const location = getTestDb().location;
    try {
      // A dispatcher process sends one message and dies before recording it.
      await expect(
        run(process.execPath, [
          '--import',
          TSX,
          DISPATCH,
          engine,
          location,
          sms,
          '2025-09-16T03:00:00.000Z',
          'crash',
        ]),
      ).rejects.toMatchObject({ code: 3 });
      const afterCrash = await db.selectFrom('outbox').select(['id', 'status']).execute();
      expect(afterCrash.some((m) => m.status === 'sending')).toBe(true);
      // A fresh process after the lease: everything is sent, the crashed one again with the same id.
      const { stdout } = await run(process.execPath, [
        '--import',
        TSX,
        DISPATCH,
        engine,
        location,
        sms,
        '2025-09-16T03:05:00.000Z',
        'normal',
      ]);
      expect(JSON.parse(stdout).sent).toBe(queued.length);
      const lines = readFileSync(sms, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; to: string });
      expect(lines.map((l) => l.id).sort()).toEqual(queued.map((m) => m.id).sort());
      expect(lines.every((l) => !/1[3-9]\d{9}/.test(l.to))).toBe(true);
      const final = await db.selectFrom('outbox').select('status').execute();
      expect(final.every((m) => m.status === 'sent')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the sweep invalidates a case whose permit was cancelled and confirms one whose permit was endorsed', async () => {
    const db = getDb();
    const w = await seedWorld(db, 'lv');
    const draft = (caseId: string, holderId: string, hr: Actor) =>
      fileCase(caseDriver(db, caseId, testPolicy), w, {
        holderId,
        hr,
        days: ['2025-09-15'],
        until: 'draft',
        claims: [],
      });
    await draft('lv-cancel', w.holders.h1, w.actors.hrA);
    await draft('lv-endorse', w.holders.h3, w.actors.hrB);
    await cancelPermit(db, `${w.holders.h1}-permit`, '2025-10-01', '2025-10-01T02:00:00.000Z');
    await endorsePermit(db, `${w.holders.h3}-permit`, '2027-01-01', '2025-10-01T02:00:00.000Z');
    const first = await sweep(db, { ...at('2025-10-02'), deps: testPolicy });
    expect(first.invalidated).toBe(1);
    expect(
      (await getCaseView(db, { actor: w.actors.hrA, caseId: 'lv-cancel', today: '2025-10-02' }, testPolicy))
        .stateLabel,
    ).toBe('积分失效（居住证注销）');
    // The endorsement is noticed when the expiry reminder would have been due: confirmed, not reminded.
    const later = await sweep(db, { ...at('2026-05-31'), deps: testPolicy });
    expect(later.confirmed).toBe(1);
    const endorsed = await getCaseView(
      db,
      {
        actor: w.actors.hrB,
        caseId: 'lv-endorse',
        today: '2026-05-31',
      },
      testPolicy,
    );
    expect(endorsed.state).toBe('draft');
    expect(endorsed.reminders).toEqual([]);
    expect(endorsed.deadlines.permit_expiry).toBe('2027-01-02');
  });
});
