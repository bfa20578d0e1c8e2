import { specificsOf, type Executor } from './dialectSpecifics.js';
import type { Database, District } from './schema.js';
import type { WorkdayHistogram } from './districtStatisticsRows.js';

/** The districts that have any case. */
export async function districtsWithCases(db: Executor<Database>): Promise<District[]> {
  const rows = await db.selectFrom('cases').select('district').groupBy('district').execute();
  return rows.map((r) => r.district);
}

/**
 * The city-wide figures besides the per-district ones, for the cases opened in [lo, hi)
 * when given: the merged working-day histograms (for the city's medians), filed cases per
 * district, and the one-time notices' items with their case's district.
 */
export async function cityStatisticsRows(
  db: Executor<Database>,
  q: { lo?: string | undefined; hi?: string | undefined },
) {
  const { lo, hi } = q;
  const histogram = async (
    column: 'acceptanceWorkdays' | 'determinationWorkdays',
  ): Promise<WorkdayHistogram> => {
    const rows = await db
      .selectFrom('cases')
      .select([column, (eb) => eb.fn.countAll<number>().as('n')])
      .where(column, 'is not', null)
      .$if(lo !== undefined, (b) => b.where('createdAt', '>=', lo!))
      .$if(hi !== undefined, (b) => b.where('createdAt', '<', hi!))
      .groupBy(column)
      .execute();
    return rows.map((r) => ({ value: Number(r[column]), n: Number(r.n) }));
  };
  const filed = await db
    .selectFrom('cases')
    .select(['district', (eb) => eb.fn.count<number>('filedOn').as('filed')])
    .$if(lo !== undefined, (b) => b.where('createdAt', '>=', lo!))
    .$if(hi !== undefined, (b) => b.where('createdAt', '<', hi!))
    .groupBy('district')
    .execute();
  const notices = await db
    .selectFrom('oneTimeNotices')
    .innerJoin('cases', 'cases.id', 'oneTimeNotices.caseId')
    .select(['cases.district', 'oneTimeNotices.items'])
    .$if(lo !== undefined, (b) => b.where('cases.createdAt', '>=', lo!))
    .$if(hi !== undefined, (b) => b.where('cases.createdAt', '<', hi!))
    .execute();
  const s = specificsOf(db);
  return {
    filed: filed.map((f) => ({ district: f.district, filed: Number(f.filed) })),
    notices: notices.map((n) => ({ district: n.district, items: s.readJson<{ code: string }[]>(n.items) })),
    acceptance: await histogram('acceptanceWorkdays'),
    determination: await histogram('determinationWorkdays'),
  };
}
