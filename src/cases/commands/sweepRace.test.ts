import { testPolicy } from '../../policy/testing/testPolicy.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../http/testing/serverProcess.js';
import { verifyAuditChain } from '../../storage/auditLog.js';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/createTestDatabase.js';
import type { Actor } from '../../workflow/index.js';
import { createDraft } from './createDraft.js';
import { submitApplication } from './submitApplication.js';
import { seedHolderRow, seedUnitRow } from '../testing/world.js';

const CASES = 30;

/**
 * Two sweeps racing on two instances (issue #8): `jifen sweep` started twice at
 * once, as two servers' timers would, over the same PostgreSQL database with 30
 * cases whose acceptance reminder is due. Each reminder is raised once: one
 * reminder row, one audit event and one set of messages per case; the loser of
 * each race counts it as skipped.
 */
describe('two sweeps racing on two instances [postgres]', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await seedUnitRow(t.db, {
      id: 'race-unit',
      name: '竞态企业',
      creditCode: '91310000000000RAC9',
      district: '闵行',
    });
    const hr: Actor = { id: 'race-hr', role: 'employer_hr', unitId: 'race-unit' };
    for (let i = 0; i < CASES; i++) {
      const holderId = `race-h${i}`;
      await seedHolderRow(
        t.db,
        {
          id: holderId,
          birthDate: '1990-05-01',
          permit: { issuedOn: '2024-01-02', validUntil: '2027-01-01', endorsedUntil: '2026-12-31' },
          months: { from: '2020-01', to: '2025-12', baseCny: 15000 },
          education: 'bachelor',
        },
        500 + i,
        '91310000000000RAC9',
      );
      const caseId = `race-c${i}`;
      const time = { now: '2025-09-01T02:00:00.000Z', today: '2025-09-01' };
      await createDraft(
        t.db,
        {
          actor: hr,
          idempotencyKey: `${caseId}-1`,
          ...time,
          input: { holderId, caseId },
        },
        testPolicy,
      );
      await submitApplication(
        t.db,
        { actor: hr, caseId, idempotencyKey: `${caseId}-2`, ...time, input: {} },
        testPolicy,
      );
    }
  }, 120_000);
  afterAll(() => t?.destroy());

  it('raises each reminder once; the audit chain verifies', async () => {
    const run = () =>
      promisify(execFile)(
        `${REPO_ROOT}bin/jifen`,
        ['sweep', '--now', '2025-09-22', '--json', '--batch', '7'],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATABASE_URL: t.location, JIFEN_DATA_DIR: '' },
          timeout: 50_000,
        },
      );
    const [a, b] = await Promise.all([run(), run()]);
    const reports = [a, b].map(
      (r) =>
        JSON.parse(r.stdout.trim().split('\n').pop()!) as {
          reminders: Record<string, number>;
          skipped: number;
          failed: unknown[];
        },
    );
    const raised = reports.map((r) => Object.values(r.reminders).reduce((x, y) => x + y, 0));
    expect(raised[0]! + raised[1]!).toBe(CASES);
    for (const r of reports) expect(r.failed).toEqual([]);

    const reminders = await t.db.selectFrom('reminders').select(['caseId', 'kind']).execute();
    expect(reminders).toHaveLength(CASES);
    expect(new Set(reminders.map((r) => r.caseId)).size).toBe(CASES);
    const events = await t.db
      .selectFrom('auditEvents')
      .select('caseId')
      .where('command', '=', 'remind')
      .execute();
    expect(events).toHaveLength(CASES);
    expect(new Set(events.map((e) => e.caseId)).size).toBe(CASES);
    // Messages carry the machine's ids (case:vN:template:recipient): a duplicate would be a second row.
    const messages = await t.db
      .selectFrom('outbox')
      .select(['caseId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('templateId', 'like', '%remind%')
      .groupBy('caseId')
      .execute();
    for (const m of messages) expect(Number(m.n), m.caseId ?? '').toBe(Number(messages[0]!.n));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  }, 60_000);
});
