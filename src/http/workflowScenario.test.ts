import { testPolicy } from '../policy/testing/testPolicy.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../demo/seedDemo.js';
import { verifyAuditChain } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

/** A demo holder with no case yet (holders 91–200 have none), employed by demo-mh-1 (闵行). */
const HOLDER = 'demo-h097';
const CASE = 'wf-http-case';

interface CaseView {
  caseId: string;
  version: number;
  state: string;
  reconsideration: string | null;
  heldBy: { party: string | null; label: string; authorities: string[] };
  due: { kind: string; date: string } | null;
  materials: { code: string }[];
  receipts: unknown[];
  notices: unknown[];
  reconsiderations: { status: string }[];
  determinations: { sequence: number; total: number; reason: string }[];
  holder: { idNumberMasked: string } | null;
}

/**
 * The whole workflow scenario of docs/spec/workflow.md (the inputs and working-day dates of
 * `runFullScenario`, which `npm run demo:workflow` prints) over real HTTP, each
 * step by the demo account whose role it is, logged in through /api/v1/auth/login.
 */
describeOnBothEngines('the workflow scenario over real HTTP by the right users', (getDb) => {
  let server: TestServer;
  let now = '2025-09-15T02:00:00.000Z';
  const on = (day: string) => {
    now = `${day}T02:00:00.000Z`;
  };
  beforeAll(async () => {
    const db = getDb();
    await seedDemo(db, testPolicy);
    server = await startTestServer({ db, clock: () => now, loginPerMinute: 10_000 });
  }, 180_000);
  afterAll(() => server?.close());

  it('filing → notice → resubmission → acceptance → referral → verification → determination → reconsideration → adjustment', async () => {
    // Sessions expire: each user logs in again on each day the clock moves to.
    const sessions = new Map<string, Browser>();
    const passwords = new Map<string, string>();
    const as = async (username: string): Promise<Browser> => {
      const k = `${username}@${now.slice(0, 10)}`;
      let b = sessions.get(k);
      if (!b) {
        b = new Browser(server.url);
        const r = await b.login(username, passwords.get(username) ?? DEMO_PASSWORD);
        expect(r.status, `login ${username}`).toBe(200);
        // A password chosen by someone else (the unit's HR) is changed at the first login (issue 12).
        if ((r.json.user as { passwordChangeRequired: boolean }).passwordChangeRequired) {
          const own = 'a self-chosen secret 2025';
          const c = await b.req('POST', '/api/v1/auth/password', {
            currentPassword: passwords.get(username),
            newPassword: own,
          });
          expect(c.status, c.text).toBe(200);
          b.csrf = c.json.csrfToken as string;
          passwords.set(username, own);
        }
        sessions.set(k, b);
      }
      return b;
    };
    let version = 0;
    let seen = 0;
    let n = 0;
    const command = async (username: string, segment: string, body: unknown, expectState: string) => {
      const b = await as(username);
      seen = version;
      const r = await b.req('POST', `/api/v1/cases/${CASE}/${segment}`, body, {
        'idempotency-key': `${CASE}-${++n}`,
        'if-match': String(version),
      });
      expect(r.status, `${segment} by ${username}: ${r.text}`).toBe(200);
      expect(r.json).toMatchObject({ caseId: CASE, state: expectState, replayed: false });
      version = r.json.version as number;
      return r.json as { version: number; documents: Record<string, unknown>; warnings: string[] };
    };
    const view = async (username: string): Promise<CaseView> => {
      const r = await (await as(username)).req('GET', `/api/v1/cases/${CASE}`);
      expect(r.status, r.text).toBe(200);
      return r.json as unknown as CaseView;
    };
    const held = async (party: string | null, state: string) => {
      const v = await view('city');
      expect(v.state).toBe(state);
      expect(v.version).toBe(version);
      expect(v.heldBy.party).toBe(party);
      return v;
    };

    // 2025-09-15: HR of the unit creates the points account (the draft).
    on('2025-09-15');
    const hr = await as('hr.mh1');
    const created = await hr.req(
      'POST',
      '/api/v1/cases',
      { holderId: HOLDER, caseId: CASE, claims: [{ indicator: 'education' }] },
      { 'idempotency-key': `${CASE}-${++n}` },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ caseId: CASE, state: 'draft', version: 1 });
    version = created.json.version as number;
    await held('employer_hr', 'draft');
    // …and opens the holder's login for following the case online (the password is shown once).
    const login = await hr.req('POST', `/api/v1/cases/${CASE}/holder-account`, { username: 'holder.wf' });
    expect(login.status, login.text).toBe(201);
    const initialPassword = login.json.initialPassword as string;
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    passwords.set('holder.wf', initialPassword);

    on('2025-09-16');
    await command('hr.mh1', 'submit', {}, 'submitted');
    const submitted = await held('acceptance_clerk', 'submitted');
    const codes = submitted.materials.map((m) => m.code);
    expect(codes.length).toBeGreaterThan(0);
    const missing = codes[codes.length - 1]!;

    // The counter returns it with a one-time notice; the unit holds it again.
    on('2025-09-18');
    const clerkView = await view('clerk.mh');
    expect(clerkView.materials.map((m) => m.code)).toEqual(codes);
    const returned = await command(
      'clerk.mh',
      'return',
      { items: [{ itemId: missing, problem: 'missing', reason: '未带原件' }] },
      'supplement_required',
    );
    expect(returned.documents.noticeSeq).toBe(1);
    await held('employer_hr', 'supplement_required');

    on('2025-09-22');
    await command('hr.mh1', 'resubmit', {}, 'submitted');
    const resubmitted = await held('acceptance_clerk', 'submitted');
    // The 10th working day after 2025-09-22 is the make-up Saturday 2025-10-11.
    expect(resubmitted.due).toMatchObject({ kind: 'acceptance_reminder', date: '2025-10-11' });

    on('2025-09-24');
    const accepted = await command('clerk.mh', 'accept', { received: codes }, 'accepted');
    expect(accepted.documents.receiptNo).toEqual(expect.any(String));
    await held('district_reviewer', 'accepted');

    on('2025-09-25');
    await command('reviewer.mh', 'start-review', {}, 'under_review');
    await command('reviewer.mh', 'task-result', { taskId: 'archive', result: 'passed' }, 'under_review');
    await command('reviewer.mh', 'task-result', { taskId: 'insurance', result: 'passed' }, 'under_review');
    await held('district_reviewer', 'under_review');

    // A referral: the competent authority holds the case until it answers.
    on('2025-09-26');
    await command(
      'reviewer.mh',
      'refer',
      { taskId: 'education', authority: '市教委学历认证中心' },
      'under_review',
    );
    const referred = await held('authority', 'under_review');
    expect(referred.heldBy.authorities).toEqual(['市教委学历认证中心']);
    // The holder sees who has the case.
    expect((await view('holder.wf')).heldBy.label).toContain('市教委学历认证中心');

    on('2025-09-29');
    await command(
      'reviewer.mh',
      'settle-referral',
      { taskId: 'education', result: 'passed' },
      'under_review',
    );
    await held('district_reviewer', 'under_review');
    await command('reviewer.mh', 'verify', {}, 'verified');
    const verified = await held('district_approver', 'verified');
    // 20 working days across the 2025 National Day holiday.
    expect(verified.due).toMatchObject({ kind: 'determination', date: '2025-11-03' });

    on('2025-10-20');
    const determined = await command('approver.mh', 'determine', {}, 'determined');
    const first = determined.documents.determination as { sequence: number; total: number };
    expect(first.sequence).toBe(1);
    expect(first.total).toBeGreaterThan(0);
    await held(null, 'determined');

    // The holder sees the determination.
    const holder = await as('holder.wf');
    const mine = await holder.req('GET', `/api/v1/holders/${HOLDER}/cases`);
    expect(mine.status, mine.text).toBe(200);
    const list = mine.json as unknown as {
      caseId: string;
      state: string;
      determinations: { sequence: number; total: number; inForce: boolean }[];
    }[];
    expect(list.map((c) => c.caseId)).toEqual([CASE]);
    expect(list[0]!.state).toBe('determined');
    expect(list[0]!.determinations).toEqual([
      expect.objectContaining({ sequence: 1, total: first.total, inForce: true }),
    ]);
    // …and only their own: another holder's list is refused.
    expect((await holder.req('GET', '/api/v1/holders/demo-h001/cases')).status).toBe(403);

    // The holder asks for a reconsideration; the district approver holds it, then decides.
    on('2025-10-22');
    await command('holder.wf', 'reconsideration', { grounds: '学历分值计算有异议' }, 'determined');
    const pending = await held('district_approver', 'determined');
    expect(pending.reconsideration).not.toBeNull();

    on('2025-11-05');
    await command(
      'approver.mh',
      'reconsideration-decision',
      { outcome: 'upheld', reasons: '经复核，学历分值按本科计算无误' },
      'determined',
    );
    const decided = await held(null, 'determined');
    expect(decided.reconsiderations.map((r) => r.status)).toEqual(['decided']);

    // The unit asks for an adjustment (a new title): a new round, a NEW determination.
    on('2025-12-01');
    await command(
      'hr.mh1',
      'request-adjustment',
      {
        reason: '取得中级职称',
        claims: [
          { indicator: 'education' },
          {
            indicator: 'qualification',
            detail: { qualifications: [{ type: 'title', level: 'intermediate', matchesPost: true }] },
          },
        ],
      },
      'draft',
    );
    await held('employer_hr', 'draft');

    on('2025-12-02');
    await command('hr.mh1', 'submit', {}, 'submitted');
    const again = await held('acceptance_clerk', 'submitted');

    on('2025-12-04');
    await command('clerk.mh', 'accept', { received: again.materials.map((m) => m.code) }, 'accepted');

    on('2025-12-05');
    await command('reviewer.mh', 'start-review', {}, 'under_review');
    for (const taskId of ['archive', 'insurance', 'education', 'qualification'])
      await command('reviewer.mh', 'task-result', { taskId, result: 'passed' }, 'under_review');

    on('2025-12-08');
    await command('reviewer.mh', 'verify', {}, 'verified');
    await held('district_approver', 'verified');

    on('2025-12-15');
    const adjusted = await command('approver.mh', 'determine', {}, 'determined');
    expect(adjusted.documents.determination).toMatchObject({ sequence: 2 });
    const final = await held(null, 'determined');
    expect(final.determinations.map((d) => [d.sequence, d.reason])).toEqual([
      [1, 'initial'],
      [2, 'adjustment'],
    ]);
    expect(final.receipts).toHaveLength(2);
    expect(final.notices).toHaveLength(1);
    expect(final.holder?.idNumberMasked).toMatch(/^\d{4}\*{8}\d{3}[\dX]$/);

    const finalMine = await (await as('holder.wf')).req('GET', `/api/v1/holders/${HOLDER}/cases`);
    const finalList = finalMine.json as unknown as {
      determinations: { sequence: number; inForce: boolean }[];
    }[];
    expect(finalList[0]!.determinations.map((d) => [d.sequence, d.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);

    // A retry of the last command (same key, same request) replays; nothing is applied twice.
    const approver = await as('approver.mh');
    const retry = { 'idempotency-key': `${CASE}-${n}`, 'if-match': String(seen) };
    const replay = await approver.req('POST', `/api/v1/cases/${CASE}/determine`, {}, retry);
    expect(replay.status, replay.text).toBe(200);
    expect(replay.json).toMatchObject({ replayed: true, version });
    // The same key on a different request is refused, not applied.
    const reused = await approver.req(
      'POST',
      `/api/v1/cases/${CASE}/determine`,
      {},
      { ...retry, 'if-match': String(version) },
    );
    expect(reused.status, reused.text).toBe(422);
    expect((await view('city')).determinations).toHaveLength(2);

    const audit = await verifyAuditChain(getDb());
    expect(audit).toMatchObject({ ok: true });

    // The logs never carry a holder's full ID number or phone number.
    const logs = server.logs();
    expect(logs.length).toBeGreaterThan(0);
    const holders = await getDb().selectFrom('holders').select(['idNumber', 'phone']).execute();
    expect(holders.length).toBeGreaterThan(0);
    for (const h of holders) {
      expect(logs.includes(h.idNumber), `an ID number in the logs`).toBe(false);
      if (h.phone) expect(logs.includes(h.phone), `a phone number in the logs`).toBe(false);
    }
    for (const secret of [DEMO_PASSWORD, initialPassword]) expect(logs.includes(secret)).toBe(false);
  }, 120_000);
});
