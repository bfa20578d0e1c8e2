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
import type { Database, District, HouseholdRecordType, Role } from '../storage/schema.js';
import { cancelPermit, getCurrentPermit } from '../storage/permitRepository.js';
import { countCasesByState } from '../storage/caseRepository.js';
import { insertHouseholdRecords } from '../storage/registryRepository.js';
import { getUnit } from '../storage/unitRepository.js';
import type { Actor, CaseState } from '../workflow/index.js';
import {
  attachUrgencyNote,
  decideReconsideration,
  referItem,
  requestReconsideration,
  sweep,
} from '../cases/index.js';
import { atMinute, caseDriver } from '../cases/testing/caseDriver.js';
import { driveToState, type LadderTarget } from '../cases/testing/driveToState.js';
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
const PLAN: (LadderTarget | 'expired' | 'invalidated')[] = [
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

export async function seedDemo(
  db: Kysely<Database>,
  policy: PolicyData,
  log: (line: string) => void = () => {},
): Promise<DemoReport> {
  await migrateToLatest(db);
  if (await getUnit(db, DEMO_UNIT_ID))
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
    // Every fourth holder married in 2015; every eighth to a spouse with a Shanghai hukou.
    const household: HouseholdRecordType[] =
      i % 8 === 0 ? ['marriage', 'spouse_shanghai_hukou'] : i % 4 === 0 ? ['marriage'] : [];
    await insertHouseholdRecords(
      db,
      id,
      household.map((recordType) => ({ recordType, eventDate: '2015-05-01' })),
      t0,
    );
    holders.push({ id, unit });
    // holder1–3 follow cases in progress; holder9's case is determined (the 积分通知书, the phone layout test).
    if (i <= 3 || i === 9) await addUser(`holder${i}`, `持证人${i}`, 'holder', { holderId: id }, id);
  }

  // Cases: the first 90 holders, up the workflow's ladder through the real use cases.
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
    const hr: Actor = {
      id: `u-hr.${DISTRICT_CODE[unit.district]}${unit.id.split('-').pop()}`,
      role: 'employer_hr',
      unitId: unit.id,
    };
    const o = officers(unit.district);
    const holder: Actor = { id: holderId, role: 'holder' };
    // Commands at minute i of their day; earlier holders filed earlier (and waited longer).
    const drv = caseDriver(db, `demo-case-${String(i).padStart(3, '0')}`, policy, i);
    const filed = addDays('2025-06-02', i * 2);
    const day = (off: number) => addDays(filed, off);
    // Submissions of "submitted" cases are recent or months old (stale on the dashboard).
    const submitDay = target === 'submitted' && i % 2 === 0 ? addDays(DEMO_TODAY, -8) : day(1);
    await driveToState(drv, {
      holderId,
      target: target === 'expired' || target === 'invalidated' ? 'determined' : target,
      claims:
        i % 5 === 0
          ? [{ indicator: 'education' }, { indicator: 'spouse_hukou' }]
          : [{ indicator: 'education' }],
      actors: { hr, ...o },
      days: {
        create: day(0),
        withdraw: day(1),
        submit: submitDay,
        accept: day(3),
        startReview: day(4),
        firstTask: day(5),
        review: day(6),
        verify: day(7),
        determine: day(7 + (i % 25)),
      },
    });
    if (target === 'submitted' && i % 3 === 0) {
      const input = { reason: 'child_school_entry', date: '2026-03-01' };
      await drv.go(attachUrgencyNote, hr, atMinute(submitDay, i + 1), input);
    }
    if (target === 'under_review' && i % 2 === 0)
      await drv.go(referItem, o.reviewer, day(6), { taskId: 'education', authority: '市教委学历认证中心' });
    if (target === 'determined' && i % 3 === 0)
      await drv.go(requestReconsideration, holder, day(40), { grounds: '对学历分值有异议' });
    if (target === 'determined' && i % 3 === 1) {
      await drv.go(requestReconsideration, holder, day(40), { grounds: '对社保基数分值有异议' });
      await drv.go(decideReconsideration, o.approver, day(50), {
        outcome: 'upheld',
        reasons: '经复核，原核定无误',
      });
    }
    if (target === 'invalidated') {
      const permit = await getCurrentPermit(db, holderId);
      await cancelPermit(db, permit!.id, addDays(DEMO_TODAY, -5), t0);
    }
  }
  // The sweep of the demo's today: reminders, breaches, expiry of lapsed endorsements, invalidations.
  const swept = await sweep(db, { ...atMinute(DEMO_TODAY, 30), deps: policy });
  const cases: Partial<Record<CaseState, number>> = {};
  for (const r of await countCasesByState(db)) cases[r.state] = (cases[r.state] ?? 0) + r.count;
  log(`定时任务：提醒 ${JSON.stringify(swept.reminders)}，失效 ${swept.expired}，注销 ${swept.invalidated}`);
  return {
    alreadySeeded: false,
    units: units.length + 2,
    holders: holders.length,
    cases: Object.fromEntries(Object.entries(cases).sort(([a], [b]) => (a < b ? -1 : 1))),
    accounts,
    password: DEMO_PASSWORD,
  };
}
