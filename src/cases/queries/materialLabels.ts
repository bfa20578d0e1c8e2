import type { Executor } from '../../storage/dialectSpecifics.js';
import type { Database } from '../../storage/schema.js';

export async function materialLabels(tx: Executor<Database>, caseId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('materials')
    .select(['code', 'label'])
    .where('caseId', '=', caseId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.label]));
}
