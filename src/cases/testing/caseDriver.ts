/**
 * Drives one case of the test world through its commands, one day at a time, keeping the
 * version and a fresh idempotency key per command (test and fixture helpers share it).
 */
import type { Kysely } from 'kysely';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import type { Database } from '../../storage/schema.js';
import type { Actor } from '../../workflow/index.js';
import { createDraft } from '../commands/createDraft.js';
import type { CaseCommandResult, CaseDeps } from '../index.js';
import { at } from './world.js';

type UseCase = (db: Kysely<Database>, req: never, deps: CaseDeps) => Promise<CaseCommandResult>;

export function caseDriver(db: Kysely<Database>, caseId: string) {
  let version = 0;
  let n = 0;
  const key = () => `${caseId}-${++n}`;
  return {
    get version() {
      return version;
    },
    /** 创建积分账户: the unit's HR opens the case for a holder, claiming education. */
    async create(actor: Actor, day: string, holderId: string) {
      const r = await createDraft(
        db,
        {
          actor,
          idempotencyKey: key(),
          ...at(day),
          input: { holderId, caseId, claims: [{ indicator: 'education' }] },
        },
        testPolicy,
      );
      version = r.version;
      return r;
    },
    /** One command at the case's current version. */
    async go(f: UseCase, actor: Actor, day: string, input: unknown) {
      const r = await f(
        db,
        { actor, caseId, expectedVersion: version, idempotencyKey: key(), ...at(day), input } as never,
        testPolicy,
      );
      version = r.version;
      return r;
    },
  };
}
