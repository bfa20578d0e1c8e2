/** The review tasks' effects: created (or reopened for an adjustment), their results, referrals out and back. */
import {
  createReviewTasks as insertReviewTasks,
  patchReviewTask,
  reopenReviewTasks,
} from '../../../storage/reviewTaskRepository.js';
import type { EffectHandler } from '../effectEnv.js';

export const createReviewTasks: EffectHandler<'create_review_tasks'> = async (e, env) => {
  const indicators = e.tasks.map((t) => t.id);
  await insertReviewTasks(env.tx, env.caseId, indicators, env.now);
  // An adjustment cycle reviews the same indicators again: reopen them.
  await reopenReviewTasks(env.tx, env.caseId, indicators, env.now);
};

export const recordTaskResult: EffectHandler<'record_task_result'> = (e, env) =>
  patchReviewTask(
    env.tx,
    env.caseId,
    e.taskId,
    { status: e.result, assignedTo: env.actor.id, ...(e.via === 'referral' ? { referredTo: null } : {}) },
    env.now,
  );

export const createReferral: EffectHandler<'create_referral'> = (e, env) =>
  patchReviewTask(
    env.tx,
    env.caseId,
    e.taskId,
    { status: 'referred', referredTo: e.authority, referredAt: env.now, assignedTo: env.actor.id },
    env.now,
  );

export const closeReferral: EffectHandler<'close_referral'> = (e, env) =>
  patchReviewTask(
    env.tx,
    env.caseId,
    e.taskId,
    { returnedAt: env.now, outcomeNote: `核实暂停 ${e.pausedWorkdays} 个工作日` },
    env.now,
  );

/** 分派 (issue 15): the reviewer named for a task; nothing else about the task changes. */
export const assignTask: EffectHandler<'assign_task'> = (e, env) =>
  patchReviewTask(env.tx, env.caseId, e.taskId, { assignedTo: e.assigneeId }, env.now);
