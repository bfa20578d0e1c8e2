/**
 * The full life of one case (issue 4): filing → return with one-time notice →
 * resubmission → acceptance → review with a referral → verification →
 * determination → notice → reconsideration → adjustment → expiry. Used by the
 * tests on both engines and by `npm run demo:workflow`.
 */
import type { Kysely } from 'kysely';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import type { Database } from '../../storage/schema.js';
import { ROLE_LABELS, STATE_LABELS, type Actor } from '../../workflow/index.js';
import {
  acceptApplication,
  createDraft,
  decideReconsideration,
  determinePoints,
  getCaseView,
  recordTaskResult,
  referItem,
  requestAdjustment,
  requestReconsideration,
  resubmit,
  returnWithNotice,
  settleReferral,
  startReview,
  submitApplication,
  sweep,
  verifyApplication,
  type CaseCommandResult,
  type CaseDeps,
} from '../index.js';
import { at, type World } from './world.js';

export interface ScenarioStep {
  step: string;
  actor: string;
  date: string;
  state: string;
  stateLabel: string;
  heldBy: string;
  due: string | null;
  waitingWorkdays: number | null;
  detail: string;
}

export interface ScenarioOutcome {
  caseId: string;
  steps: ScenarioStep[];
  determinations: { sequence: number; total: number; reason: string }[];
}

