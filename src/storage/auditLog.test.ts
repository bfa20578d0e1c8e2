import { sql } from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { appendAuditEvent, GENESIS_HASH, verifyAuditChain } from './auditLog.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { allowTampering } from './testing/allowTampering.js';
import { T0 } from './testing/fixtures.js';

describeOnBothEngines('auditLog', (getDb) => {
  it('is append-only: UPDATE and DELETE of an event are refused by the database', async () => {
    const db = getDb();
    await appendAuditEvent(db, { at: T0, actorId: 'u', actorRole: 'admin', command: 'x', payload: {} });
    await expect(db.updateTable('auditEvents').set({ actorId: 'v' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only/);
  });

  describe('with the guard lifted, as by someone with DDL rights', () => {
    beforeAll(async () => {
      await allowTampering(getDb(), 'audit_events');
    });

    beforeEach(async () => {
      // Each test starts from an empty chain.
      const db = getDb();
      await db.deleteFrom('auditEvents').execute();
      await db.updateTable('auditHead').set({ lastSeq: 0, lastHash: GENESIS_HASH }).execute();
    });

    const append = (n: number) =>
      appendAuditEvent(getDb(), {
        at: T0,
        actorId: `user-${n}`,
        actorRole: 'acceptance_clerk',
        command: 'accept',
        caseId: `case-${n % 3}`,
        payload: { n, items: ['a', { b: n }] },
      });

    it('chains events with gap-free sequence numbers and verifies intact', async () => {
      const first = await append(1);
      const second = await append(2);
      expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
      expect(await verifyAuditChain(getDb())).toEqual({
        ok: true,
        count: 2,
        lastSeq: 2,
        lastHash: second.hash,
      });
    });

    it('stays one chain under 40 concurrent appends', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => append(i)));
      const result = await verifyAuditChain(getDb(), { batchSize: 7 });
      expect(result).toMatchObject({ ok: true, count: 40, lastSeq: 40 });
    });

    it('names a changed event', async () => {
      for (let i = 1; i <= 5; i++) await append(i);
      const victim = await getDb()
        .selectFrom('auditEvents')
        .select('id')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await getDb()
        .updateTable('auditEvents')
        .set({ payloadJson: '{"items":["a",{"b":3}],"n":30}' })
        .where('seq', '=', 3)
        .execute();
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        problem: 'changed',
        seq: 3,
        id: victim.id,
      });
    });

    it('names a changed actor even with a recomputed own hash (the next link breaks)', async () => {
      for (let i = 1; i <= 4; i++) await append(i);
      // The forger rewrites event 2 and its hash but cannot rewrite what event 3 links to without rewriting the rest.
      const { auditHash } = await import('./auditLog.js');
      const row = await getDb()
        .selectFrom('auditEvents')
        .selectAll()
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      const forged = {
        ...row,
        actorId: 'someone-else',
        payload: JSON.parse(row.payloadJson) as Record<string, unknown>,
      };
      await getDb()
        .updateTable('auditEvents')
        .set({ actorId: 'someone-else', hash: auditHash(row.prevHash, forged) })
        .where('seq', '=', 2)
        .execute();
      const e3 = await getDb()
        .selectFrom('auditEvents')
        .select('id')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        problem: 'reordered',
        seq: 3,
        id: e3.id,
      });
    });

    it('names a deleted event in the middle and a deleted tail', async () => {
      for (let i = 1; i <= 5; i++) await append(i);
      const after = await getDb()
        .selectFrom('auditEvents')
        .select('id')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await getDb().deleteFrom('auditEvents').where('seq', '=', 2).execute();
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        problem: 'missing',
        seq: 2,
        id: after.id,
      });
      await getDb().deleteFrom('auditEvents').where('seq', '>=', 1).execute();
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, problem: 'missing', seq: 1 });
    });

    it('checks an external anchor: a consistently rebuilt chain is still caught', async () => {
      for (let i = 1; i <= 3; i++) await append(i);
      const intact = await verifyAuditChain(getDb());
      if (!intact.ok) throw new Error('expected intact');
      const anchor = { seq: intact.lastSeq, hash: intact.lastHash };
      expect(await verifyAuditChain(getDb(), { anchor })).toMatchObject({ ok: true });
      // Rebuild the whole chain from scratch with one event changed: internally consistent.
      const db = getDb();
      await db.deleteFrom('auditEvents').execute();
      await db.updateTable('auditHead').set({ lastSeq: 0, lastHash: GENESIS_HASH }).execute();
      await append(1);
      await append(20);
      await append(3);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      expect(await verifyAuditChain(db, { anchor })).toMatchObject({
        ok: false,
        problem: 'anchor_mismatch',
        seq: 3,
      });
      expect(await verifyAuditChain(db, { anchor: { seq: 9, hash: 'x' } })).toMatchObject({
        ok: false,
        problem: 'anchor_mismatch',
        seq: 9,
      });
    });

    it('names reordered events (sequence numbers swapped)', async () => {
      for (let i = 1; i <= 4; i++) await append(i);
      const db = getDb();
      const e2 = await db
        .selectFrom('auditEvents')
        .select('id')
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      await sql`update audit_events set seq = -2 where seq = 2`.execute(db);
      await sql`update audit_events set seq = 2 where seq = 3`.execute(db);
      await sql`update audit_events set seq = 3 where seq = -2`.execute(db);
      const result = await verifyAuditChain(db);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ seq: 2 });
      if (!result.ok) expect(result.id).not.toBe(e2.id);
    });

    it('refuses personal data in the payload and writes nothing', async () => {
      const error = await appendAuditEvent(getDb(), {
        at: T0,
        actorId: 'u',
        actorRole: 'admin',
        command: 'x',
        payload: { note: '联系 13812345678', holder: { idNumber: 'x' } },
      }).catch((e: unknown) => e);
      expect(isJifenError(error) && error.issues.map((i) => i.path)).toEqual(['$.note', '$.holder.idNumber']);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true, count: 0 });
    });
  });
});
