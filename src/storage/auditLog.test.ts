import { sql, type Kysely } from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import {
  appendAuditEvent,
  auditHash,
  chainedAuditHash,
  GENESIS_HASH,
  verifyAuditChain,
  writeAuditCheckpoint,
} from './auditLog.js';
import { auditSubject } from './auditSubject.js';
import type { Database } from './schema.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { allowTampering } from './testing/allowTampering.js';
import { T0 } from './testing/fixtures.js';

describe('auditSubject', () => {
  const base = { actorId: 'a1', command: 'x', payload: {} };
  it('chains a case event to its case, others to the account, unit or policy data they act on, else to the actor', () => {
    expect(auditSubject({ ...base, caseId: 'c1', payload: { unitId: 'u' } })).toBe('case:c1');
    expect(auditSubject({ ...base, payload: { unitId: 'u1', district: '闵行' } })).toBe('unit:u1');
    expect(auditSubject({ ...base, payload: { userId: 'p1' } })).toBe('user:p1');
    expect(
      auditSubject({ ...base, command: 'load_rules', payload: { revisionId: 'r', subject: 'wages' } }),
    ).toBe('policy:wages');
    expect(auditSubject(base)).toBe('actor:a1');
    expect(auditSubject({ ...base, caseId: 'c1', subject: 'user:z' })).toBe('user:z');
  });
});

const now = (minute: number) => `2025-09-15T02:${String(minute).padStart(2, '0')}:00.000Z`;

