import { expect, it } from 'vitest';
import {
  getCurrentDetermination,
  getDeterminationByVerificationCode,
  insertDetermination,
  listDeterminations,
} from './determinationRepository.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase, T0 } from './testing/fixtures.js';

describeOnBothEngines('determinationRepository', (getDb) => {
  const determine = (caseId: string, total: number, reason: 'initial' | 'adjustment') =>
    insertDetermination(getDb(), {
      caseId,
      reason,
      rulesVersion: 'v2023',
      acceptanceDate: '2025-09-20',
      total,
      result: { contract: 1, total, lines: [{ id: 'age', points: 30 }] },
      explanation: ['年龄 30 分'],
      decidedBy: 'approver-1',
      decidedAt: T0,
    });

  it('versions determinations: each new one supersedes the latest, none is overwritten', async () => {
    const c = await seedCase(getDb());
    const d1 = await determine(c.id, 118, 'initial');
    const d2 = await determine(c.id, 126, 'adjustment');
    expect(d1).toMatchObject({ sequence: 1, supersedes: null, total: 118 });
    expect(d2).toMatchObject({
      sequence: 2,
      supersedes: d1.id,
      total: 126,
      result: { contract: 1, total: 126 },
    });
    expect((await getCurrentDetermination(getDb(), c.id))?.id).toBe(d2.id);
    expect((await listDeterminations(getDb(), c.id)).map((d) => d.total)).toEqual([118, 126]);
    expect(d2.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect((await getDeterminationByVerificationCode(getDb(), d2.verificationCode.toLowerCase()))?.id).toBe(
      d2.id,
    );
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    const c = await seedCase(getDb());
    const d = await determine(c.id, 120, 'initial');
    await expect(
      getDb().updateTable('determinations').set({ total: 200 }).where('id', '=', d.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(getDb().deleteFrom('determinations').where('id', '=', d.id).execute()).rejects.toThrow(
      /append-only/,
    );
    expect((await getCurrentDetermination(getDb(), c.id))?.total).toBe(120);
  });
});
