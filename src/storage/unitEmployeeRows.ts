import type { Executor } from './dialectSpecifics.js';
import type { CaseState, Database } from './schema.js';

/**
 * A unit's employees as the registries know them: the holders whose latest insured month
 * up to `month` (YYYY-MM) the unit (by credit code) paid, filtered by a part of the name or
 * holder id, ordered by holder id, a page of them with their total; and for that page their
 * permits (oldest issue first), their cases in `openStates`, and which have an online login.
 */
export async function unitEmployeeRows(
  db: Executor<Database>,
  q: {
    creditCode: string;
    month: string;
    text?: string | undefined;
    openStates: readonly CaseState[];
    limit: number;
    offset: number;
  },
) {
  // The latest month each holder was insured, and by whom.
  const latest = db
    .selectFrom('insuranceMonths')
    .select(['holderId', (eb) => eb.fn.max('month').as('month')])
    .where('month', '<=', q.month)
    .groupBy('holderId')
    .as('latest');
  let base = db
    .selectFrom('insuranceMonths as m')
    .innerJoin(latest, (j) =>
      j.onRef('latest.holderId', '=', 'm.holderId').onRef('latest.month', '=', 'm.month'),
    )
    .innerJoin('holders as h', 'h.id', 'm.holderId')
    .where('m.unitCreditCode', '=', q.creditCode);
  const text = q.text;
  if (text)
    base = base.where((eb) => eb.or([eb('h.name', 'like', `%${text}%`), eb('h.id', 'like', `%${text}%`)]));
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base
    .select(['h.id', 'h.name', 'h.idNumberMasked', 'm.month'])
    .orderBy('h.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const permits = ids.length
    ? await db
        .selectFrom('permits')
        .select(['holderId', 'issuedOn', 'status'])
        .where('holderId', 'in', ids)
        .orderBy('issuedOn')
        .execute()
    : [];
  const cases = ids.length
    ? await db
        .selectFrom('cases')
        .select(['id', 'holderId', 'state', 'unitId', 'applicationNo'])
        .where('holderId', 'in', ids)
        .where('state', 'in', [...q.openStates])
        .execute()
    : [];
  const logins = ids.length
    ? await db.selectFrom('users').select('holderId').where('holderId', 'in', ids).execute()
    : [];
  return { total, rows, permits, cases, logins };
}
