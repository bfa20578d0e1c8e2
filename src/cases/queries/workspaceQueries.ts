/**
 * Read side of the web workspaces (issue 6): what the unit, the counter and the
 * reviewers need on screen besides the case view — the registry data beside the
 * claims, the pre-check before submitting, the engine's result on the verified
 * facts before determining (never a typed number), the frozen explanation of
 * each determination, the unit's employees and when their points account may be
 * opened, and the units of a district awaiting verification. Read-only, checked
 * against the same rooms as the case view.
 */
import { JifenError } from '../../shared/errors.js';
import { getCase, listClaimedIndicators } from '../../storage/caseRepository.js';
import { listDeterminations } from '../../storage/determinationRepository.js';
import { holderRegistryRows } from '../../storage/holderRegistryRows.js';
import { getUnit, listDistrictUnits } from '../../storage/unitRepository.js';
import { unitEmployeeRows } from '../../storage/unitEmployeeRows.js';
import type { CaseRow, CaseState, District, UnitRegistrationStatus } from '../../storage/schema.js';
import { isJifenError } from '../../shared/errors.js';
import { OPEN_STATES, STATE_LABELS, type Actor } from '../../workflow/index.js';
import { engineFacts, filingFacts } from '../facts/facts.js';
import { mayRead } from './queries.js';
import { DECLARED_FACTS } from '../facts/profileFromRecords.js';
import { isUnitEmployee, requireUnitEmployee } from '../rooms.js';
import type { CaseDeps, Db } from '../types.js';

const room = (message: string, actor: Actor) =>
  new JifenError('forbidden', message, [], { role: actor.role, reason: 'room' });

/** The registry data of one holder (permit, social insurance, tax, education, household), masked. */
export async function registryOf(db: Db, holderId: string, today: string) {
  const found = await holderRegistryRows(db, holderId, today.slice(0, 7));
  if (!found) return null;
  const { holder, permit, months, tax, education, household } = found;
  const last = months[months.length - 1];
  return {
    holder,
    permit: permit ?? null,
    insurance: {
      months: months.length,
      backPaidMonths: months.filter((m) => m.backPaid).length,
      firstMonth: months[0]?.month ?? null,
      lastMonth: last?.month ?? null,
      lastBaseCny: last ? last.baseFen / 100 : null,
      lastUnitCreditCode: last?.unitCreditCode ?? null,
    },
    tax: tax.map((t) => ({
      month: t.month,
      incomeCny: t.incomeFen / 100,
      taxCny: t.taxFen / 100,
    })),
    education: education.map((e) => ({
      certificateNo: e.certificateNo,
      level: e.level,
      degree: e.degree,
      fullTime: e.fullTime,
      foreign: e.foreignDegree,
      result: e.result,
      verifiedOn: e.verifiedOn,
      majorName: e.majorName,
    })),
    household,
  };
}

/** The first day the unit may open the holder's points account (申办流程 5: 3rd working day after the permit). */
export function accountOpensOn(issuedOn: string, today: string, deps: CaseDeps): string | null {
  try {
    const n = deps.rules.at(today).params.eligibility?.value.accountAfterPermitWorkdays ?? 3;
    return deps.calendar.addWorkdays(issuedOn, n);
  } catch (e) {
    if (isJifenError(e)) return null;
    throw e;
  }
}

interface ExplainedItem {
  id: string;
  label: string;
  group: string;
  points: number;
  explanation: string;
  citations: string[];
  next?: string | null;
}

const itemsOf = (explanation: unknown): ExplainedItem[] =>
  ((explanation as { items?: ExplainedItem[] } | null)?.items ?? []).map((i) => ({
    id: i.id,
    label: i.label,
    group: i.group,
    points: i.points,
    explanation: i.explanation,
    citations: i.citations ?? [],
    next: i.next ?? null,
  }));

/**
 * Everything a workspace shows beside the case view: claims, registry data,
 * each determination with its per-item explanation, and — for whoever acts next —
 * the pre-check (unit, before submitting) or the engine's result on the verified
 * facts (approver, before determining).
 */
export async function caseWorkspace(
  db: Db,
  req: { actor: Actor; caseId: string; today: string },
  deps: CaseDeps,
) {
  const row = await getCase(db, req.caseId);
  if (!row || !mayRead(req.actor, row))
    throw row
      ? room('无权查看此案件', req.actor)
      : new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
  return workspaceFor(req.actor, row, await workspaceParts(db, row, req.today, deps));
}

