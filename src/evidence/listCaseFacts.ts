import type { Kysely } from 'kysely';
import {
  listReconsiderationFacts,
  type ReconsiderationFact,
} from '../storage/reconsiderationFactRepository.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { readableCase } from './downloadEvidence.js';

/** The facts added or corrected in the case's reconsideration requests, with their review, for the case's readers. */
export async function listCaseFacts(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
): Promise<ReconsiderationFact[]> {
  await readableCase(db, actor, caseId);
  return listReconsiderationFacts(db, caseId);
}