export async function runFullScenario(
  db: Kysely<Database>,
  w: World,
  caseId: string,
  log: (s: ScenarioStep) => void = () => {},
): Promise<ScenarioOutcome> {
  const steps: ScenarioStep[] = [];
  const a = w.actors;
  let version = 0;
  let n = 0;
  const record = async (
    step: string,
    actor: Actor,
    day: string,
    r: CaseCommandResult | null,
    detail = '',
  ) => {
    if (r) version = r.version;
    const view = await getCaseView(db, { actor: a.city, caseId, today: day }, testPolicy);
    const s: ScenarioStep = {
      step,
      actor: `${ROLE_LABELS[actor.role]}(${actor.id})`,
      date: day,
      state: view.state,
      stateLabel: view.reconsideration
        ? `${STATE_LABELS[view.state as keyof typeof STATE_LABELS]}·${view.reconsideration}`
        : view.stateLabel,
      heldBy: view.heldBy.label,
      due: view.due ? `${view.due.kind} ${view.due.date}` : null,
      waitingWorkdays: view.waitingWorkdays,
      detail,
    };
    steps.push(s);
    log(s);
    return view;
  };
  const cmd = (actor: Actor, day: string, input: unknown) => ({
    actor,
    caseId,
    expectedVersion: version,
    idempotencyKey: `${caseId}-${++n}`,
    ...at(day),
    input,
  });
  // Every command sends the version it saw, as a UI would.
  const go = async (
    f: (db: Kysely<Database>, req: never, deps: CaseDeps) => Promise<CaseCommandResult>,
    req: ReturnType<typeof cmd>,
  ) => {
    const out = await f(db, req as never, testPolicy);
    version = out.version;
    return out;
  };

  let r = await createDraft(
    db,
    {
      actor: a.hrA,
      idempotencyKey: `${caseId}-${++n}`,
      ...at('2025-09-15'),
      input: { holderId: w.holders.h1, caseId, claims: [{ indicator: 'education' }] },
    },
    testPolicy,
  );
  await record('创建积分账户（填报）', a.hrA, '2025-09-15', r);
  r = await go(submitApplication, cmd(a.hrA, '2025-09-16', {}));
  let view = await record('网上提交', a.hrA, '2025-09-16', r, r.warnings.join(''));
  const codes = view.materials.map((m) => m.code);
  const missing = codes[codes.length - 1]!;
  r = await go(
    returnWithNotice,
    cmd(a.clerk, '2025-09-18', { items: [{ itemId: missing, problem: 'missing', reason: '未带原件' }] }),
  );
  await record(
    '一次性告知补齐材料',
    a.clerk,
    '2025-09-18',
    r,
    `告知单第 ${r.documents.noticeSeq} 号：${missing}`,
  );
  r = await go(resubmit, cmd(a.hrA, '2025-09-22', {}));
  await record('补齐后重新提交', a.hrA, '2025-09-22', r);
  r = await go(acceptApplication, cmd(a.clerk, '2025-09-24', { received: codes }));
  await record('受理', a.clerk, '2025-09-24', r, `收件凭证 ${r.documents.receiptNo}`);
  r = await go(startReview, cmd(a.reviewer, '2025-09-25', {}));
  await record('开始审核', a.reviewer, '2025-09-25', r);
  await go(recordTaskResult, cmd(a.reviewer, '2025-09-25', { taskId: 'archive', result: 'passed' }));
  r = await go(recordTaskResult, cmd(a.reviewer, '2025-09-25', { taskId: 'insurance', result: 'passed' }));
  await record('审核：档案、社保通过', a.reviewer, '2025-09-25', r);
  r = await go(
    referItem,
    cmd(a.reviewer, '2025-09-26', { taskId: 'education', authority: '市教委学历认证中心' }),
  );
  await record('提请主管部门核实（学历）', a.reviewer, '2025-09-26', r);
  r = await go(settleReferral, cmd(a.reviewer, '2025-09-29', { taskId: 'education', result: 'passed' }));
  await record('核实结果：学历属实', a.reviewer, '2025-09-29', r);
  r = await go(verifyApplication, cmd(a.reviewer, '2025-09-29', {}));
  await record('审核属实（20个工作日内核定，跨国庆）', a.reviewer, '2025-09-29', r);
  r = await go(determinePoints, cmd(a.approver, '2025-10-20', {}));
  await record(
    '积分核定',
    a.approver,
    '2025-10-20',
    r,
    `第 ${r.documents.determination?.sequence} 次核定 ${r.documents.determination?.total} 分，校验码 ${r.documents.determination?.verificationCode}，规则 ${r.documents.determination?.rulesVersion}`,
  );
  view = await getCaseView(db, { actor: a.holder1, caseId, today: '2025-10-20' }, testPolicy);
  await record(
    '积分通知书与短信',
    a.holder1,
    '2025-10-20',
    null,
    `待发消息：${view.messages
      .filter((m) => m.templateId === 'determination_made')
      .map((m) => m.channel)
      .join('、')}`,
  );
  r = await go(requestReconsideration, cmd(a.holder1, '2025-10-22', { grounds: '学历分值计算有异议' }));
  await record('申请复核（区级）', a.holder1, '2025-10-22', r);
  r = await go(
    decideReconsideration,
    cmd(a.approver, '2025-11-05', { outcome: 'upheld', reasons: '经复核，学历分值按本科计算无误' }),
  );
  await record('复核决定：维持', a.approver, '2025-11-05', r);
  r = await requestAdjustment(
    db,
    cmd(a.hrA, '2025-12-01', {
      reason: '取得中级职称',
      claims: [
        { indicator: 'education' },
        {
          indicator: 'qualification',
          detail: { qualifications: [{ type: 'title', level: 'intermediate', matchesPost: true }] },
        },
      ],
    }) as never,
    testPolicy,
  );
  await record('申请调整积分', a.hrA, '2025-12-01', r);
  r = await go(submitApplication, cmd(a.hrA, '2025-12-02', {}));
  view = await record('调整：网上提交', a.hrA, '2025-12-02', r);
  r = await go(
    acceptApplication,
    cmd(a.clerk, '2025-12-04', { received: view.materials.map((m) => m.code) }),
  );
  await record('调整：受理', a.clerk, '2025-12-04', r, `收件凭证 ${r.documents.receiptNo}`);
  await go(startReview, cmd(a.reviewer, '2025-12-05', {}));
  for (const taskId of ['archive', 'insurance', 'education', 'qualification'])
    await go(recordTaskResult, cmd(a.reviewer, '2025-12-05', { taskId, result: 'passed' }));
  r = await go(verifyApplication, cmd(a.reviewer, '2025-12-08', {}));
  await record('调整：审核属实', a.reviewer, '2025-12-08', r);
  r = await go(determinePoints, cmd(a.approver, '2025-12-15', {}));
  await record(
    '调整：新的核定（取代原核定）',
    a.approver,
    '2025-12-15',
    r,
    `第 ${r.documents.determination?.sequence} 次核定 ${r.documents.determination?.total} 分`,
  );
  const reminder = await sweep(db, { ...at('2026-05-31'), deps: testPolicy });
  await record(
    '定时任务：居住证到期前30天提醒',
    a.system,
    '2026-05-31',
    null,
    JSON.stringify(reminder.reminders),
  );
  const lapse = await sweep(db, { ...at('2026-07-01'), deps: testPolicy });
  await record('定时任务：签注过期，积分失效', a.system, '2026-07-01', null, `expired=${lapse.expired}`);
  const final = await getCaseView(db, { actor: a.city, caseId, today: '2026-07-01' }, testPolicy);
  return {
    caseId,
    steps,
    determinations: final.determinations.map((d) => ({
      sequence: d.sequence,
      total: d.total,
      reason: d.reason,
    })),
  };
}