describeOnBothEngines('auditLog', (getDb) => {
  it('is append-only: UPDATE and DELETE of an event or a checkpoint are refused by the database', async () => {
    const db = getDb();
    await appendAuditEvent(db, {
      at: T0,
      actorId: 'u',
      actorRole: 'admin',
      command: 'change_password',
      payload: { userId: 'u', wasRequired: false },
    });
    await expect(db.updateTable('auditEvents').set({ actorId: 'v' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only/);
    expect(await writeAuditCheckpoint(db, { now: T0 })).toMatchObject({ seq: 1 });
    await expect(db.deleteFrom('auditCheckpoints').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('auditCheckpointLeaves').set({ hash: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  describe('with the guards lifted, as by someone with DDL rights', () => {
    beforeAll(async () => {
      for (const t of ['audit_events', 'audit_checkpoints', 'audit_checkpoint_leaves'] as const)
        await allowTampering(getDb(), t);
    });

    beforeEach(async () => {
      // Each test starts from an empty log.
      const db = getDb();
      await db.deleteFrom('auditEvents').execute();
      await db.deleteFrom('auditChains').execute();
      await db.deleteFrom('auditCheckpointLeaves').execute();
      await db.deleteFrom('auditCheckpoints').execute();
      await db.updateTable('auditHead').set({ lastSeq: 0, lastHash: GENESIS_HASH }).execute();
      await db.updateTable('auditCheckpointHead').set({ lastSeq: 0, lastHash: GENESIS_HASH }).execute();
    });

    const append = (n: number, caseId = `case-${n % 3}`) =>
      appendAuditEvent(getDb(), {
        at: T0,
        actorId: `user-${n}`,
        actorRole: 'acceptance_clerk',
        command: 'accept',
        caseId,
        payload: { version: n, from: 'submitted', to: 'accepted', detail: { n, items: ['a', { b: n }] } },
      });
    const idAt = async (db: Kysely<Database>, chain: string, chainSeq: number) =>
      (
        await db
          .selectFrom('auditEvents')
          .select('id')
          .where('chain', '=', chain)
          .where('chainSeq', '=', chainSeq)
          .executeTakeFirstOrThrow()
      ).id;

    it('chains events per case with gap-free positions and verifies intact', async () => {
      const first = await append(1, 'a');
      const other = await append(2, 'b');
      const second = await append(3, 'a');
      expect(first).toMatchObject({ chain: 'case:a', chainSeq: 1, prevHash: GENESIS_HASH });
      expect(other).toMatchObject({ chain: 'case:b', chainSeq: 1, prevHash: GENESIS_HASH });
      expect(second).toMatchObject({ chain: 'case:a', chainSeq: 2, prevHash: first.hash });
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(await verifyAuditChain(getDb())).toEqual({
        ok: true,
        count: 3,
        chains: 2,
        checkpoints: 0,
        uncheckpointed: 3,
        lastSeq: 0,
        lastHash: GENESIS_HASH,
      });
    });

    it('keeps every chain intact under 40 concurrent appends on 3 cases', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => append(i)));
      const result = await verifyAuditChain(getDb(), { batchSize: 7 });
      expect(result).toMatchObject({ ok: true, count: 40, chains: 3 });
    });

    it('names a changed event', async () => {
      for (let i = 1; i <= 5; i++) await append(i, 'a');
      const victim = await idAt(getDb(), 'case:a', 3);
      await getDb()
        .updateTable('auditEvents')
        .set({ payloadJson: '{"items":["a",{"b":3}],"n":30}' })
        .where('id', '=', victim)
        .execute();
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        problem: 'changed',
        chain: 'case:a',
        seq: 3,
        id: victim,
      });
    });

    it('names a changed actor even with a recomputed own hash (the next link breaks)', async () => {
      for (let i = 1; i <= 4; i++) await append(i, 'a');
      const db = getDb();
      const row = await db
        .selectFrom('auditEvents')
        .selectAll()
        .where('chain', '=', 'case:a')
        .where('chainSeq', '=', 2)
        .executeTakeFirstOrThrow();
      const forged = {
        ...row,
        chain: 'case:a',
        chainSeq: 2,
        actorId: 'someone-else',
        payload: JSON.parse(row.payloadJson) as Record<string, unknown>,
      };
      await db
        .updateTable('auditEvents')
        .set({ actorId: 'someone-else', hash: chainedAuditHash(row.prevHash, forged) })
        .where('id', '=', row.id)
        .execute();
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'reordered',
        chain: 'case:a',
        seq: 3,
        id: await idAt(db, 'case:a', 3),
      });
    });

    it('names a deleted event in the middle', async () => {
      for (let i = 1; i <= 5; i++) await append(i, 'a');
      const db = getDb();
      const after = await idAt(db, 'case:a', 3);
      await db.deleteFrom('auditEvents').where('chain', '=', 'case:a').where('chainSeq', '=', 2).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: 'missing', seq: 2, id: after });
    });

    it('names a deleted tail (the chain head is ahead of the last event)', async () => {
      for (let i = 1; i <= 5; i++) await append(i, 'a');
      const db = getDb();
      await db.deleteFrom('auditEvents').where('chain', '=', 'case:a').where('chainSeq', '>=', 4).execute();
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'missing',
        chain: 'case:a',
        seq: 4,
      });
    });

    it('names events whose places in their chain were swapped', async () => {
      for (let i = 1; i <= 4; i++) await append(i, 'a');
      const db = getDb();
      const e3 = await idAt(db, 'case:a', 3);
      await sql`update audit_events set chain_seq = -2 where chain = 'case:a' and chain_seq = 2`.execute(db);
      await sql`update audit_events set chain_seq = 2 where chain = 'case:a' and chain_seq = 3`.execute(db);
      await sql`update audit_events set chain_seq = 3 where chain = 'case:a' and chain_seq = -2`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'reordered',
        chain: 'case:a',
        seq: 2,
        id: e3,
      });
    });

    it('names a whole chain deleted with its head once a checkpoint anchored it', async () => {
      for (let i = 1; i <= 3; i++) await append(i);
      const db = getDb();
      await writeAuditCheckpoint(db, { now: now(1) });
      await db.deleteFrom('auditEvents').where('chain', '=', 'case:case-1').execute();
      await db.deleteFrom('auditChains').where('chain', '=', 'case:case-1').execute();
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'missing',
        chain: 'case:case-1',
        seq: 1,
      });
    });

    it('checkpoints the chains that grew, chained one to the next; nothing new, no checkpoint', async () => {
      const db = getDb();
      for (let i = 1; i <= 6; i++) await append(i);
      const first = await writeAuditCheckpoint(db, { now: now(1) });
      expect(first).toMatchObject({ seq: 1, leafCount: 3, eventCount: 6, prevHash: GENESIS_HASH });
      expect(await writeAuditCheckpoint(db, { now: now(2) })).toBeNull();
      await append(7, 'a');
      await append(8, 'a');
      const second = await writeAuditCheckpoint(db, { now: now(3) });
      expect(second).toMatchObject({ seq: 2, leafCount: 1, eventCount: 2, prevHash: first!.hash });
      await append(9, 'b');
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: true,
        count: 9,
        chains: 5,
        checkpoints: 2,
        uncheckpointed: 1,
        lastSeq: 2,
        lastHash: second!.hash,
      });
    });

    it('two checkpoint jobs at once write one chain of checkpoints', async () => {
      const db = getDb();
      for (let i = 1; i <= 6; i++) await append(i);
      const runs = await Promise.all([1, 2, 3].map((m) => writeAuditCheckpoint(db, { now: now(m) })));
      expect(runs.filter((r) => r !== null)).toHaveLength(1);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checkpoints: 1, uncheckpointed: 0 });
    });

    it('names a dropped checkpoint, in the middle or at the end', async () => {
      const db = getDb();
      for (let m = 1; m <= 3; m++) {
        await append(m, `k${m}`);
        await writeAuditCheckpoint(db, { now: now(m) });
      }
      await db.deleteFrom('auditCheckpoints').where('seq', '=', 3).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: 'checkpoint_missing', seq: 3 });
      await db.deleteFrom('auditCheckpoints').where('seq', '=', 2).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: 'checkpoint_missing', seq: 2 });
    });

    it('names a checkpoint dropped with its leaves and its head wound back, given the published anchor', async () => {
      const db = getDb();
      await append(1, 'k');
      const c1 = await writeAuditCheckpoint(db, { now: now(1) });
      await append(2, 'k');
      const c2 = await writeAuditCheckpoint(db, { now: now(2) });
      await db.deleteFrom('auditCheckpointLeaves').where('checkpointSeq', '=', 2).execute();
      await db.deleteFrom('auditCheckpoints').where('seq', '=', 2).execute();
      await db.updateTable('auditCheckpointHead').set({ lastSeq: 1, lastHash: c1!.hash }).execute();
      // Without the anchor kept outside, this is an uncheckpointed tail again (docs/audit.md).
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checkpoints: 1 });
      expect(await verifyAuditChain(db, { anchor: { seq: 2, hash: c2!.hash } })).toMatchObject({
        ok: false,
        problem: 'anchor_mismatch',
        seq: 2,
      });
    });

    it('names a changed leaf (Merkle root) and a consistently rewritten checkpointed chain', async () => {
      const db = getDb();
      for (let i = 1; i <= 3; i++) await append(i, 'a');
      await writeAuditCheckpoint(db, { now: now(1) });
      // Rewrite case a from scratch, every hash consistent: the checkpoint's leaf still holds the old head.
      await db.deleteFrom('auditEvents').execute();
      await db.deleteFrom('auditChains').execute();
      await append(1, 'a');
      await append(20, 'a');
      await append(3, 'a');
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'anchor_mismatch',
        chain: 'case:a',
        seq: 3,
      });
      // …and moving the leaf to the forged head breaks the checkpoint's Merkle root.
      const head = await db.selectFrom('auditChains').selectAll().executeTakeFirstOrThrow();
      await db.updateTable('auditCheckpointLeaves').set({ hash: head.lastHash }).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: 'checkpoint_changed', seq: 1 });
    });

    it('keeps the legacy single chain (before migration 0170) verifiable and anchors it', async () => {
      const db = getDb();
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const e = {
          seq,
          id: `legacy-${seq}`,
          at: T0,
          actorId: 'u',
          actorRole: 'admin',
          command: 'x',
          caseId: null,
        };
        const hash = auditHash(prev, { ...e, payload: { seq } });
        await db
          .insertInto('auditEvents')
          .values({ ...e, payloadJson: `{"seq":${seq}}`, prevHash: prev, hash })
          .execute();
        prev = hash;
      }
      await db.updateTable('auditHead').set({ lastSeq: 3, lastHash: prev }).execute();
      await append(4, 'a');
      expect(await writeAuditCheckpoint(db, { now: now(1) })).toMatchObject({ leafCount: 2, eventCount: 4 });
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 4, chains: 1, uncheckpointed: 0 });
      await db.updateTable('auditEvents').set({ command: 'y' }).where('id', '=', 'legacy-2').execute();
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        problem: 'changed',
        chain: 'legacy',
        seq: 2,
      });
    });

    it('refuses personal data in the payload and writes nothing', async () => {
      const error = await appendAuditEvent(getDb(), {
        at: T0,
        actorId: 'u',
        actorRole: 'acceptance_clerk',
        command: 'accept',
        caseId: 'c1',
        payload: {
          version: 2,
          from: 'submitted',
          to: 'accepted',
          detail: { note: '联系 13812345678', holder: { idNumber: 'x' } },
        },
      }).catch((e: unknown) => e);
      expect(isJifenError(error) && error.issues.map((i) => i.path)).toEqual([
        '$.detail.note',
        '$.detail.holder.idNumber',
      ]);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true, count: 0 });
    });
  });
});
