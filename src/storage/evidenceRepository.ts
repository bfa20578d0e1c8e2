import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import type { Database, EvidenceFilesTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Evidence files of reconsideration requests (migration 0190), bytes kept in the database. */

export type EvidenceContentType = EvidenceFilesTable['contentType'];

export interface EvidenceMeta {
  id: string;
  caseId: string;
  reconsiderationId: string;
  uploadedBy: string;
  fileName: string;
  contentType: EvidenceContentType;
  size: number;
  sha256: string;
  createdAt: string;
}

const META = [
  'id',
  'caseId',
  'reconsiderationId',
  'uploadedBy',
  'fileName',
  'contentType',
  'size',
  'sha256',
  'createdAt',
] as const;

const meta = (r: EvidenceMeta): EvidenceMeta => ({ ...r, size: Number(r.size) });

export async function insertEvidenceFile(
  db: Db,
  f: Omit<EvidenceMeta, 'id' | 'createdAt'> & { bytes: Buffer; now: string },
): Promise<EvidenceMeta> {
  const { bytes, now, ...rest } = f;
  const row = { id: randomUUID(), ...rest, createdAt: toInstant(now) };
  await db
    .insertInto('evidenceFiles')
    .values({ ...row, bytes })
    .execute();
  return row;
}

/** Bytes already stored for a case (the 30 MB a case limit). */
export async function evidenceBytesOfCase(db: Db, caseId: string): Promise<number> {
  const r = await db
    .selectFrom('evidenceFiles')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  return Number(r?.total ?? 0);
}

export async function listEvidenceFiles(db: Db, caseId: string): Promise<EvidenceMeta[]> {
  const rows = await db
    .selectFrom('evidenceFiles')
    .select(META)
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(meta);
}

export async function readEvidenceFile(
  db: Db,
  caseId: string,
  id: string,
): Promise<(EvidenceMeta & { bytes: Buffer }) | undefined> {
  const row = await db
    .selectFrom('evidenceFiles')
    .select([...META, 'bytes'])
    .where('caseId', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...meta(row), bytes: Buffer.from(row.bytes) };
}
