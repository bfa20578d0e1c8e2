/**
 * `./bin/jifen demo seed`: a deterministic district world for the quick start
 * and the UI — four districts, verified units (one barred, one awaiting
 * verification), HR users, clerks/reviewers/approvers per district, a city
 * supervisor, an admin, 200 holders with registry data (insurance months,
 * education, household), and cases in every state, all driven through the
 * real use cases (so every case has its audit trail, receipts, notices,
 * determinations and messages). Demo accounts share one documented password,
 * hashed with argon2id with the server's one parameter set (accounts/passwords.ts).
 */
import type { PolicyData } from '../policy/PolicyData.js';
import type { Kysely } from 'kysely';
import { hashPassword } from '../accounts/passwords.js';
import { addDays, addYears, indexToIsoMonth, isoMonthToIndex } from '../shared/dates.js';
import { migrateToLatest } from '../storage/migrate.js';
import { insertUser } from '../storage/userRepository.js';
import type { Database, District, Role } from '../storage/schema.js';
import { cancelPermit } from '../storage/permitRepository.js';
import type { Actor, CaseState } from '../workflow/index.js';
import {
  acceptApplication,
  attachUrgencyNote,
  createDraft,
  decideReconsideration,
  determinePoints,
  getCaseView,
  recordTaskResult,
  referItem,
  refuseApplication,
  requestReconsideration,
  returnWithNotice,
  startReview,
  submitApplication,
  sweep,
  verifyApplication,
  withdrawApplication,
} from '../cases/index.js';
import { seedHolderRow, seedUnitRow } from '../cases/testing/world.js';
import { sampleCreditCode } from '../shared/creditCode.js';

/** Documented in the README quick start; for the demo world only. */
export const DEMO_PASSWORD = 'Jifen-Demo-2025';
/** The demo's "today": cases have waited, been decided and lapsed relative to it. */
export const DEMO_TODAY = '2025-12-15';
/** The first demo unit: its presence marks a database as the demo world. */
export const DEMO_UNIT_ID = 'demo-mh-1';

export const DEMO_DISTRICTS: District[] = ['闵行', '浦东新区', '徐汇', '静安'];
const DISTRICT_CODE: Record<string, string> = { 闵行: 'mh', 浦东新区: 'pd', 徐汇: 'xh', 静安: 'ja' };

export interface DemoAccount {
  username: string;
  role: Role;
  room: string;
}

export interface DemoReport {
  alreadySeeded: boolean;
  units: number;
  holders: number;
  cases: Partial<Record<CaseState, number>>;
  accounts: DemoAccount[];
  password: string;
}

/** The states the demo shows, in the order holders are given them (the rest have no case yet). */
const PLAN: CaseState[] = [
  'draft',
  'submitted',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'under_review',
  'verified',
  'determined',
  'determined',
  'determined',
  'refused',
  'withdrawn',
  'expired',
  'invalidated',
];

