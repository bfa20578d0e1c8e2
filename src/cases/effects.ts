/**
 * Carries out the machine's effects inside the command's transaction. Every id
 * the machine derived (message ids, determination sequence, notice sequence)
 * is kept, so that a retried command produces the same rows and a unique key
 * stops a duplicate. The audit effect is not run here: the executor appends it
 * last (it serialises on the chain head).
 */
import { randomUUID } from 'node:crypto';
import { addYears } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { specificsOf, type Executor } from '../storage/dialectSpecifics.js';
import { insertDetermination, type Determination } from '../storage/determinationRepository.js';
import { toInstant } from '../storage/instant.js';
import { setMaterialStatus } from '../storage/materialRepository.js';
import { insertOneTimeNotice, insertReceipt } from '../storage/noticeRepository.js';
import { currentTemplateVersion, type TemplateCatalogue } from '../notify/messageTemplates.js';
import { enqueue } from '../storage/outbox.js';
import { applicationNoOf } from '../storage/applicationNumbers.js';
import { decideReconsideration, insertReconsideration } from '../storage/reconsiderationRepository.js';
import { insertReconsiderationFacts, recordFactReview } from '../storage/reconsiderationFactRepository.js';
import { createReminderOnce } from '../storage/reminderRepository.js';
import { createReviewTasks } from '../storage/reviewTaskRepository.js';
import type { Database, DeterminationReason as StoredReason } from '../storage/schema.js';
import { insertCorrection, insertPenalty } from '../storage/supervisionRepository.js';
import { setUnitBarredUntil } from '../storage/unitRepository.js';
import type { Actor, CaseSnapshot, DeterminationReason, Effect } from '../workflow/index.js';
import type { EngineFacts } from './facts.js';
import type { CommandDocuments } from './types.js';

type Tx = Executor<Database>;

/** Storage keeps five reasons; the workflow's finer reason is frozen in the result document. */
const STORED_REASON: Record<DeterminationReason, StoredReason> = {
  initial: 'initial',
  adjustment: 'adjustment',
  decrease: 'adjustment',
  correction: 'correction',
  reconsideration_district: 'reconsideration',
  reconsideration_city: 'reconsideration',
};

export interface EffectContext {
  /** The engine run of a command that creates a determination. */
  engine?: EngineFacts;
  /** Labels of material codes (receipts and notices print names, not codes). */
  materialLabels?: Map<string, string>;
  /** Free-text reason of a correction (for the corrections table). */
  correctionReason?: string;
}

/** The receipt number printed on the 收件凭证: district office, date, case, version. Unique per command. */
export const receiptNumber = (s: CaseSnapshot, today: string, version: number): string =>
  `SJ${today.replaceAll('-', '')}-${s.caseId
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(-10)
    .toUpperCase()}-${version}`;

