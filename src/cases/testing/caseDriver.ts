/**
 * Drives one case through its commands, one day at a time, keeping the version and a fresh
 * idempotency key per command (test and fixture helpers, the demo world and the scale bench's
 * templates share it). The policy snapshot is the caller's: the demo seeds with the server's.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Actor } from '../../workflow/index.js';
import { createDraft } from '../commands/createDraft.js';
import type { ClaimsInput } from '../../contract/claims.js';
import type { CaseCommandResult, CaseDeps } from '../index.js';
import { getCaseView } from '../queries/queries.js';
import { at } from './world.js';

type UseCase = (db: Kysely<Database>, req: never, deps: CaseDeps) => Promise<CaseCommandResult>;
type Clock = { now: string; today: string };
export type CaseDriver = ReturnType<typeof caseDriver>;

/** A clock `minute` minutes past midnight UTC of `day` (wrapping within the first eight hours). */
export const atMinute = (day: string, minute: number): Clock => ({
  now: `${day}T0${Math.floor(minute / 60) % 8}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
  today: day,
});

/**
 * `minute`: the time of day of every command (`atMinute`); without it, 02:00 UTC (`world.at`).
 * A command may instead be given its exact clock.
 */
export function caseDriver(db: Kysely<Database>, caseId: string, deps: CaseDeps, minute?: number) {
  let version = 0;
  let n = 0;
  const key = () => `${caseId}-${++n}`;
  const clock = (when: string | Clock): Clock =>
    typeof when !== 'string' ? when : minute === undefined ? at(when) : atMinute(when, minute);
  return {
    caseId,
    get version() {
      return version;
    },
    /** 创建积分账户: the unit's HR opens the case for a holder, claiming education unless told otherwise. */
    async create(
      actor: Actor,
      day: string,
      holderId: string,
      claims: ClaimsInput = [{ indicator: 'education' }],
    ) {
      const r = await createDraft(
        db,
        { actor, idempotencyKey: key(), ...clock(day), input: { holderId, caseId, claims } },
        deps,
      );
      version = r.version;
      return r;
    },
    /** One command at the case's current version. */
    async go(f: UseCase, actor: Actor, when: string | Clock, input: unknown) {
      const r = await f(
        db,
        { actor, caseId, expectedVersion: version, idempotencyKey: key(), ...clock(when), input } as never,
        deps,
      );
      version = r.version;
      return r;
    },
    /** The case as `actor` sees it on `day` (its materials, tasks, documents). */
    view(actor: Actor, day: string) {
      return getCaseView(db, { actor, caseId, today: day }, deps);
    },
  };
}
