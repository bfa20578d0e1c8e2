/**
 * 登记处罚 (细则 第十四条; workflow.md Penalties): the city records a penalty on its
 * own — not only through a refusal or a correction — against an individual
 * (false-material record, a deduction for the years the rules set; credit
 * record; barred when serious) or a unit (fine; credit record; barred from
 * filing when serious). Each with its reason, legal basis, deciding officer
 * and date. One transaction, idempotency key, its own audit event kind
 * (`record_penalty`), appended last. Durations come from the rules data in force.
 */
import { z } from '../shared/zodLocale.js';
import { addYears, isIsoDate } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { requestHash, withIdempotency } from '../storage/idempotencyRepository.js';
import { toInstant } from '../storage/instant.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import { getCase } from '../storage/caseRepository.js';
import { getHolder } from '../storage/holderRepository.js';
import { insertPenalty } from '../storage/supervisionRepository.js';
import { getUnit, setUnitBarredUntil } from '../storage/unitRepository.js';
import type { CaseDeps, Db } from '../cases/types.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { falseMaterialInput as penaltySchema } from '../contract/caseCommands.js';
import { checkRequest, parseInput, text } from '../cases/validate.js';
import type { Actor } from '../workflow/index.js';

/**
 * 细则 第十四条: how long the false-material record counts and a serious case bars,
 * from the rules data in force on the decision date (never a literal here).
 */
function yearsInForce(rules: RuleSet, on: string, party: 'individual' | 'unit') {
  const p = rules.at(on).params;
  const record = p.false_material?.value.windowYears;
  const bar = party === 'unit' ? p.eligibility?.value.unitBarYears : p.eligibility?.value.personalBarYears;
  if (typeof record !== 'number' || typeof bar !== 'number')
    throw new JifenError('no_policy_version', `${on} 施行的政策数据缺少虚假材料记录或限制申请的年限`, [
      { path: '$.input.decidedOn', message: '该日期施行的政策数据缺少处罚年限' },
    ]);
  return { record, bar };
}

const date = z.string().refine(isIsoDate, { message: '应为真实存在的日期，格式 YYYY-MM-DD' });

export const recordPenaltyInput = z
  .strictObject({
    party: penaltySchema.shape.party,
    /** The person (individual) — 持证人. */
    holderId: text(100).optional(),
    /** The unit (unit) — 用人单位. */
    unitId: text(100).optional(),
    serious: penaltySchema.shape.serious,
    reason: text(500),
    legalBasis: text(200),
    fineCny: penaltySchema.shape.fineCny,
    decidedOn: date,
    caseId: text(100).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.party === 'individual' && !v.holderId)
      ctx.addIssue({ code: 'custom', path: ['holderId'], message: '个人处罚须指明持证人' });
    if (v.party === 'unit' && !v.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: '单位处罚须指明用人单位' });
    if (v.party === 'unit' && v.fineCny === undefined)
      ctx.addIssue({ code: 'custom', path: ['fineCny'], message: '单位处罚须填写罚款金额' });
    if (v.party === 'individual' && v.fineCny !== undefined)
      ctx.addIssue({ code: 'custom', path: ['fineCny'], message: '罚款只适用于单位' });
  });

export interface RecordPenaltyRequest {
  actor: Actor;
  idempotencyKey: string;
  now: string;
  today: string;
  input: unknown;
}

export interface RecordPenaltyResult {
  penaltyIds: string[];
  kinds: string[];
  replayed: boolean;
}

const missing = (field: string, what: string) =>
  new JifenError('not_found', `${what}不存在`, [{ path: `$.input.${field}`, message: `${what}不存在` }]);

export async function recordPenalty(
  db: Db,
  req: RecordPenaltyRequest,
  deps: Pick<CaseDeps, 'rules'>,
): Promise<RecordPenaltyResult> {
  if (req.actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '只有市级监督人员可以登记处罚', [], {
      role: req.actor.role,
      reason: 'role',
    });
  checkRequest(req);
  const input = parseInput(recordPenaltyInput, req.input, '登记处罚');
  if (input.decidedOn > req.today)
    throw new JifenError('validation_failed', '登记处罚：输入有误', [
      { path: '$.input.decidedOn', message: '处罚决定日期不能晚于今天' },
    ]);
  const years = yearsInForce(deps.rules, input.decidedOn, input.party);
  const now = toInstant(req.now);
  const out = await runInTransaction(db, (tx) =>
    withIdempotency(
      tx,
      {
        actorId: req.actor.id,
        key: req.idempotencyKey,
        command: 'record_penalty',
        requestHash: requestHash(input),
        now,
      },
      async (): Promise<RecordPenaltyResult> => {
        const subject =
          input.party === 'unit'
            ? ({ kind: 'unit', unitId: input.unitId! } as const)
            : ({ kind: 'individual', holderId: input.holderId! } as const);
        if (subject.kind === 'unit') {
          const unit = await getUnit(tx, subject.unitId);
          if (!unit) throw missing('unitId', '用人单位');
        } else {
          const holder = await getHolder(tx, subject.holderId);
          if (!holder) throw missing('holderId', '持证人');
        }
        if (input.caseId) {
          const c = await getCase(tx, input.caseId);
          const matches =
            c && (subject.kind === 'unit' ? c.unitId === subject.unitId : c.holderId === subject.holderId);
          if (!matches) throw missing('caseId', '该当事人的申请');
        }
        const base = {
          subject,
          caseId: input.caseId ?? null,
          serious: input.serious,
          reason: input.reason,
          legalBasis: input.legalBasis,
          effectiveFrom: input.decidedOn,
          decidedBy: req.actor.id,
          now,
        };
        const rows = [
          subject.kind === 'individual'
            ? await insertPenalty(tx, {
                ...base,
                kind: 'false_material',
                effectiveUntil: addYears(input.decidedOn, years.record),
              })
            : await insertPenalty(tx, { ...base, kind: 'fine', amountFen: input.fineCny! * 100 }),
          await insertPenalty(tx, { ...base, kind: 'credit_record' }),
        ];
        if (input.serious) {
          const until = addYears(input.decidedOn, years.bar);
          rows.push(await insertPenalty(tx, { ...base, kind: 'bar', effectiveUntil: until }));
          if (subject.kind === 'unit') await setUnitBarredUntil(tx, subject.unitId, until, now);
        }
        const result = { penaltyIds: rows.map((r) => r.id), kinds: rows.map((r) => r.kind), replayed: false };
        // Ids and codes only: the reason and basis stay in the penalty rows (docs/audit.md).
        await appendAuditEvent(tx, {
          at: now,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          command: 'record_penalty',
          payload: {
            party: input.party,
            ...(subject.kind === 'unit' ? { unitId: subject.unitId } : { holderId: subject.holderId }),
            ...(input.caseId ? { relatedCaseId: input.caseId } : {}),
            penaltyIds: result.penaltyIds,
            kinds: result.kinds,
            serious: input.serious,
            decidedOn: input.decidedOn,
          },
        });
        return result;
      },
    ),
  );
  return out.replayed ? { ...out.response, replayed: true } : out.response;
}
