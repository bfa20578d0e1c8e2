import { isMaterialListed, setMaterialStatus } from '../../../storage/materialRepository.js';
import type { Tx } from '../effectEnv.js';

/** Receipts and notices may name items the checklist does not list (e.g. 其他材料): only listed ones change status. */
export async function setMaterialStatusIfListed(
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
  if (await isMaterialListed(tx, m.caseId, m.code)) await setMaterialStatus(tx, m);
}