export type WorkspaceParts = Awaited<ReturnType<typeof workspaceParts>>;

/**
 * The workspace for every reader at once: what depends only on the case version,
 * the policy data, the day and the registry facts (stored by cachedCaseView.ts).
 * The pre-check is computed in the filing states and the engine in review, whoever asks;
 * `workspaceFor` shows each only to whom it is for.
 */
export async function workspaceParts(
  db: Db,
  row: Pick<CaseRow, 'id' | 'holderId' | 'unitId' | 'permitId' | 'state' | 'acceptanceDate'>,
  today: string,
  deps: CaseDeps,
) {
  const claims = (await listClaimedIndicators(db, row.id)).filter((c) => c.indicator !== DECLARED_FACTS);
  const unitEmployee = await isUnitEmployee(db, row.holderId, row.unitId, today);
  const registry = await registryOf(db, row.holderId, today);
  const determinations = (await listDeterminations(db, row.id)).map((d) => ({
    sequence: d.sequence,
    reason: d.reason,
    total: d.total,
    rulesVersion: d.rulesVersion,
    acceptanceDate: d.acceptanceDate,
    verificationCode: d.verificationCode,
    decidedAt: d.decidedAt,
    standard: (d.explanation as { standard?: number } | null)?.standard ?? 120,
    items: itemsOf(d.explanation),
  }));
  const c = { id: row.id, holderId: row.holderId, unitId: row.unitId, permitId: row.permitId };
  let precheck: { eligible: boolean; reasons: string[]; simulatedTotal: number } | null = null;
  let checklist: { id: string; name: string }[] = [];
  // Filing (the unit) and at the counter (the clerk sees the pre-check beside its checklist, issue 15):
  // computed once for the case, shown to the readers workspaceFor lets see it.
  if (['draft', 'supplement_required', 'submitted'].includes(row.state)) {
    try {
      const f = await filingFacts(db, c, today, deps.rules, deps.calendar, deps.catalogue);
      precheck = f.precheck;
      checklist = f.checklist.map((i) => ({ id: i.id, name: i.name }));
    } catch (e) {
      if (!isJifenError(e)) throw e;
      precheck = { eligible: false, reasons: [e.message], simulatedTotal: 0 };
    }
  }
  let engine: {
    total: number;
    standard: number;
    rulesVersion: string;
    asOf: string;
    provisional: boolean;
    vetoed: boolean;
    warnings: string[];
    items: ExplainedItem[];
  } | null = null;
  if (['under_review', 'verified'].includes(row.state) && row.acceptanceDate) {
    try {
      const e = await engineFacts(db, c, row.acceptanceDate, deps.rules);
      engine = {
        total: e.result.total,
        standard: e.result.standard,
        rulesVersion: e.result.rulesVersion,
        asOf: row.acceptanceDate,
        provisional: e.result.provisional,
        vetoed: e.result.vetoed,
        warnings: e.result.warnings,
        items: itemsOf(e.result),
      };
    } catch (e) {
      if (!isJifenError(e)) throw e;
    }
  }
  return { claims, unitEmployee, registry, determinations, precheck, checklist, engine };
}

/** What this reader sees of the workspace parts (the rooms of the case view). */
export function workspaceFor(actor: Actor, row: Pick<CaseRow, 'id' | 'state'>, parts: WorkspaceParts) {
  const { claims, unitEmployee, registry, determinations } = parts;
  // A unit sees registry data only of its current employee: what the registry route would refuse
  // (rooms.ts), the workspace does not show either.
  const registryVisible = actor.role !== 'employer_hr' || unitEmployee;
  const filing = ['draft', 'supplement_required'].includes(row.state);
  const atCounter = ['submitted', 'supplement_required'].includes(row.state);
  const forFiler =
    (filing && ['employer_hr', 'city_supervisor'].includes(actor.role)) ||
    (atCounter && actor.role === 'acceptance_clerk');
  const officer = ['district_reviewer', 'district_approver', 'city_supervisor'].includes(actor.role);
  return {
    caseId: row.id,
    state: row.state,
    claims,
    registry: registryVisible ? registry : null,
    determinations,
    precheck: forFiler ? parts.precheck : null,
    checklist: forFiler ? parts.checklist : [],
    engine: officer ? parts.engine : null,
  };
}

