import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import { listAuditEventsForCase, verifyAuditChain, writeAuditCheckpoint } from '../../storage/auditLog.js';
import { createTestDatabase } from '../../storage/testing/createTestDatabase.js';
import { attachUrgencyNote, createDraft, submitApplication } from '../index.js';
import { at, seedHolderRow, seedWorld } from '../testing/world.js';

const WORKERS = 16;
const COMMANDS = 50;

/**
 * Issue 16: audit appends lock only their own chain, so officers working on
 * different cases run in parallel — and nothing is lost, duplicated or broken
 * on the way, with the checkpoint job running at the same time.
 */
describe('audit under parallel commands [postgres]', () => {
  it(`${WORKERS} workers × ${COMMANDS} commands on distinct cases: every event once, every chain intact`, async () => {
    const t = await createTestDatabase('postgres', { poolMax: WORKERS + 4 });
    let working = true;
    let checkpoints: Promise<number> = Promise.resolve(0);
    try {
      const db = t.db;
      const w = await seedWorld(db, 'par');
      const unit = await db
        .selectFrom('units')
        .select('creditCode')
        .where('id', '=', w.units.a)
        .executeTakeFirstOrThrow();
      const permit = { issuedOn: '2024-01-02', validUntil: '2027-01-01', endorsedUntil: '2026-06-30' };
      for (let i = 0; i < WORKERS; i++)
        await seedHolderRow(
          db,
          {
            id: `par-w${i}`,
            birthDate: '1990-05-01',
            permit,
            months: { from: '2024-01', to: '2026-06', baseCny: 12000 },
            education: 'bachelor',
          },
          700 + i,
          unit.creditCode,
        );
      const before = await verifyAuditChain(db);
      if (!before.ok) throw new Error(before.message);

      checkpoints = (async () => {
        let written = 0;
        while (working) if (await writeAuditCheckpoint(db, { now: '2025-09-16T02:00:00.000Z' })) written++;
        return written;
      })();
      const worker = async (i: number) => {
        const caseId = `par-case-${i}`;
        const actor = w.actors.hrA;
        await createDraft(
          db,
          {
            actor,
            idempotencyKey: `par-${i}-0`,
            ...at('2025-09-15'),
            input: { holderId: `par-w${i}`, caseId, claims: [{ indicator: 'education' }] },
          },
          testPolicy,
        );
        let { version } = await submitApplication(
          db,
          {
            actor,
            caseId,
            idempotencyKey: `par-${i}-1`,
            ...at('2025-09-16'),
            input: {},
          },
          testPolicy,
        );
        for (let k = 2; k < COMMANDS; k++) {
          const r = await attachUrgencyNote(
            db,
            {
              actor,
              caseId,
              expectedVersion: version,
              idempotencyKey: `par-${i}-${k}`,
              ...at('2025-09-16'),
              input: { reason: 'child_school_entry', date: '2025-10-01' },
            },
            testPolicy,
          );
          version = r.version;
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
      working = false;
      expect(await checkpoints).toBeGreaterThan(0);
      await writeAuditCheckpoint(db, { now: '2025-09-16T03:00:00.000Z' });

      for (let i = 0; i < WORKERS; i++) {
        const events = await listAuditEventsForCase(db, `par-case-${i}`);
        expect(events.map((e) => e.chainSeq)).toEqual(Array.from({ length: COMMANDS }, (_, k) => k + 1));
        expect(events.every((e) => e.chain === `case:par-case-${i}`)).toBe(true);
      }
      const all = await db.selectFrom('auditEvents').select(['id', 'seq']).execute();
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      expect(new Set(all.map((e) => e.seq)).size).toBe(all.length);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: true,
        count: before.count + WORKERS * COMMANDS,
        uncheckpointed: 0,
      });
    } finally {
      working = false;
      await checkpoints.catch(() => 0);
      await t.destroy();
    }
  }, 240_000);
});
