import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Plan } from '../planner/types.js';
import type { PolicyRevision } from '../policy/mergeRevisions.js';
import { JifenError, type ErrorCode, type FieldIssue } from '../shared/errors.js';
import { REFUSED, type RenderTask } from './renderWorker.js';

type Work =
  | { kind: 'checklistPdf'; profile: RenderTask['profile'] }
  | {
      kind: 'plan';
      profile: RenderTask['profile'];
      horizonMonths: number;
      assumptions?: unknown;
    };

/** Runs the checklist PDF and the plan in worker threads, with the server's policy data. */
export interface RenderPool {
  checklistPdf(profile: RenderTask['profile']): Promise<Buffer>;
  plan(profile: RenderTask['profile'], horizonMonths: number, assumptions?: unknown): Promise<Plan>;
  close(): Promise<void>;
}

/**
 * A piscina pool of worker threads (src/http/renderWorker.ts). While eight
 * clients render PDFs in a loop, /healthz and scoring keep answering on the
 * event loop (docs/benchmarks.md). The queue is bounded: beyond it the server
 * answers 503 with Retry-After instead of piling up work.
 */
export function createRenderPool(opts: {
  /** The policy revisions the server has installed (the workers install the same). */
  revisions: () => readonly PolicyRevision[];
  threads?: number;
}): RenderPool {
  const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
  const pool = new Piscina({
    filename: new URL('./renderWorker.ts', import.meta.url).href,
    // The workers load TypeScript like the server (tsx), whatever ran the server (node --import tsx, vitest).
    execArgv: ['--import', 'tsx'],
    // Started on the first render, stopped after a minute idle: a server that never renders pays nothing.
    minThreads: 0,
    idleTimeout: 60_000,
    maxThreads: threads,
    maxQueue: Math.max(64, threads * 32),
  });
  const run = async (work: Work): Promise<unknown> => {
    const revisions = opts.revisions();
    const task: RenderTask = {
      ...work,
      policy: { tag: revisions.map((r) => r.contentHash).join(','), revisions },
    };
    let out: unknown;
    try {
      out = await pool.run(task);
    } catch (error) {
      if ((error as Error).message?.includes('queue is at limit'))
        throw new JifenError('unavailable', '服务繁忙，请稍后重试');
      throw error;
    }
    const refused = (out as Record<string, unknown> | null)?.[REFUSED] as
      { code: ErrorCode; message: string; issues: FieldIssue[]; detail: Record<string, unknown> } | undefined;
    if (refused) throw new JifenError(refused.code, refused.message, refused.issues, refused.detail);
    return out;
  };
  return {
    checklistPdf: async (profile) => {
      const bytes = (await run({ kind: 'checklistPdf', profile })) as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    // The worker returns the planner's value through structured clone: a Plan as the planner made it.
    plan: async (profile, horizonMonths, assumptions) =>
      (await run({ kind: 'plan', profile, horizonMonths, ...(assumptions ? { assumptions } : {}) })) as Plan,
    close: () => pool.destroy(),
  };
}
