import { expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { appendAuditEvent, listAuditEventsForCase } from './auditLog.js';
import { getCase, updateCaseIfVersion } from './caseRepository.js';
import {
  getIdempotencyRecord,
  purgeIdempotencyKeys,
  requestHash,
  withIdempotency,
} from './idempotencyRepository.js';
import { runInTransaction } from './runInTransaction.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase, T0 } from './testing/fixtures.js';

describeOnBothEngines('idempotency keys', (getDb) => {
  /** A submit command as the use cases will write it: key, case update, audit, all in one transaction. */
  const submit = (caseId: string, key: string, input: Record<string, unknown> = { caseId }) =>
    runInTransaction(getDb(), (tx) =>
      withIdempotency(
        tx,
        { actorId: 'hr-1', key, command: 'submit', requestHash: requestHash(input), now: T0 },
        async () => {
          const row = await updateCaseIfVersion(tx, caseId, 1, { state: 'submitted', updatedAt: T0 });
          await appendAuditEvent(tx, {
            at: T0,
            actorId: 'hr-1',
            actorRole: 'employer_hr',
            command: 'submit',
            caseId,
            payload: { version: row.version, from: 'draft', to: 'submitted', detail: {} },
          });
          return { caseId, version: row.version };
        },
      ),
    );

  it('a retried command has its effect once and replays the stored response', async () => {
    const c = await seedCase(getDb());
    const first = await submit(c.id, 'k1');
    const again = await submit(c.id, 'k1');
    expect(first).toEqual({ replayed: false, response: { caseId: c.id, version: 2 } });
    expect(again).toEqual({ replayed: true, response: { caseId: c.id, version: 2 } });
    expect((await getCase(getDb(), c.id))?.version).toBe(2);
    expect(await listAuditEventsForCase(getDb(), c.id)).toHaveLength(1);
  });

  it('10 concurrent twins: one runs, nine replay, one audit event', async () => {
    const c = await seedCase(getDb());
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(c.id, 'k-concurrent')));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => r.response.version === 2)).toBe(true);
    expect(await listAuditEventsForCase(getDb(), c.id)).toHaveLength(1);
  });

  it('the same key for a different request is refused', async () => {
    const c = await seedCase(getDb());
    await submit(c.id, 'k2');
    const error = await submit(c.id, 'k2', { caseId: c.id, other: true }).catch((e: unknown) => e);
    expect(isJifenError(error) && error.code).toBe('idempotency_mismatch');
  });

  it('a failed command leaves no key behind, so it can be retried', async () => {
    const c = await seedCase(getDb());
    await updateCaseIfVersion(getDb(), c.id, 1, { state: 'submitted', updatedAt: T0 });
    const error = await submit(c.id, 'k3').catch((e: unknown) => e);
    expect(isJifenError(error) && error.code).toBe('conflict');
    expect(await getIdempotencyRecord(getDb(), 'hr-1', 'k3')).toBeUndefined();
  });

  it('purges old keys', async () => {
    const c = await seedCase(getDb());
    await submit(c.id, 'k4');
    expect(await purgeIdempotencyKeys(getDb(), '2025-09-15T00:00:00Z')).toBe(0);
    expect(await purgeIdempotencyKeys(getDb(), '2025-09-16T00:00:00Z')).toBeGreaterThan(0);
  });
});
