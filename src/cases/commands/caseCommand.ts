/** Declares a use case on an existing case: input schema + how to compute the machine's payload. */
import type { z } from '../../shared/zodLocale.js';
import type { JifenError } from '../../shared/errors.js';
import type { CommandType } from '../../workflow/index.js';
import { executeCaseCommand, type PrepareInput, type Prepared } from '../executor/executeCaseCommand.js';
import type { CaseCommandResult, CaseDeps, CommandRequest, Db } from '../types.js';
import { parseInput } from '../validate.js';

export interface CaseUseCaseSpec<K extends CommandType, S extends z.ZodType> {
  command: K;
  /** Chinese name, for error messages. */
  what: string;
  input: S;
  prepare: (input: z.output<S>, p: PrepareInput, state: Record<string, unknown>) => Promise<Prepared<K>>;
  onGuardFailure?: (guard: string, state: Record<string, unknown>) => JifenError | undefined;
}

export type CaseUseCase<I> = (db: Db, req: CommandRequest<I>, deps: CaseDeps) => Promise<CaseCommandResult>;

/**
 * A use case that carries its declaration: the machine's command, its Chinese name and its input
 * schema (the HTTP route validates and documents the body with it: src/http/routes/caseCommands.ts).
 * It takes its input raw or already parsed by that schema (parsing again changes nothing).
 */
export type DeclaredCaseUseCase<K extends CommandType, S extends z.ZodType> = CaseUseCase<
  z.input<S> | z.output<S>
> & { readonly command: K; readonly what: string; readonly input: S };

export function caseUseCase<K extends CommandType, S extends z.ZodType>(
  spec: CaseUseCaseSpec<K, S>,
): DeclaredCaseUseCase<K, S> {
  const run: CaseUseCase<z.input<S> | z.output<S>> = async (db, req, deps) => {
    const input = parseInput(spec.input, req.input ?? {}, spec.what);
    // Facts found by `prepare` that a guard-failure message may quote (per call, never shared).
    const state: Record<string, unknown> = {};
    return executeCaseCommand(db, {
      actor: req.actor,
      caseId: req.caseId,
      ...(req.expectedVersion !== undefined ? { expectedVersion: req.expectedVersion } : {}),
      idempotencyKey: req.idempotencyKey,
      now: req.now,
      today: req.today,
      command: spec.command,
      input,
      deps,
      prepare: (p) => spec.prepare(input, p, state),
      ...(spec.onGuardFailure ? { onGuardFailure: (g: string) => spec.onGuardFailure!(g, state) } : {}),
    });
  };
  return Object.assign(run, { command: spec.command, what: spec.what, input: spec.input });
}
