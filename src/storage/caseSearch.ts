import { sql } from 'kysely';
import { normaliseApplicationNo } from './applicationNumbers.js';
import { specificsOf, type Executor } from './dialectSpecifics.js';
import { isValidIdNumber } from './imports/fields.js';
import type { CaseState, Database, District } from './schema.js';

/**
 * The officers' and HR's case search (issue 15), inside one room: a district
 * (clerk, reviewer, approver), a unit (its HR) or the whole city (supervisor).
 * What was typed decides the kind of search, each an index lookup:
 * application number, full ID number, full mobile number, unified social
 * credit code (exact), or a holder's or unit's name (exact for one character,
 * by prefix from two). Results carry masked identifiers only.
 */
export type SearchRoom =
  { kind: 'district'; district: District } | { kind: 'unit'; unitId: string } | { kind: 'city' };

export type SearchKind = 'application_no' | 'id_number' | 'phone' | 'credit_code' | 'name';

/** The kind of search, in the words of the forms (shown as "按…查找"). */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  application_no: '申请编号',
  id_number: '公民身份号码',
  phone: '手机号码',
  credit_code: '统一社会信用代码',
  name: '姓名或单位名称',
};

const MOBILE = /^1[3-9]\d{9}$/;
// GB 32100: 18 characters of the code alphabet (no I, O, Z, S, V).
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface ClassifiedQuery {
  kind: SearchKind;
  value: string;
  /** Names: a prefix from two characters on, else the exact name. */
  prefix: boolean;
}

/** What kind of reference the person typed (the text itself is never logged or echoed). */
export function classifySearch(typed: string): ClassifiedQuery {
  const text = typed.normalize('NFKC').trim();
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const no = normaliseApplicationNo(compact);
  if (no) return { kind: 'application_no', value: no, prefix: false };
  if (isValidIdNumber(compact)) return { kind: 'id_number', value: compact, prefix: false };
  if (MOBILE.test(compact)) return { kind: 'phone', value: compact, prefix: false };
  if (CREDIT_CODE.test(compact)) return { kind: 'credit_code', value: compact, prefix: false };
  return { kind: 'name', value: text, prefix: [...text].length >= 2 };
}

export interface CaseSearchHit {
  caseId: string;
  applicationNo: string | null;
  state: CaseState;
  district: District;
  holderName: string;
  holderIdNumberMasked: string;
  unitName: string;
  unitCreditCode: string;
  submittedAt: string | null;
  createdAt: string;
}

export interface CaseSearchPage {
  kind: SearchKind;
  total: number;
  limit: number;
  offset: number;
  items: CaseSearchHit[];
}

type Db = Executor<Database>;

/** Case ids (and their creation time, for the order) that match, inside the room. */
function matches(db: Db, room: SearchRoom, q: ClassifiedQuery) {
  const s = specificsOf(db);
  const cases = () => {
    let qb = db
      .selectFrom('cases')
      .select(['cases.id', 'cases.createdAt'])
      .where('cases.snapshot', 'is not', null);
    if (room.kind === 'district') qb = qb.where('cases.district', '=', room.district);
    if (room.kind === 'unit') qb = qb.where('cases.unitId', '=', room.unitId);
    return qb;
  };
  switch (q.kind) {
    case 'application_no':
      return cases().where('cases.applicationNo', '=', q.value);
    case 'id_number':
      return cases().where('cases.holderId', 'in', (eb) =>
        eb.selectFrom('holders').select('holders.id').where('holders.idNumber', '=', q.value),
      );
    case 'phone':
      return cases().where('cases.holderId', 'in', (eb) =>
        eb.selectFrom('holders').select('holders.id').where('holders.phone', '=', q.value),
      );
    case 'credit_code':
      return cases().where('cases.unitId', 'in', (eb) =>
        eb.selectFrom('units').select('units.id').where('units.creditCode', '=', q.value),
      );
    case 'name': {
      // Two index range reads joined by UNION (an OR across two tables would scan the cases).
      const byHolder = cases()
        .innerJoin('holders', 'holders.id', 'cases.holderId')
        .where(q.prefix ? s.startsWith('holders.name', q.value) : (eb) => eb('holders.name', '=', q.value));
      const byUnit = cases()
        .innerJoin('units', 'units.id', 'cases.unitId')
        .where(q.prefix ? s.startsWith('units.name', q.value) : (eb) => eb('units.name', '=', q.value));
      return byHolder.union(byUnit);
    }
  }
}

/** One page of matches, newest case first, with the total count. */
export async function searchCases(
  db: Db,
  req: { room: SearchRoom; q: string; limit: number; offset: number },
): Promise<CaseSearchPage> {
  const q = classifySearch(req.q);
  const m = matches(db, req.room, q).as('m');
  // The page and the total in one pass over the matches (a window count): the union of a name
  // search is read once, not once for the count and again for the page.
  const page = await db
    .selectFrom(m)
    .select(['m.id', 'm.createdAt', sql<number | string>`count(*) over ()`.as('total')])
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id')
    .limit(req.limit)
    .offset(req.offset)
    .execute();
  // A page past the end carries no row to read the total from: count then.
  const total =
    page.length > 0
      ? Number(page[0]!.total)
      : Number(
          (
            await db
              .selectFrom(matches(db, req.room, q).as('m'))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  const ids = page.map((p) => p.id);
  const rows = ids.length
    ? await db
        .selectFrom('cases')
        .innerJoin('holders', 'holders.id', 'cases.holderId')
        .innerJoin('units', 'units.id', 'cases.unitId')
        .select([
          'cases.id as caseId',
          'cases.applicationNo',
          'cases.state',
          'cases.district',
          'holders.name as holderName',
          'holders.idNumberMasked as holderIdNumberMasked',
          'units.name as unitName',
          'units.creditCode as unitCreditCode',
          'cases.submittedAt',
          'cases.createdAt',
        ])
        .where('cases.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.caseId, r]));
  return {
    kind: q.kind,
    total,
    limit: req.limit,
    offset: req.offset,
    items: ids.map((id) => byId.get(id)!).filter(Boolean),
  };
}