const at = (day: string, minute = 0) => ({
  now: `${day}T0${Math.floor(minute / 60) % 8}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
  today: day,
});

export async function seedDemo(
  db: Kysely<Database>,
  policy: PolicyData,
  log: (line: string) => void = () => {},
): Promise<DemoReport> {
  await migrateToLatest(db);
  const exists = await db.selectFrom('units').select('id').where('id', '=', DEMO_UNIT_ID).executeTakeFirst();
  if (exists)
    return { alreadySeeded: true, units: 0, holders: 0, cases: {}, accounts: [], password: DEMO_PASSWORD };
  const t0 = '2025-01-02T01:00:00.000Z';
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const addUser = async (
    username: string,
    displayName: string,
    role: Role,
    room: { district?: District; unitId?: string; holderId?: string },
    roomLabel: string,
  ) => {
    await insertUser(db, {
      id: `u-${username}`,
      username,
      displayName,
      role,
      ...room,
      passwordHash: hash,
      now: t0,
    });
    accounts.push({ username, role, room: roomLabel });
  };

  // Units: three verified per district; 闵行 has a barred one, 徐汇 one awaiting verification.
  const units: { id: string; district: District; credit: string }[] = [];
  let n = 0;
  for (const d of DEMO_DISTRICTS) {
    const c = DISTRICT_CODE[d]!;
    for (let k = 1; k <= 3; k++) {
      const id = `demo-${c}-${k}`;
      const credit = sampleCreditCode(++n);
      await seedUnitRow(db, { id, name: `${d}示范企业${k}号`, creditCode: credit, district: d, now: t0 });
      units.push({ id, district: d, credit });
      await addUser(`hr.${c}${k}`, `${d}示范企业${k}号 经办人`, 'employer_hr', { unitId: id }, id);
    }
    await addUser(`clerk.${c}`, `${d}受理点`, 'acceptance_clerk', { district: d }, d);
    await addUser(`reviewer.${c}`, `${d}审核`, 'district_reviewer', { district: d }, d);
    await addUser(`approver.${c}`, `${d}核定`, 'district_approver', { district: d }, d);
  }
  await seedUnitRow(db, {
    id: 'demo-mh-barred',
    name: '闵行失信示范公司',
    creditCode: sampleCreditCode(++n),
    district: '闵行',
    barredUntil: '2027-06-30',
    now: t0,
  });
  await seedUnitRow(db, {
    id: 'demo-xh-new',
    name: '徐汇新注册公司',
    creditCode: sampleCreditCode(n + 1),
    district: '徐汇',
    status: 'registered',
    now: t0,
  });
  await addUser('hr.barred', '失信公司经办人', 'employer_hr', { unitId: 'demo-mh-barred' }, 'demo-mh-barred');
  await addUser('city', '市人社局监督', 'city_supervisor', {}, '全市');
  await addUser('admin', '系统管理员', 'admin', {}, '运维');

  // 200 holders with registry data, spread over the verified units.
  const holders: { id: string; unit: (typeof units)[number] }[] = [];
  for (let i = 1; i <= 200; i++) {
    const unit = units[(i - 1) % units.length]!;
    const id = `demo-h${String(i).padStart(3, '0')}`;
    const plan = PLAN[(i - 1) % PLAN.length]!;
    const issuedOn = addDays('2023-03-01', i % 60);
    const endorsedUntil = plan === 'expired' ? '2025-11-30' : '2026-12-31';
    const fromIdx = isoMonthToIndex('2019-01') + (i % 24);
    await seedHolderRow(
      db,
      {
        id,
        birthDate: `${1980 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        permit: { issuedOn, validUntil: addYears(issuedOn, 4), endorsedUntil },
        months: { from: indexToIsoMonth(fromIdx), to: '2025-12', baseCny: 8000 + (i % 12) * 2000 },
        ...(i % 7 === 0
          ? { education: 'doctor' as const }
          : i % 5 === 0
            ? { education: 'master' as const }
            : i % 3 !== 0
              ? { education: 'bachelor' as const }
              : {}),
      },
      1000 + i,
      unit.credit,
      t0,
    );
    if (i % 4 === 0) {
      await db
        .insertInto('householdRecords')
        .values({
          holderId: id,
          recordType: 'marriage',
          eventDate: '2015-05-01',
          detail: null,
          importedAt: t0,
        })
        .execute();
      if (i % 8 === 0)
        await db
          .insertInto('householdRecords')
          .values({
            holderId: id,
            recordType: 'spouse_shanghai_hukou',
            eventDate: '2015-05-01',
            detail: null,
            importedAt: t0,
          })
          .execute();
    }
    holders.push({ id, unit });
    // holder1–3 follow cases in progress; holder9's case is determined (the 积分通知书, the phone layout test).
    if (i <= 3 || i === 9) await addUser(`holder${i}`, `持证人${i}`, 'holder', { holderId: id }, id);
  }

  // Cases: the first 90 holders, through the real use cases.
  const counts: Partial<Record<CaseState, number>> = {};
  const officers = (d: District) => {
    const c = DISTRICT_CODE[d]!;
    return {
      clerk: { id: `u-clerk.${c}`, role: 'acceptance_clerk', district: d } as Actor,
      reviewer: { id: `u-reviewer.${c}`, role: 'district_reviewer', district: d } as Actor,
      approver: { id: `u-approver.${c}`, role: 'district_approver', district: d } as Actor,
    };
  };
  for (let i = 1; i <= 90; i++) {
    const { id: holderId, unit } = holders[i - 1]!;
    const target = PLAN[(i - 1) % PLAN.length]!;
    const caseId = `demo-case-${String(i).padStart(3, '0')}`;
    const hrK = unit.id.split('-').pop();
    const hr: Actor = {
      id: `u-hr.${DISTRICT_CODE[unit.district]}${hrK}`,
      role: 'employer_hr',
      unitId: unit.id,
    };
    const o = officers(unit.district);
    const holderActor: Actor = { id: holderId, role: 'holder' };
    let k = 0;
    const key = () => `${caseId}-${++k}`;
    // Stagger the dates: earlier holders filed earlier (and waited longer).
    const filed = addDays('2025-06-02', i * 2);
    const day = (off: number) => addDays(filed, off);
    const claims =
      i % 5 === 0
        ? [{ indicator: 'education' as const }, { indicator: 'spouse_hukou' as const }]
        : [{ indicator: 'education' as const }];
    await createDraft(
      db,
      {
        actor: hr,
        idempotencyKey: key(),
        ...at(day(0), i),
        input: { holderId, caseId, claims },
      },
      policy,
    );
    if (target === 'draft') {
      counts.draft = (counts.draft ?? 0) + 1;
      continue;
    }
    if (target === 'withdrawn') {
      await withdrawApplication(
        db,
        {
          actor: hr,
          caseId,
          idempotencyKey: key(),
          ...at(day(1), i),
          input: { reason: '员工离职' },
        },
        policy,
      );
      counts.withdrawn = (counts.withdrawn ?? 0) + 1;
      continue;
    }
    // Submissions of "submitted" cases are recent or months old (stale on the dashboard).
    const submitDay = target === 'submitted' ? (i % 2 === 0 ? addDays(DEMO_TODAY, -8) : day(1)) : day(1);
    await submitApplication(
      db,
      { actor: hr, caseId, idempotencyKey: key(), ...at(submitDay, i), input: {} },
      policy,
    );
    if (target === 'submitted') {
      if (i % 3 === 0)
        await attachUrgencyNote(
          db,
          {
            actor: hr,
            caseId,
            idempotencyKey: key(),
            ...at(submitDay, i + 1),
            input: { reason: 'child_school_entry', date: '2026-03-01' },
          },
          policy,
        );
      counts.submitted = (counts.submitted ?? 0) + 1;
      continue;
    }
    const view = await getCaseView(db, { actor: o.clerk, caseId, today: day(3) }, policy);
    const codes = view.materials.map((m) => m.code);
    if (target === 'supplement_required') {
      await returnWithNotice(
        db,
        {
          actor: o.clerk,
          caseId,
          idempotencyKey: key(),
          ...at(day(3), i),
          input: { items: [{ itemId: codes[0]!, problem: 'defective', reason: '复印件不清晰' }] },
        },
        policy,
      );
      counts.supplement_required = (counts.supplement_required ?? 0) + 1;
      continue;
    }
    await acceptApplication(
      db,
      {
        actor: o.clerk,
        caseId,
        idempotencyKey: key(),
        ...at(day(3), i),
        input: { received: codes },
      },
      policy,
    );
    if (target === 'accepted') {
      counts.accepted = (counts.accepted ?? 0) + 1;
      continue;
    }
    await startReview(
      db,
      { actor: o.reviewer, caseId, idempotencyKey: key(), ...at(day(4), i), input: {} },
      policy,
    );
    const tasks = ['archive', 'insurance', ...claims.map((c) => c.indicator)];
    if (target === 'under_review') {
      await recordTaskResult(
        db,
        {
          actor: o.reviewer,
          caseId,
          idempotencyKey: key(),
          ...at(day(5), i),
          input: { taskId: 'archive', result: 'passed' },
        },
        policy,
      );
      if (i % 2 === 0)
        await referItem(
          db,
          {
            actor: o.reviewer,
            caseId,
            idempotencyKey: key(),
            ...at(day(6), i),
            input: { taskId: 'education', authority: '市教委学历认证中心' },
          },
          policy,
        );
      counts.under_review = (counts.under_review ?? 0) + 1;
      continue;
    }
    if (target === 'refused') {
      await refuseApplication(
        db,
        {
          actor: o.reviewer,
          caseId,
          idempotencyKey: key(),
          ...at(day(6), i),
          input: {
            reasons: [
              {
                code: 'insurance_invalid',
                text: '社保缴费存在补缴，不满6个月有效缴费',
                citation: '实施细则 第二条',
              },
            ],
          },
        },
        policy,
      );
      counts.refused = (counts.refused ?? 0) + 1;
      continue;
    }
    for (const taskId of tasks)
      await recordTaskResult(
        db,
        {
          actor: o.reviewer,
          caseId,
          idempotencyKey: key(),
          ...at(day(6), i),
          input: { taskId, result: 'passed' },
        },
        policy,
      );
    await verifyApplication(
      db,
      {
        actor: o.reviewer,
        caseId,
        idempotencyKey: key(),
        ...at(day(7), i),
        input: {},
      },
      policy,
    );
    if (target === 'verified') {
      counts.verified = (counts.verified ?? 0) + 1;
      continue;
    }
    await determinePoints(
      db,
      {
        actor: o.approver,
        caseId,
        idempotencyKey: key(),
        ...at(day(7 + (i % 25)), i),
        input: {},
      },
      policy,
    );
    if (target === 'determined' && i % 3 === 0)
      await requestReconsideration(
        db,
        {
          actor: holderActor,
          caseId,
          idempotencyKey: key(),
          ...at(day(40), i),
          input: { grounds: '对学历分值有异议' },
        },
        policy,
      );
    if (target === 'determined' && i % 3 === 1) {
      await requestReconsideration(
        db,
        {
          actor: holderActor,
          caseId,
          idempotencyKey: key(),
          ...at(day(40), i),
          input: { grounds: '对社保基数分值有异议' },
        },
        policy,
      );
      await decideReconsideration(
        db,
        {
          actor: o.approver,
          caseId,
          idempotencyKey: key(),
          ...at(day(50), i),
          input: { outcome: 'upheld', reasons: '经复核，原核定无误' },
        },
        policy,
      );
    }
    if (target === 'invalidated') {
      const permit = await db
        .selectFrom('permits')
        .select('id')
        .where('holderId', '=', holderId)
        .executeTakeFirstOrThrow();
      await cancelPermit(db, permit.id, addDays(DEMO_TODAY, -5), t0);
    }
    const state = target === 'expired' || target === 'invalidated' ? 'determined' : target;
    counts[state] = (counts[state] ?? 0) + 1;
  }
  // The sweep of the demo's today: reminders, breaches, expiry of lapsed endorsements, invalidations.
  const swept = await sweep(db, { ...at(DEMO_TODAY, 30), deps: policy });
  const byState = await db
    .selectFrom('cases')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  log(`定时任务：提醒 ${JSON.stringify(swept.reminders)}，失效 ${swept.expired}，注销 ${swept.invalidated}`);
  return {
    alreadySeeded: false,
    units: units.length + 2,
    holders: holders.length,
    cases: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])),
    accounts,
    password: DEMO_PASSWORD,
  };
}
