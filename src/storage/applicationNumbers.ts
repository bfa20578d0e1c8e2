import type { District } from '../shared/vocabulary.js';
import { specificsOf, type Executor } from './dialectSpecifics.js';
import type { Database } from './schema.js';

/**
 * The application number (申请编号) a person reads, prints, says at the counter
 * and types (issue 15): assigned once when the draft is created and never
 * changed. Format `MH2025-000123`: the district's two-letter code (the initials
 * of its pinyin name), the year the draft was created (Shanghai calendar), a
 * dash, and a sequence per district and year of at least six digits. Gaps are
 * allowed (a rolled-back draft consumes its number); the internal case id stays
 * internal.
 */
export const DISTRICT_CODES: Record<District, string> = {
  黄浦: 'HP',
  徐汇: 'XH',
  长宁: 'CN',
  静安: 'JA',
  普陀: 'PT',
  虹口: 'HK',
  杨浦: 'YP',
  闵行: 'MH',
  宝山: 'BS',
  嘉定: 'JD',
  浦东新区: 'PD',
  金山: 'JS',
  松江: 'SJ',
  青浦: 'QP',
  奉贤: 'FX',
  崇明: 'CM',
};

const CODES = new Set(Object.values(DISTRICT_CODES));

export const formatApplicationNo = (code: string, year: number, seq: number): string =>
  `${code}${year}-${String(seq).padStart(6, '0')}`;

/**
 * What a person typed or a scanner sent, in the stored form, or null when it is
 * not an application number: case, full-width characters, spaces and a missing
 * dash are forgiven (`mh2025 123` → `MH2025-000123`).
 */
export function normaliseApplicationNo(typed: string): string | null {
  const ascii = typed.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  const m = /^([A-Z]{2})(\d{4})-?(\d{1,12})$/.exec(ascii);
  if (!m || !CODES.has(m[1]!)) return null;
  const seq = Number(m[3]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return formatApplicationNo(m[1]!, Number(m[2]), seq);
}

/** The counter of one district and year (a PostgreSQL sequence or a SQLite row). */
export const applicationCounter = (code: string, year: number): string =>
  `application_no_${code.toLowerCase()}_${year}`;

/**
 * Counters known to exist, per database handle: a counter is never dropped, so each is
 * ensured once per process and handle, not once per draft (issue 16 counts round trips).
 */
const ensuredCounters = new WeakMap<object, Set<string>>();

/** Prepares the district's counter for the year; call outside the case transaction. */
export async function ensureApplicationCounter(
  db: Executor<Database>,
  district: District,
  year: number,
): Promise<void> {
  const name = applicationCounter(DISTRICT_CODES[district], year);
  let known = ensuredCounters.get(db);
  if (known?.has(name)) return;
  await specificsOf(db).ensureCounter(db, name);
  if (!known) ensuredCounters.set(db, (known = new Set()));
  known.add(name);
}

/** The next application number of the district and year, inside the case transaction. */
export async function nextApplicationNo(
  tx: Executor<Database>,
  district: District,
  year: number,
): Promise<string> {
  const code = DISTRICT_CODES[district];
  return formatApplicationNo(
    code,
    year,
    await specificsOf(tx).nextInCounter(tx, applicationCounter(code, year)),
  );
}

/** The number a case is known by outside the system (the internal id only for a row that never got one). */
export async function applicationNoOf(db: Executor<Database>, caseId: string): Promise<string> {
  const row = await db
    .selectFrom('cases')
    .select('applicationNo')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.applicationNo ?? caseId;
}
