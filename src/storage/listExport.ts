import type { Executor } from './dialectSpecifics.js';
import type { CaseState, Database, District, PenaltyKind } from './schema.js';

/**
 * Rows of the officers' lists for export (issue 15): the same filters as the
 * screen, read in keyset chunks so a file of 100 000 rows never holds the
 * whole list in memory. Identifiers are the masked ones, as on the screen.
 */
type Db = Executor<Database>;

export interface CaseListFilter {
  district?: District;
  unitId?: string;
  state?: CaseState;
  /** Determined cases with a reconsideration pending (the city filter). */
  reconsiderationPending?: boolean;
  /** The beginning of an application number (the city filter). */
  applicationNoPrefix?: string;
  /** The district queue lists the oldest submission first; the other lists the newest case first. */
  order: 'submitted_asc' | 'created_desc';
}

export interface CaseListRow {
  id: string;
  applicationNo: string | null;
  holderName: string;
  holderIdNumberMasked: string;
  unitName: string;
  district: District;
  state: CaseState;
  submittedAt: string | null;
  dueDate: string | null;
  dueKind: string | null;
  createdAt: string;
}

function filtered(db: Db, f: CaseListFilter) {
  let q = db.selectFrom('cases').where('cases.snapshot', 'is not', null);
  if (f.district) q = q.where('cases.district', '=', f.district);
  if (f.unitId) q = q.where('cases.unitId', '=', f.unitId);
  if (f.state) q = q.where('cases.state', '=', f.state);
  if (f.reconsiderationPending)
    q = q.where('cases.state', '=', 'determined').where('cases.dueKind', '=', 'reconsideration');
  if (f.applicationNoPrefix)
    q = q.where('cases.applicationNo', 'like', `${f.applicationNoPrefix.replace(/[%_\\]/g, '')}%`);
  if (f.order === 'submitted_asc') q = q.where('cases.submittedAt', 'is not', null);
  return q;
}

export async function countCaseList(db: Db, f: CaseListFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The list's rows in order, at most `cap`, in chunks. */
export async function* caseListRows(
  db: Db,
  f: CaseListFilter,
  cap: number,
  chunk = 1000,
): AsyncGenerator<CaseListRow[]> {
  let after: { key: string; id: string } | null = null;
  let sent = 0;
  while (sent < cap) {
    let q = filtered(db, f)
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .innerJoin('units', 'units.id', 'cases.unitId')
      .select([
        'cases.id',
        'cases.applicationNo',
        'holders.name as holderName',
        'holders.idNumberMasked as holderIdNumberMasked',
        'units.name as unitName',
        'cases.district',
        'cases.state',
        'cases.submittedAt',
        'cases.dueDate',
        'cases.dueKind',
        'cases.createdAt',
      ]);
    if (f.order === 'submitted_asc') {
      if (after) {
        const { key, id } = after;
        q = q.where((eb) =>
          eb.or([
            eb('cases.submittedAt', '>', key),
            eb.and([eb('cases.submittedAt', '=', key), eb('cases.id', '>', id)]),
          ]),
        );
      }
      q = q.orderBy('cases.submittedAt').orderBy('cases.id');
    } else {
      if (after) {
        const { key, id } = after;
        q = q.where((eb) =>
          eb.or([
            eb('cases.createdAt', '<', key),
            eb.and([eb('cases.createdAt', '=', key), eb('cases.id', '<', id)]),
          ]),
        );
      }
      q = q.orderBy('cases.createdAt', 'desc').orderBy('cases.id', 'desc');
    }
    const rows = await q.limit(Math.min(chunk, cap - sent)).execute();
    if (rows.length === 0) return;
    sent += rows.length;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { key: f.order === 'submitted_asc' ? last.submittedAt! : last.createdAt, id: last.id };
  }
}

export interface PenaltyFilter {
  kind?: PenaltyKind | undefined;
  status?: 'in_force' | 'appealed' | 'revoked' | undefined;
  subjectKind?: 'individual' | 'unit' | undefined;
}

/** The penalties matching the filter: the city's list and its export read the same rows. */
export function filteredPenalties(db: Db, f: PenaltyFilter) {
  let q = db.selectFrom('penalties');
  if (f.kind) q = q.where('penalties.kind', '=', f.kind);
  if (f.status) q = q.where('penalties.status', '=', f.status);
  if (f.subjectKind) q = q.where('penalties.subjectKind', '=', f.subjectKind);
  return q;
}

export async function countPenalties(db: Db, f: PenaltyFilter): Promise<number> {
  const r = await filteredPenalties(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface PenaltyListRow {
  id: string;
  subjectKind: 'individual' | 'unit';
  holderName: string | null;
  holderIdNumberMasked: string | null;
  unitName: string | null;
  applicationNo: string | null;
  kind: PenaltyKind;
  serious: boolean | number;
  reason: string;
  amountFen: number | null;
  effectiveFrom: string;
  effectiveUntil: string | null;
  status: 'in_force' | 'appealed' | 'revoked';
  decidedByName: string | null;
  decidedAt: string;
}

/** Penalties newest first (as listed on screen), at most `cap`, in chunks. */
export async function* penaltyRows(
  db: Db,
  f: PenaltyFilter,
  cap: number,
  chunk = 1000,
): AsyncGenerator<PenaltyListRow[]> {
  for (let offset = 0; offset < cap; offset += chunk) {
    const rows = await filteredPenalties(db, f)
      .leftJoin('holders', 'holders.id', 'penalties.holderId')
      .leftJoin('units', 'units.id', 'penalties.unitId')
      .leftJoin('cases', 'cases.id', 'penalties.caseId')
      .leftJoin('users', 'users.id', 'penalties.decidedBy')
      .select([
        'penalties.id',
        'penalties.subjectKind',
        'holders.name as holderName',
        'holders.idNumberMasked as holderIdNumberMasked',
        'units.name as unitName',
        'cases.applicationNo',
        'penalties.kind',
        'penalties.serious',
        'penalties.reason',
        'penalties.amountFen',
        'penalties.effectiveFrom',
        'penalties.effectiveUntil',
        'penalties.status',
        'users.displayName as decidedByName',
        'penalties.decidedAt',
      ])
      .orderBy('penalties.decidedAt', 'desc')
      .orderBy('penalties.id')
      .limit(Math.min(chunk, cap - offset))
      .offset(offset)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < chunk) return;
  }
}
