import type { Executor } from '../../storage/dialectSpecifics.js';
import { listMaterialLabels } from '../../storage/materialRepository.js';
import type { Database } from '../../storage/schema.js';

export async function materialLabels(tx: Executor<Database>, caseId: string): Promise<Map<string, string>> {
  const rows = await listMaterialLabels(tx, caseId);
  return new Map(rows.map((r) => [r.code, r.label]));
}