export async function runEffects(
  tx: Tx,
  effects: readonly Effect[],
  env: {
    actor: Actor;
    now: string;
    today: string;
    before: CaseSnapshot;
    after: CaseSnapshot;
    context: EffectContext;
    templates: TemplateCatalogue;
  },
): Promise<CommandDocuments> {
  const docs: CommandDocuments = {};
  const s = specificsOf(tx);
  const now = toInstant(env.now);
  const caseId = env.after.caseId;
  let created: Determination | undefined;
  const decisions: Extract<Effect, { type: 'create_reconsideration_decision' }>[] = [];
  const label = (code: string) => env.context.materialLabels?.get(code) ?? code;

  for (const e of effects) {
    switch (e.type) {
      case 'audit':
      case 'set_deadline':
      case 'pause_deadline':
        // Deadlines live in the snapshot and its projected columns (snapshotColumns.ts).
        break;
      case 'create_application_form':
        // The printable 积分申请表 is rendered from the case at this version (applicationForm.ts);
        // the audit event records the version that was submitted.
        break;
      case 'outbox': {
        if (e.channel === 'dashboard') break; // the reminders table is the dashboard's source
        let recipient: string | null = null;
        if (e.recipient.kind === 'holder') {
          const holderId = e.recipient.holderId;
          const h = await tx
            .selectFrom('holders')
            .select('phone')
            .where('id', '=', holderId)
            .executeTakeFirst();
          recipient = h?.phone ?? null;
        } else if (e.recipient.kind === 'unit') recipient = e.recipient.unitId;
        if (recipient === null) break; // no phone on record: the holder sees it online
        await enqueue(tx, {
          id: e.messageId,
          channel: e.channel,
          recipient,
          templateId: e.template,
          // The wording in force now is frozen with the message (templates are versioned, never rewritten).
          templateVersion: currentTemplateVersion(e.template, env.templates),
          // 申请编号 for the unit message's wording (templates.yaml version 2; issue 15).
          payload: { ...e.params, applicationNo: await applicationNoOf(tx, caseId) },
          caseId,
          now,
        });
        (docs.messageIds ??= []).push(e.messageId);
        break;
      }
      case 'create_receipt': {
        const receiptNo = receiptNumber(env.after, env.today, env.after.version);
        await insertReceipt(tx, {
          caseId,
          receiptNo,
          items: e.items.map((code) => ({ code, label: label(code) })),
          issuedBy: env.actor.id,
          issuedAt: now,
        });
        for (const code of e.items)
          await setMaterialStatusIfListed(tx, { caseId, code, status: 'received', by: env.actor.id, now });
        docs.receiptNo = receiptNo;
        break;
      }
      case 'create_notice': {
        const row = await insertOneTimeNotice(tx, {
          caseId,
          items: e.items.map((i) => ({
            code: i.itemId,
            label: label(i.itemId),
            reason: `${i.problem === 'missing' ? '缺少' : '有误'}：${i.reason}`,
          })),
          overrideReason: e.override ? `${e.override.supervisorId}: ${e.override.reason}` : null,
          issuedBy: env.actor.id,
          issuedAt: now,
        });
        if (row.sequence !== e.seq)
          throw new JifenError('conflict', '一次性告知单序号不一致，请刷新后重试', [], {
            caseId,
            expected: e.seq,
            got: row.sequence,
          });
        for (const i of e.items)
          await setMaterialStatusIfListed(tx, {
            caseId,
            code: i.itemId,
            status: i.problem === 'defective' ? 'defective' : 'required',
            defectReason: i.problem === 'defective' ? i.reason : null,
            by: env.actor.id,
            now,
          });
        docs.noticeSeq = row.sequence;
        break;
      }
      case 'create_review_tasks': {
        const indicators = e.tasks.map((t) => t.id);
        await createReviewTasks(tx, caseId, indicators, now);
        // An adjustment cycle reviews the same indicators again: reopen them.
        await tx
          .updateTable('reviewTasks')
          .set({
            status: 'open',
            referredTo: null,
            referredAt: null,
            returnedAt: null,
            outcomeNote: null,
            updatedAt: now,
          })
          .where('caseId', '=', caseId)
          .where('indicator', 'in', indicators)
          .execute();
        break;
      }
      case 'record_task_result':
        await tx
          .updateTable('reviewTasks')
          .set({
            status: e.result,
            assignedTo: env.actor.id,
            updatedAt: now,
            ...(e.via === 'referral' ? { referredTo: null } : {}),
          })
          .where('caseId', '=', caseId)
          .where('indicator', '=', e.taskId)
          .execute();
        break;
      case 'assign_task':
        await tx
          .updateTable('reviewTasks')
          .set({ assignedTo: e.assigneeId, updatedAt: now })
          .where('caseId', '=', caseId)
          .where('indicator', '=', e.taskId)
          .execute();
        break;
      case 'create_referral':
        await tx
          .updateTable('reviewTasks')
          .set({
            status: 'referred',
            referredTo: e.authority,
            referredAt: now,
            assignedTo: env.actor.id,
            updatedAt: now,
          })
          .where('caseId', '=', caseId)
          .where('indicator', '=', e.taskId)
          .execute();
        break;
      case 'close_referral':
        await tx
          .updateTable('reviewTasks')
          .set({ returnedAt: now, outcomeNote: `核实暂停 ${e.pausedWorkdays} 个工作日`, updatedAt: now })
          .where('caseId', '=', caseId)
          .where('indicator', '=', e.taskId)
          .execute();
        break;
      case 'create_refusal':
        await tx
          .insertInto('refusals')
          .values({
            id: randomUUID(),
            caseId,
            reasons: s.json(e.reasons),
            decidedBy: env.actor.id,
            decidedAt: now,
          })
          .execute();
        break;
      case 'record_penalty':
        await recordPenalty(tx, e, now);
        break;
      case 'record_confirmation':
        await tx
          .insertInto('confirmations')
          .values({
            caseId,
            determinationSeq: e.determinationSeq,
            validUntil: e.validUntil,
            confirmedOn: e.on,
            createdAt: now,
          })
          .onConflict((oc) => oc.columns(['caseId', 'validUntil']).doNothing())
          .execute();
        break;
      case 'create_determination': {
        const engine = env.context.engine;
        if (!engine) throw new Error('create_determination without an engine result');
        created = await insertDetermination(tx, {
          caseId,
          reason: STORED_REASON[e.reason],
          rulesVersion: engine.result.rulesVersion,
          acceptanceDate: e.rulesAsOf,
          total: engine.result.total,
          // Frozen: the whole result, the facts it was computed from, and the workflow's reason.
          result: {
            determinationReason: e.reason,
            seq: e.seq,
            supersedesSeq: e.supersedesSeq,
            rulesVersion: engine.result.rulesVersion,
            dataRevision: engine.result.dataRevision,
            rulesAsOf: e.rulesAsOf,
            total: engine.result.total,
            qualified: engine.result.qualified,
            provisional: engine.result.provisional,
            vetoed: engine.result.vetoed,
            warnings: engine.result.warnings,
            facts: engine.profile,
          },
          explanation: engine.result,
          decidedBy: env.actor.id,
          decidedAt: now,
        });
        if (created.sequence !== e.seq)
          throw new JifenError('conflict', '该申请的核定结果已被他人更新，请刷新后重试', [], {
            caseId,
            expected: e.seq,
            got: created.sequence,
          });
        if (e.reason === 'correction' && created.supersedes !== null) {
          await insertCorrection(tx, {
            caseId,
            determinationId: created.supersedes,
            newDeterminationId: created.id,
            reason: env.context.correctionReason ?? '',
            decidedBy: env.actor.id,
            decidedAt: now,
          });
        }
        docs.determination = {
          id: created.id,
          sequence: created.sequence,
          total: created.total,
          verificationCode: created.verificationCode,
          rulesVersion: created.rulesVersion,
        };
        break;
      }
      case 'create_reconsideration': {
        const about = await tx
          .selectFrom('determinations')
          .select('id')
          .where('caseId', '=', caseId)
          .where('sequence', '=', e.aboutSeq)
          .executeTakeFirst();
        if (!about)
          throw new JifenError('not_found', '复核所涉核定结果不存在', [], { caseId, seq: e.aboutSeq });
        const previous =
          e.level === 'city'
            ? await tx
                .selectFrom('reconsiderations')
                .select('id')
                .where('caseId', '=', caseId)
                .where('level', '=', 'district')
                .orderBy('requestedAt', 'desc')
                .limit(1)
                .executeTakeFirst()
            : undefined;
        const r = await insertReconsideration(tx, {
          caseId,
          determinationId: about.id,
          level: e.level,
          previousId: previous?.id ?? null,
          requestedBy: env.actor.id,
          grounds: e.grounds,
          dueDate: e.due,
          ...(e.disputed ? { disputed: e.disputed } : {}),
          now,
        });
        // Issue 15: each added or corrected fact waits for a reviewer (reconsiderationFactRepository.ts).
        if (e.facts)
          await insertReconsiderationFacts(tx, { caseId, reconsiderationId: r.id, facts: e.facts, now });
        docs.reconsiderationId = r.id;
        break;
      }
      case 'create_reconsideration_decision':
        decisions.push(e);
        break;
      case 'review_reconsideration_fact':
        await recordFactReview(tx, {
          factId: e.factId,
          result: e.result,
          note: e.note,
          by: env.actor.id,
          now,
        });
        break;
      case 'record_urgency_note':
        await tx.updateTable('cases').set({ urgencyNote: e.text }).where('id', '=', caseId).execute();
        break;
      case 'create_reminder': {
        const fresh = await createReminderOnce(tx, { caseId, kind: e.kind, dueOn: e.due, now });
        // The version check already makes this once; the unique key is the second lock.
        if (!fresh)
          throw new JifenError('conflict', '该提醒已由另一进程发出', [], {
            caseId,
            kind: e.kind,
            due: e.due,
          });
        (docs.reminders ??= []).push(`${e.kind}@${e.due}`);
        break;
      }
    }
  }
  // Decisions last: a changed result links the determination created above.
  for (const d of decisions) {
    const pending = await tx
      .selectFrom('reconsiderations')
      .select('id')
      .where('caseId', '=', caseId)
      .where('level', '=', d.level)
      .where('status', '=', 'requested')
      .orderBy('requestedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!pending) throw new JifenError('not_found', '没有待决定的复核申请', [], { caseId, level: d.level });
    await decideReconsideration(tx, pending.id, {
      outcome: d.outcome,
      document: {
        level: d.level,
        outcome: d.outcome,
        reasons: d.reasons,
        decidedOn: d.decidedOn,
        newDeterminationSeq: created?.sequence ?? null,
      },
      decidedBy: env.actor.id,
      newDeterminationId: created?.id ?? null,
      now,
    });
    docs.reconsiderationId = pending.id;
  }
  return docs;
}

async function setMaterialStatusIfListed(
  tx: Tx,
  m: {
    caseId: string;
    code: string;
    status: 'received' | 'defective' | 'required';
    defectReason?: string | null;
    by: string;
    now: string;
  },
): Promise<void> {
  const listed = await tx
    .selectFrom('materials')
    .select('id')
    .where('caseId', '=', m.caseId)
    .where('code', '=', m.code)
    .executeTakeFirst();
  if (listed) await setMaterialStatus(tx, m);
}

/** 细则 第十四条: the false-material record, the credit record, a unit's fine, and the 3-year bar when serious. */
async function recordPenalty(
  tx: Tx,
  e: Extract<Effect, { type: 'record_penalty' }>,
  now: string,
): Promise<void> {
  const subject =
    e.party === 'unit'
      ? ({ kind: 'unit', unitId: e.subjectId } as const)
      : ({ kind: 'individual', holderId: e.subjectId } as const);
  const base = {
    subject,
    caseId: e.caseId,
    serious: e.serious,
    reason: e.reason,
    effectiveFrom: e.decidedOn,
    decidedBy: e.decidedBy,
    now,
  };
  if (e.party === 'individual') {
    // rules.md §5: −150 for 3 years.
    await insertPenalty(tx, { ...base, kind: 'false_material', effectiveUntil: addYears(e.decidedOn, 3) });
  } else {
    await insertPenalty(tx, { ...base, kind: 'fine', amountFen: (e.fineCny ?? 0) * 100 });
  }
  await insertPenalty(tx, { ...base, kind: 'credit_record' });
  if (e.serious && e.barredUntil !== null) {
    await insertPenalty(tx, { ...base, kind: 'bar', effectiveUntil: e.barredUntil });
    if (e.party === 'unit') await setUnitBarredUntil(tx, e.subjectId, e.barredUntil, now);
  }
}
