/**
 * The stored case view / workspace parts (issue 16, migration 0200): one row per
 * case and view, with the key it was computed for. Reading the case row, its
 * holder and unit, the registry-facts fingerprint and the stored row is ONE
 * statement, so a view whose key still holds costs one round trip.
 *
 * Always read on the primary (`db`): the case version shown feeds an If-Match.
 */
import { createHash } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Executor } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { CaseRow, CaseViewCacheTable, Database } from './schema.js';

type Db = Executor<Database>;

export type CaseViewKind = CaseViewCacheTable['kind'];

/** What a stored row was computed for; any difference means recompute. */
export interface CaseViewKey {
  caseVersion: number;
  dataRevision: string;
  businessDay: string;
  factsKey: string;
}

export interface CaseWithStoredView {
  row: CaseRow;
  holder: { id: string; name: string; idNumberMasked: string; phoneMasked: string | null };
  unit: { id: string; name: string; district: string };
  /** The fingerprint of the holder's and unit's registry facts now ('' unless asked for). */
  factsKey: string;
  stored: (CaseViewKey & { payload: string }) | null;
}

/**
 * Registry facts of the holder and the unit that the pre-check, the checklist, the
 * engine and the registry panel read. Registry rows are append-only (an import
 * inserts; a row present with other values is rejected), so counts see every import;
 * permits, penalties and units are updated in place, so their changing columns are
 * part of the key.
 */
function factsColumns(eb: ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>) {
  type Holding = 'insuranceMonths' | 'taxRecords' | 'educationVerifications' | 'householdRecords';
  const count = (table: Holding | 'permits' | 'penalties', as: string) =>
    eb
      .selectFrom(table)
      .select((x) => x.fn.countAll<number>().as('n'))
      .whereRef(`${table}.holderId`, '=', 'c.holderId')
      .as(as);
  const max = (
    table: 'permits' | 'penalties',
    column: 'endorsedUntil' | 'cancelledOn' | 'updatedAt' | 'status',
    as: string,
  ) =>
    eb
      .selectFrom(table)
      .select((x) => x.fn.max(`${table}.${column}` as 'permits.updatedAt').as('m'))
      .whereRef(`${table}.holderId`, '=', 'c.holderId')
      .as(as);
  const inStatus = (status: 'revoked' | 'appealed', as: string) =>
    eb
      .selectFrom('penalties')
      .select((x) => x.fn.countAll<number>().as('n'))
      .whereRef('penalties.holderId', '=', 'c.holderId')
      .where('penalties.status', '=', status)
      .as(as);
  return [
    count('insuranceMonths', 'factInsuranceMonths'),
    count('taxRecords', 'factTaxRecords'),
    count('educationVerifications', 'factEducation'),
    count('householdRecords', 'factHousehold'),
    count('permits', 'factPermits'),
    max('permits', 'endorsedUntil', 'factPermitEndorsed'),
    max('permits', 'cancelledOn', 'factPermitCancelled'),
    max('permits', 'updatedAt', 'factPermitUpdated'),
    count('penalties', 'factPenalties'),
    max('penalties', 'updatedAt', 'factPenaltyUpdated'),
    inStatus('revoked', 'factPenaltyRevoked'),
    inStatus('appealed', 'factPenaltyAppealed'),
  ];
}

const UNIT_FACTS = [
  'registrationStatus',
  'taxStatus',
  'operatingStatus',
  'barredUntil',
  'kind',
  'creditCode',
  'district',
  'updatedAt',
] as const;

/** The case row, its holder and unit, the stored `kind` view and (if asked) the facts fingerprint. */
export async function readCaseWithStoredView(
  db: Db,
  caseId: string,
  kind: CaseViewKind,
  opts: { facts: boolean },
): Promise<CaseWithStoredView | undefined> {
  const r = (await db
    .selectFrom('cases as c')
    .innerJoin('holders as h', 'h.id', 'c.holderId')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .leftJoin('caseViewCache as v', (j) => j.onRef('v.caseId', '=', 'c.id').on('v.kind', '=', kind))
    .selectAll('c')
    .select([
      'h.name as viewHolderName',
      'h.idNumberMasked as viewHolderIdNumberMasked',
      'h.phoneMasked as viewHolderPhoneMasked',
      'u.name as viewUnitName',
      'u.district as viewUnitDistrict',
      'v.caseVersion as viewCaseVersion',
      'v.dataRevision as viewDataRevision',
      'v.businessDay as viewBusinessDay',
      'v.factsKey as viewFactsKey',
      'v.payload as viewPayload',
    ])
    .$if(opts.facts, (q) =>
      q
        .select(UNIT_FACTS.map((k) => `u.${k} as factUnit${k[0]!.toUpperCase()}${k.slice(1)}` as 'u.kind'))
        .select((eb) => factsColumns(eb as never)),
    )
    .where('c.id', '=', caseId)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!r) return undefined;
  const row: Record<string, unknown> = {};
  const facts: unknown[] = [];
  for (const [k, v] of Object.entries(r)) {
    if (/^fact[A-Z]/.test(k)) facts.push(k, v === null ? null : String(v));
    else if (!/^view[A-Z]/.test(k)) row[k] = v;
  }
  const factsKey = opts.facts ? createHash('sha256').update(JSON.stringify(facts)).digest('base64url') : '';
  return {
    row: row as unknown as CaseRow,
    holder: {
      id: r.holderId as string,
      name: r.viewHolderName as string,
      idNumberMasked: r.viewHolderIdNumberMasked as string,
      phoneMasked: r.viewHolderPhoneMasked as string | null,
    },
    unit: { id: r.unitId as string, name: r.viewUnitName as string, district: r.viewUnitDistrict as string },
    factsKey,
    stored:
      r.viewPayload == null
        ? null
        : {
            caseVersion: Number(r.viewCaseVersion),
            dataRevision: r.viewDataRevision as string,
            businessDay: r.viewBusinessDay as string,
            factsKey: r.viewFactsKey as string,
            payload: r.viewPayload as string,
          },
  };
}

export const sameKey = (a: CaseViewKey, b: CaseViewKey): boolean =>
  a.caseVersion === b.caseVersion &&
  a.dataRevision === b.dataRevision &&
  a.businessDay === b.businessDay &&
  a.factsKey === b.factsKey;

/**
 * Stores the view computed for `key`, replacing the case's older one (one row per
 * case and view: older keys are never kept). Two readers racing both store a
 * correct row for their key; a later reader compares keys and recomputes if needed.
 */
export async function storeCaseView(
  db: Db,
  caseId: string,
  kind: CaseViewKind,
  key: CaseViewKey,
  payload: string,
  now: string,
): Promise<void> {
  const values = { ...key, payload, computedAt: toInstant(now) };
  await db
    .insertInto('caseViewCache')
    .values({ caseId, kind, ...values })
    .onConflict((oc) => oc.columns(['caseId', 'kind']).doUpdateSet(values))
    .execute();
}
