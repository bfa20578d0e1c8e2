/**
 * Template cases for the city-scale seed (`npm run bench:scale`): a few dozen
 * cases driven through the REAL use cases in a scratch database — one holder
 * each, every state of the machine, filed on several days — then swept every
 * day up to the world's today, as the scheduled sweep would have. Every row
 * they left (case, snapshot, claims, materials, review tasks, receipts,
 * notices, determinations, reconsiderations, reminders, messages, audit events)
 * is what the executor writes, so clones of them (cloneRows.ts) are valid for
 * the app. Ids are fixed-width tokens (`tplc07`, `tplh07`, `u-tplhr`) that the
 * cloner substitutes.
 */
import type { Kysely } from 'kysely';
import { decideReconsideration, requestReconsideration, sweep } from '../../src/cases/index.js';
import { atMinute, caseDriver } from '../../src/cases/testing/caseDriver.js';
import { driveToState } from '../../src/cases/testing/driveToState.js';
import { seedHolderRow, seedUnitRow } from '../../src/cases/testing/world.js';
import { addDays } from '../../src/shared/dates.js';
import { cancelPermit } from '../../src/storage/permitRepository.js';
import type { CaseState, Database } from '../../src/storage/schema.js';
import type { Actor } from '../../src/workflow/index.js';
import { composePolicy } from '../../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

/** The world's today: the bench server's clock and the sweep day. */
export const WORLD_TODAY = '2025-12-15';
export const TEMPLATE_DISTRICT = '闵行';
export const TEMPLATE_UNIT = { id: 'tplunit', creditCode: '91310000TPLUN1T009', hr: 'u-tplhr' };
export const TEMPLATE_OFFICERS = { clerk: 'u-tplclerk', reviewer: 'u-tplrev', approver: 'u-tplapp' };

/** Shares of the 300 000 cases by final state: a city in the middle of a filing wave. */
export const STATE_SHARES: [CaseState | 'reconsidering', number][] = [
  ['draft', 4],
  ['submitted', 12],
  ['supplement_required', 4],
  ['accepted', 5],
  ['under_review', 10],
  ['verified', 5],
  ['determined', 44],
  ['reconsidering', 6],
  ['refused', 3],
  ['withdrawn', 3],
  ['expired', 2],
  ['invalidated', 2],
];
/** Filing days per state (spread over the 10 weeks before today, so deadlines fall on many days). */
export const FILING_VARIANTS = 6;

export interface CaseTemplate {
  no: number;
  caseId: string;
  holderId: string;
  target: (typeof STATE_SHARES)[number][0];
  share: number;
  filedOn: string;
}

export const templateToken = (kind: 'c' | 'h', no: number) => `tpl${kind}${String(no).padStart(2, '0')}`;

export async function buildCaseTemplates(db: Kysely<Database>): Promise<CaseTemplate[]> {
  await seedUnitRow(db, {
    id: TEMPLATE_UNIT.id,
    name: '模板企业',
    creditCode: TEMPLATE_UNIT.creditCode,
    district: TEMPLATE_DISTRICT,
    now: '2025-01-02T01:00:00.000Z',
  });
  const hr: Actor = { id: TEMPLATE_UNIT.hr, role: 'employer_hr', unitId: TEMPLATE_UNIT.id };
  const clerk: Actor = { id: TEMPLATE_OFFICERS.clerk, role: 'acceptance_clerk', district: TEMPLATE_DISTRICT };
  const reviewer: Actor = {
    id: TEMPLATE_OFFICERS.reviewer,
    role: 'district_reviewer',
    district: TEMPLATE_DISTRICT,
  };
  const approver: Actor = {
    id: TEMPLATE_OFFICERS.approver,
    role: 'district_approver',
    district: TEMPLATE_DISTRICT,
  };
  const templates: CaseTemplate[] = [];
  let no = 0;
  for (const [target, share] of STATE_SHARES) {
    for (let v = 0; v < FILING_VARIANTS; v++) {
      no++;
      const caseId = templateToken('c', no);
      const holderId = templateToken('h', no);
      // Filed 8–68 days before today; open cases keep deadlines on several days.
      const filedOn = addDays(WORLD_TODAY, -(8 + v * 12));
      templates.push({ no, caseId, holderId, target, share: share / FILING_VARIANTS, filedOn });
      await seedHolderRow(
        db,
        {
          id: holderId,
          birthDate: `19${85 + (no % 10)}-0${(no % 9) + 1}-15`,
          // Endorsed to the end of 2026 (no permit reminder due), except the case that lapses.
          permit: {
            issuedOn: '2023-03-01',
            validUntil: '2027-03-01',
            endorsedUntil: target === 'expired' ? addDays(WORLD_TODAY, -3) : '2026-12-31',
          },
          months: { from: '2019-01', to: '2025-12', baseCny: 12000 + (no % 5) * 3000 },
          education: no % 3 === 0 ? 'master' : 'bachelor',
        },
        no,
        TEMPLATE_UNIT.creditCode,
        '2025-01-02T01:00:00.000Z',
      );
      const drv = caseDriver(db, caseId, policy, no);
      const day = (off: number) => addDays(filedOn, off);
      await driveToState(drv, {
        holderId,
        target:
          target === 'reconsidering' || target === 'expired' || target === 'invalidated'
            ? 'determined'
            : target,
        claims: [{ indicator: 'education' }],
        actors: { hr, clerk, reviewer, approver },
        days: {
          create: day(0),
          withdraw: day(1),
          submit: day(1),
          accept: day(2),
          startReview: day(3),
          firstTask: day(3),
          review: day(4),
          verify: day(5),
          determine: day(6),
        },
      });
      if (target === 'reconsidering') {
        await drv.go(requestReconsideration, { id: holderId, role: 'holder' }, day(7), {
          grounds: '对学历分值有异议',
        });
        if (v % 2 === 0)
          await drv.go(decideReconsideration, approver, day(7), {
            outcome: 'upheld',
            reasons: '经复核，原核定无误',
          });
      }
      if (target === 'invalidated')
        await cancelPermit(db, `${holderId}-permit`, addDays(WORLD_TODAY, -3), '2025-01-02T01:00:00.000Z');
    }
  }
  // The scheduled sweep of every day up to yesterday: reminders, breaches, expiry, invalidation.
  const first = addDays(WORLD_TODAY, -(8 + (FILING_VARIANTS - 1) * 12));
  for (let d = first; d < WORLD_TODAY; d = addDays(d, 1))
    await sweep(db, { ...atMinute(d, 200), deps: policy });
  return templates;
}