/**
 * The unit's employees as the registries know them (the unit paid their latest
 * social-insurance month), with their open case if any and the first day their
 * points account may be opened. Filter by name / holder id; offset pagination.
 */
export async function unitEmployees(
  db: Db,
  req: { actor: Actor; unitId: string; today: string; q?: string; limit?: number; offset?: number },
  deps: CaseDeps,
) {
  const unit = await getUnit(db, req.unitId);
  const own = req.actor.role === 'employer_hr' && req.actor.unitId === req.unitId;
  if (!own && req.actor.role !== 'city_supervisor') throw room('只能查看本单位的员工', req.actor);
  if (!unit) throw new JifenError('not_found', '单位不存在', [], { unitId: req.unitId });
  const limit = Math.min(Math.max(req.limit ?? 20, 1), 100);
  const offset = Math.max(req.offset ?? 0, 0);
  const { total, rows, permits, cases, logins } = await unitEmployeeRows(db, {
    creditCode: unit.creditCode,
    month: req.today.slice(0, 7),
    text: req.q?.trim(),
    // Which of them already have an open case (and which their online login, issue 12).
    openStates: OPEN_STATES.filter((s) => s !== 'new') as CaseState[],
    limit,
    offset,
  });
  return {
    total,
    limit,
    offset,
    items: rows.map((r) => {
      const permit = permits.filter((p) => p.holderId === r.id).pop();
      const c = cases.find((x) => x.holderId === r.id);
      const opensOn =
        permit && permit.status === 'active' ? accountOpensOn(permit.issuedOn, req.today, deps) : null;
      return {
        holderId: r.id,
        name: r.name,
        idNumberMasked: r.idNumberMasked,
        insuredUntil: r.month,
        permitIssuedOn: permit?.issuedOn ?? null,
        permitActive: permit?.status === 'active',
        accountOpensOn: opensOn,
        mayOpenAccount: opensOn !== null && opensOn <= req.today && !c,
        hasLogin: logins.some((l) => l.holderId === r.id),
        openCase: c
          ? {
              caseId: c.id,
              applicationNo: c.applicationNo,
              state: c.state,
              stateLabel: STATE_LABELS[c.state],
              ownUnit: c.unitId === req.unitId,
            }
          : null,
      };
    }),
  };
}

/** One employee's registry data for the application form (pre-filled, never retyped). */
export async function employeeRegistry(
  db: Db,
  req: { actor: Actor; unitId: string; holderId: string; today: string },
  deps: CaseDeps,
) {
  const own = req.actor.role === 'employer_hr' && req.actor.unitId === req.unitId;
  if (!own && req.actor.role !== 'city_supervisor') throw room('只能查看本单位员工的登记信息', req.actor);
  const unit = await getUnit(db, req.unitId);
  if (!unit) throw new JifenError('not_found', '单位不存在', [], { unitId: req.unitId });
  // Someone else's employee looks the same as no one.
  await requireUnitEmployee(db, req.holderId, unit.id, req.today, ['holderId']);
  const registry = (await registryOf(db, req.holderId, req.today))!;
  const opensOn =
    registry.permit && registry.permit.status === 'active'
      ? accountOpensOn(registry.permit.issuedOn, req.today, deps)
      : null;
  return {
    unit: { id: unit.id, name: unit.name, creditCode: unit.creditCode, district: unit.district },
    ...registry,
    accountOpensOn: opensOn,
    mayOpenAccount: opensOn !== null && opensOn <= req.today,
  };
}

/** Units of a district by registration status (the counter verifies the `registered` ones), oldest first. */
export async function districtUnits(
  db: Db,
  req: {
    actor: Actor;
    district: District;
    status?: UnitRegistrationStatus;
    limit?: number;
    offset?: number;
  },
) {
  const officer = req.actor.role === 'acceptance_clerk' && req.actor.district === req.district;
  if (!officer && req.actor.role !== 'city_supervisor') throw room('只能查看本区的单位', req.actor);
  const limit = Math.min(Math.max(req.limit ?? 20, 1), 100);
  const offset = Math.max(req.offset ?? 0, 0);
  const { total, rows } = await listDistrictUnits(db, {
    district: req.district,
    status: req.status,
    limit,
    offset,
  });
  return { total, limit, offset, items: rows };
}
