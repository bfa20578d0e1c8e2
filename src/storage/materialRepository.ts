import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { readBool, specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database, MaterialStatus } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The checklist of paper materials of one case, ticked by the acceptance clerk (细则 第五条). */

export interface Material {
  id: string;
  caseId: string;
  code: string;
  label: string;
  indicator: string | null;
  required: boolean;
  status: MaterialStatus;
  defectReason: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface MaterialItem {
  code: string;
  label: string;
  indicator?: string | null;
  required: boolean;
}

/**
 * Writes the checklist built from the claimed indicators. Items already on the
 * list keep their status (a resubmission does not reset what was received);
 * items no longer claimed are removed.
 */
export async function syncMaterialChecklist(
  db: Db,
  caseId: string,
  items: MaterialItem[],
  now: string,
): Promise<void> {
  const s = specificsOf(db);
  const at = toInstant(now);
  const codes = items.map((i) => i.code);
  let del = db.deleteFrom('materials').where('caseId', '=', caseId);
  if (codes.length > 0) del = del.where('code', 'not in', codes);
  await del.execute();
  if (items.length === 0) return;
  // One statement for the whole list (issue 16: a command's round trips are its cost).
  await db
    .insertInto('materials')
    .values(
      items.map((item) => ({
        id: randomUUID(),
        caseId,
        code: item.code,
        label: item.label,
        indicator: item.indicator ?? null,
        required: s.bool(item.required),
        status: 'required' as const,
        defectReason: null,
        updatedBy: null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['caseId', 'code']).doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        indicator: eb.ref('excluded.indicator'),
        required: eb.ref('excluded.required'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute();
}

export interface MaterialMark {
  code: string;
  status: MaterialStatus;
  defectReason?: string | null;
}

/**
 * Sets the status of the listed materials among `marks` (receipts and notices may name items
 * the checklist does not list, e.g. 其他材料: those change nothing). One statement per distinct
 * (status, reason), so a receipt of eleven items is one round trip (issue 16).
 */
/** A defective material names its reason (it goes on the one-time notice); no other status has one. */
function checkDefectReason(m: { status: MaterialStatus; defectReason?: string | null | undefined }): void {
  if ((m.status === 'defective') !== Boolean(m.defectReason))
    throw new JifenError('validation_failed', '材料有缺陷时必须写明原因', [
      { path: '$.defectReason', message: '缺陷材料须注明原因' },
    ]);
}

export async function markListedMaterials(
  db: Db,
  caseId: string,
  marks: readonly MaterialMark[],
  by: string,
  now: string,
): Promise<void> {
  const at = toInstant(now);
  const groups = new Map<string, { status: MaterialStatus; defectReason: string | null; codes: string[] }>();
  for (const m of marks) {
    checkDefectReason(m);
    const defectReason = m.status === 'defective' ? (m.defectReason ?? null) : null;
    const key = JSON.stringify([m.status, defectReason]);
    const g = groups.get(key) ?? { status: m.status, defectReason, codes: [] };
    g.codes.push(m.code);
    groups.set(key, g);
  }
  for (const g of groups.values())
    await db
      .updateTable('materials')
      .set({ status: g.status, defectReason: g.defectReason, updatedBy: by, updatedAt: at })
      .where('caseId', '=', caseId)
      .where('code', 'in', g.codes)
      .execute();
}

/** The clerk's tick: received, or defective with the reason that goes on the one-time notice. */
export async function setMaterialStatus(
  db: Db,
  m: {
    caseId: string;
    code: string;
    status: MaterialStatus;
    defectReason?: string | null;
    by: string;
    now: string;
  },
): Promise<void> {
  checkDefectReason(m);
  const result = await db
    .updateTable('materials')
    .set({
      status: m.status,
      defectReason: m.status === 'defective' ? m.defectReason! : null,
      updatedBy: m.by,
      updatedAt: toInstant(m.now),
    })
    .where('caseId', '=', m.caseId)
    .where('code', '=', m.code)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new JifenError('not_found', '材料不在该申请的清单中', [], { caseId: m.caseId, code: m.code });
}

export async function listMaterials(db: Db, caseId: string): Promise<Material[]> {
  const rows = await db
    .selectFrom('materials')
    .select([
      'id',
      'caseId',
      'code',
      'label',
      'indicator',
      'required',
      'status',
      'defectReason',
      'updatedBy',
      'updatedAt',
    ])
    .where('caseId', '=', caseId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, required: readBool(r.required) }));
}

/** The code and label of each material on the case's checklist. */
export async function listMaterialLabels(db: Db, caseId: string): Promise<{ code: string; label: string }[]> {
  return db.selectFrom('materials').select(['code', 'label']).where('caseId', '=', caseId).execute();
}

/** Whether the case's checklist lists the material (only listed materials change status). */
