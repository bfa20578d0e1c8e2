/**
 * Facts the machine's guards need but cannot know (unit status, pre-check,
 * checklist, engine outcome), computed inside the command's transaction from
 * stored data.
 */
import type { WorkCalendar } from '../../calendar/WorkCalendar.js';
import { checklist } from '../../checklist/index.js';
import { score } from '../../engine/index.js';
import type { ScoreResult } from '../../engine/types.js';
import { precheck } from '../../precheck/index.js';
import type { Profile } from '../../profile/profileSchema.js';
import type { MaterialsCatalogue } from '../../checklist/loadMaterialsCatalogue.js';
import type { RuleSet } from '../../rules/RuleSet.js';
import { JifenError } from '../../shared/errors.js';
import type { Executor } from '../../storage/dialectSpecifics.js';
import { listClaimedIndicators } from '../../storage/caseRepository.js';
import { getLatestIssuedPermit, getPermit } from '../../storage/permitRepository.js';
import { listReviewTasks } from '../../storage/reviewTaskRepository.js';
import { getUnit } from '../../storage/unitRepository.js';
import type { Database, PermitRow, UnitRow } from '../../storage/schema.js';
import type { EngineOutcome, PrecheckOutcome, UnitStatus, WorkdayCalendar } from '../../workflow/index.js';
import { buildProfile } from './profileFromRecords.js';

type Tx = Executor<Database>;

export function unitStatusOf(unit: UnitRow, today: string): UnitStatus {
  if (unit.barredUntil !== null && unit.barredUntil >= today) return 'barred';
  return unit.registrationStatus;
}

export async function loadUnit(tx: Tx, unitId: string): Promise<UnitRow> {
  const unit = await getUnit(tx, unitId);
  if (!unit) throw new JifenError('not_found', '单位不存在', [], { unitId });
  return unit;
}

export async function loadPermit(
  tx: Tx,
  permitId: string | null,
  holderId: string,
): Promise<PermitRow | undefined> {
  if (permitId !== null) return getPermit(tx, permitId);
  return getLatestIssuedPermit(tx, holderId);
}

export interface FilingFacts {
  /** The filing unit as read for these facts (the submission's unit-status guard reads it too). */
  unit: UnitRow;
  profile: Profile;
  precheck: PrecheckOutcome;
  checklist: { id: string; name: string; neededFor: string[] }[];
}

/** Pre-check (docs/spec/rules.md §6) and the personalised checklist for a submission on `today`. */
export async function filingFacts(
  tx: Tx,
  c: { id: string; holderId: string; unitId: string; permitId: string | null },
  today: string,
  rules: RuleSet,
  calendar: WorkdayCalendar,
  catalogue: MaterialsCatalogue,
): Promise<FilingFacts> {
  const unit = await loadUnit(tx, c.unitId);
  const permit = await loadPermit(tx, c.permitId, c.holderId);
  const claims = await listClaimedIndicators(tx, c.id);
  const profile = await buildProfile(tx, {
    holderId: c.holderId,
    unit,
    permit,
    asOf: today,
    claims,
    basis: 'claimed',
  });
  // precheck's options name the project's WorkCalendar; the workflow's interface is the part it uses.
  const pre = precheck(profile, { rules, calendar: calendar as WorkCalendar });
  const simulated = score(profile, { explain: false }, rules);
  const list = checklist(profile, catalogue);
  return {
    unit,
    profile,
    precheck: {
      eligible: pre.eligible,
      reasons: pre.conditions.filter((x) => x.status !== 'pass').map((x) => x.reason), // Chinese only: HR reads them (issue 14)
      simulatedTotal: simulated.total,
    },
    checklist: list.items.map((i) => ({ id: i.id, name: i.name, neededFor: i.neededFor })),
  };
}

export interface EngineFacts {
  profile: Profile;
  result: ScoreResult;
  outcome: EngineOutcome;
}

/**
 * The engine on verified facts with the rules in force on the acceptance date
 * (docs/spec/rules.md §1): registry data plus the claims whose review passed.
 */
export async function engineFacts(
  tx: Tx,
  c: { id: string; holderId: string; unitId: string; permitId: string | null },
  asOf: string,
  rules: RuleSet,
): Promise<EngineFacts> {
  const unit = await loadUnit(tx, c.unitId);
  const permit = await loadPermit(tx, c.permitId, c.holderId);
  const claims = await listClaimedIndicators(tx, c.id);
  const tasks = await listReviewTasks(tx, c.id);
  const passed = new Set(tasks.filter((t) => t.status === 'passed').map((t) => t.indicator));
  const profile = await buildProfile(tx, {
    holderId: c.holderId,
    unit,
    permit,
    asOf,
    claims,
    basis: 'verified',
    passed,
  });
  const result = score(profile, { explain: true }, rules);
  const provisionalMonths = result.provisional ? result.warnings.filter((w) => w.includes('社平工资')) : [];
  return {
    profile,
    result,
    outcome: {
      total: result.total,
      rulesVersion: result.rulesVersion,
      provisional: result.provisional,
      ...(provisionalMonths.length > 0 ? { provisionalMonths } : {}),
      vetoed: result.vetoed,
    },
  };
}
