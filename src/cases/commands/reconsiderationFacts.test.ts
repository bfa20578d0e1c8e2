import { expect, it } from 'vitest';
import { issueCaseDocument } from '../../documents/issueCaseDocument.js';
import { pdfText } from '../../documents/testing/pdfTools.js';
import { previewRedetermination } from '../../evidence/previewRedetermination.js';
import { pendingReconsideration } from '../../evidence/testing/pendingReconsideration.js';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import { JifenError } from '../../shared/errors.js';
import { listDeterminations } from '../../storage/determinationRepository.js';
import { listReconsiderationFacts } from '../../storage/reconsiderationFactRepository.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { decideReconsideration, reviewReconsiderationFact } from '../index.js';
import { at, seedWorld } from '../testing/world.js';

const TITLE = {
  indicator: 'qualification',
  detail: { qualifications: [{ type: 'title', level: 'intermediate', matchesPost: true }] },
  statement: '2023年取得中级职称（与岗位对应），申请时漏报',
};

const errorOf = async (p: Promise<unknown>): Promise<JifenError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof JifenError) return e;
    throw e;
  }
  throw new Error('expected a JifenError');
};

/**
 * Issue 15: a fact added in a reconsideration (a 中级职称 forgotten at filing)
 * is reviewed against the evidence before the approver decides; the engine
 * recomputes with it and the decision shows each item before and after.
 */
describeOnBothEngines('reconsideration facts', (getDb, engine) => {
  it('a reviewed title changes the determination; the decision document shows the change per item', async () => {
    const db = getDb();
    const w = await seedWorld(db, `rf${engine}`);
    const caseId = `rf-${engine}`;
    let { version } = await pendingReconsideration(db, w, caseId, {
      request: {
        grounds: '中级职称在申请时漏报，请求重新核定',
        disputed: [{ indicator: 'qualification', statement: '未计入中级职称分值' }],
        facts: [TITLE],
      },
    });
    const [fact] = await listReconsiderationFacts(db, caseId);
    expect(fact).toMatchObject({ indicator: 'qualification', status: 'open', statement: TITLE.statement });
    const decide = (key: string) =>
      decideReconsideration(
        db,
        {
          actor: w.actors.approver,
          caseId,
          expectedVersion: version,
          idempotencyKey: `${caseId}-${key}`,
          ...at('2025-11-03'),
          input: { outcome: 'changed', reasons: '经核实，申请人已取得与岗位对应的中级职称，应予计分' },
        },
        testPolicy,
      );
    // Before the review, the approver cannot decide.
    const early = await errorOf(decide('early'));
    expect(early.code).toBe('invalid_transition');
    expect(early.message).toContain('核实');
    // The reviewer of another district may not review; the district's reviewer accepts with a note.
    const review = (actor = w.actors.reviewer, key = 'review') =>
      reviewReconsiderationFact(
        db,
        {
          actor,
          caseId,
          expectedVersion: version,
          idempotencyKey: `${caseId}-${key}`,
          ...at('2025-10-28'),
          input: { factId: fact!.id, result: 'accepted', note: '与职称证书原件及评审表一致' },
        },
        testPolicy,
      );
    expect((await errorOf(review(w.actors.reviewerPd, 'pd'))).code).toBe('forbidden');
    version = (await review()).version;
    expect((await listReconsiderationFacts(db, caseId))[0]).toMatchObject({
      status: 'accepted',
      reviewNote: '与职称证书原件及评审表一致',
    });
    expect((await errorOf(review(w.actors.reviewer, 'again'))).code).toBe('conflict');
    // The approver's preview: the engine with the reviewed title, written nowhere.
    const preview = await previewRedetermination(
      db,
      { actor: w.actors.approver, caseId, now: '2025-11-03T02:00:00.000Z' },
      testPolicy,
    );
    expect(preview.after.items.find((i) => i.id === 'qualification')?.points).toBeGreaterThan(0);
    expect(preview.before.items.find((i) => i.id === 'qualification')?.points ?? 0).toBe(0);
    const claims = await db
      .selectFrom('claimedIndicators')
      .select('indicator')
      .where('caseId', '=', caseId)
      .execute();
    expect(claims.map((c) => c.indicator)).not.toContain('qualification');
    const decided = await decide('decide');
    const all = await listDeterminations(db, caseId);
    expect(all).toHaveLength(2);
    const [before, after] = all;
    expect(after!.total).toBeGreaterThan(before!.total);
    expect(after!.total).toBe(preview.after.total);
    expect(decided.documents.determination).toBeDefined();

    const doc = await issueCaseDocument(
      db,
      {
        actor: w.actors.holder1,
        caseId,
        kind: 'reconsideration-decision',
        now: '2025-11-04T02:00:00.000Z',
        publicUrl: 'https://x',
      },
      testPolicy,
    );
    const text = pdfText(doc.pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('变更前后逐项对照');
    const gain = after!.total - before!.total;
    // The title row: 0 before, the title's points after, the change signed (education and title
    // score as one group, the higher counting: education's row falls to 0 in turn).
    expect(text).toMatch(/职称和技能等级 0 (\d+) \+\1/);
    expect(text).toMatch(/教育背景 (\d+) 0 −\1/);
    expect(text).toMatch(new RegExp(`合计 ${before!.total} ${after!.total} \\+${gain}`));
    expect(text).toContain('经核实属实');
    expect(text).toContain('未计入中级职称分值');
  }, 60_000);
});
