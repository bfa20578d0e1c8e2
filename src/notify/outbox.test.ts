import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { DevSmsProvider } from './DevSmsProvider.js';
import {
  backoffMs,
  dispatchBatch,
  PermanentSendError,
  type MessageProvider,
  type OutgoingMessage,
} from './dispatcher.js';
import { addMilliseconds } from '../storage/instant.js';
import { claimDueMessages, enqueue, getOutboxMessage, recordDeliveryReport } from '../storage/outbox.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { T0 } from '../storage/testing/fixtures.js';

/** A provider that dedups by message id, as the real one must, and counts what it really delivered. */
class DedupingProvider implements MessageProvider {
  calls: string[] = [];
  delivered = new Map<string, number>();
  failNext = 0;
  permanent = false;
  async send(m: OutgoingMessage) {
    this.calls.push(m.id);
    if (this.failNext > 0) {
      this.failNext--;
      throw this.permanent ? new PermanentSendError('号码无效') : new Error('网关超时 13812345678');
    }
    if (!this.delivered.has(m.id)) this.delivered.set(m.id, this.delivered.size + 1);
    return { providerMessageId: `p-${m.id}` };
  }
}

const message = (id: string, extra: { maxAttempts?: number } = {}) => ({
  id,
  channel: 'sms' as const,
  recipient: '13800000000',
  templateId: 'determined',
  templateVersion: 1,
  payload: { total: 126, caseRef: 'A-1' },
  now: T0,
  ...extra,
});

describeOnBothEngines('outbox and dispatcher', (getDb) => {
  beforeEach(async () => {
    await getDb().deleteFrom('outbox').execute();
  });

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    await expect(
      runInTransaction(getDb(), async (tx) => {
        await enqueue(tx, message('rolled-back'));
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await getOutboxMessage(getDb(), 'rolled-back')).toBeUndefined();
  });

  it('sends a due message once and records the provider id; delivery reports update it', async () => {
    const db = getDb();
    await enqueue(db, message('m1'));
    const provider = new DedupingProvider();
    expect(await dispatchBatch(db, provider, T0)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await getOutboxMessage(db, 'm1')).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerMessageId: 'p-m1',
      sentAt: T0,
      payload: { total: 126, caseRef: 'A-1' },
    });
    expect(await dispatchBatch(db, provider, addMilliseconds(T0, 3_600_000))).toMatchObject({ claimed: 0 });
    await recordDeliveryReport(db, {
      providerMessageId: 'p-m1',
      status: 'delivered',
      at: addMilliseconds(T0, 5000),
    });
    expect(await getOutboxMessage(db, 'm1')).toMatchObject({ status: 'delivered' });
    expect(provider.calls).toEqual(['m1']);
  });

  it('retries with exponential backoff, then gives up as dead', async () => {
    const db = getDb();
    await enqueue(db, message('m2', { maxAttempts: 3 }));
    const provider = new DedupingProvider();
    provider.failNext = 10;
    const opts = { baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect(await dispatchBatch(db, provider, T0, opts)).toMatchObject({ retrying: 1 });
    let m = await getOutboxMessage(db, 'm2');
    expect(m).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: addMilliseconds(T0, 1000) });
    expect(m?.lastError).toBe('网关超时 138****78');
    // Not due yet.
    expect(await dispatchBatch(db, provider, addMilliseconds(T0, 999), opts)).toMatchObject({ claimed: 0 });
    const t1 = addMilliseconds(T0, 1000);
    await dispatchBatch(db, provider, t1, opts);
    m = await getOutboxMessage(db, 'm2');
    expect(m).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: addMilliseconds(t1, 2000) });
    expect(await dispatchBatch(db, provider, addMilliseconds(t1, 2000), opts)).toMatchObject({ dead: 1 });
    expect(await getOutboxMessage(db, 'm2')).toMatchObject({ status: 'dead', attempts: 3 });
    expect(backoffMs(10, opts)).toBe(60_000);
  });

  it('a permanent failure goes straight to dead', async () => {
    const db = getDb();
    await enqueue(db, message('m3'));
    const provider = new DedupingProvider();
    provider.failNext = 1;
    provider.permanent = true;
    expect(await dispatchBatch(db, provider, T0)).toMatchObject({ dead: 1 });
  });

  it('a crash after claim: re-dispatched after the lease with the same id, delivered exactly once', async () => {
    const db = getDb();
    await enqueue(db, message('m4'));
    const provider = new DedupingProvider();
    // Dispatcher A claims, "sends", and crashes before recording the result.
    const [claimed] = await claimDueMessages(db, { now: T0, limit: 10, leaseMs: 60_000 });
    expect(claimed?.id).toBe('m4');
    await provider.send({ ...claimed!, payload: claimed!.payload });
    // While the lease runs, nobody else takes it.
    expect(await dispatchBatch(db, provider, addMilliseconds(T0, 59_999))).toMatchObject({ claimed: 0 });
    // After the lease: claimed again, sent again with the same id, deduped by the provider.
    expect(await dispatchBatch(db, provider, addMilliseconds(T0, 60_000))).toMatchObject({
      claimed: 1,
      sent: 1,
    });
    expect(provider.calls).toEqual(['m4', 'm4']);
    expect([...provider.delivered.keys()]).toEqual(['m4']);
    expect(await getOutboxMessage(db, 'm4')).toMatchObject({
      status: 'sent',
      attempts: 2,
      providerMessageId: 'p-m4',
    });
  });

  it('a late result from a superseded claim is not recorded', async () => {
    const db = getDb();
    await enqueue(db, message('m5'));
    const [first] = await claimDueMessages(db, { now: T0, limit: 10, leaseMs: 1000 });
    const [second] = await claimDueMessages(db, { now: addMilliseconds(T0, 1000), limit: 10, leaseMs: 1000 });
    expect([first?.attempts, second?.attempts]).toEqual([1, 2]);
    const { recordAttempt } = await import('../storage/outbox.js');
    expect(await recordAttempt(db, 'm5', 1, { ok: false, error: 'late', retryAt: T0, now: T0 })).toBe(false);
    expect(await recordAttempt(db, 'm5', 2, { ok: true, providerMessageId: 'p-m5', now: T0 })).toBe(true);
  });

  it('concurrent dispatchers never claim the same message', async () => {
    const db = getDb();
    for (let i = 0; i < 30; i++) await enqueue(db, message(`c${String(i).padStart(2, '0')}`));
    const provider = new DedupingProvider();
    const reports = await Promise.all(
      Array.from({ length: 4 }, () => dispatchBatch(db, provider, T0, { limit: 10 })),
    );
    const reports2 = await Promise.all(
      Array.from({ length: 4 }, () => dispatchBatch(db, provider, T0, { limit: 10 })),
    );
    const sent = [...reports, ...reports2].reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(30);
    expect(provider.calls).toHaveLength(30);
    expect(new Set(provider.calls).size).toBe(30);
  });

  it('DevSmsProvider appends masked JSON lines and dedups by id across instances', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-sms-'));
    try {
      const file = join(dir, 'sms.jsonl');
      const m = {
        id: 'd1',
        channel: 'sms' as const,
        recipient: '13812345678',
        templateId: 't',
        templateVersion: 2,
        payload: { a: 1 },
      };
      await new DevSmsProvider(file).send(m);
      await new DevSmsProvider(file).send(m);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual({
        id: 'd1',
        channel: 'sms',
        to: '138****5678',
        template: 't@2',
        payload: { a: 1 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
