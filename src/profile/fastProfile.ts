import { isIsoDate, isIsoMonth } from '../shared/dates.js';
import type { Profile } from './profileSchema.js';

/**
 * A fast path for the common, well-formed profile: plain checks of the core
 * contract fields, accepting only what the zod schema accepts (a subset of it).
 * Anything unusual — an extension field, a major, a record flag, any doubt —
 * returns undefined and the caller runs the full schema, which also writes the
 * error messages. Batch scoring of a city spends most of its time validating;
 * this makes that ~10× cheaper. `fastProfile.test.ts` checks it against zod.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const isMonth = (v: unknown): v is string => typeof v === 'string' && isIsoMonth(v);
const optMonthOrNull = (v: unknown) => v === undefined || v === null || isMonth(v);
const money = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function keysWithin(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

const set = (...k: string[]) => new Set(k);
const TOP = set(
  'asOf',
  'birthDate',
  'education',
  'qualifications',
  'contributions',
  'shortageMajor',
  'startupTalent',
  'techTransferTalent',
  'investment',
  'publicService',
  'keyArea',
  'freshGraduate',
  'awards',
  'spouse',
  'records',
);
const EDU = set('level', 'degree', 'fullTime', 'foreign', 'recognized');
const EDU_LEVEL = set('associate', 'bachelor', 'master', 'doctor');
const TITLE = set('type', 'level', 'route', 'matchesPost', 'obtainedWhileWorkingInShanghai');
const SKILL = set(
  'type',
  'level',
  'matchesPost',
  'onShortageCatalog',
  'obtainedWhileWorkingInShanghai',
  'verifiedNationally',
);
const CERT = set('type', 'equivalentLevel', 'requiresRegistration', 'registered', 'matchesPost');
const RUN = set('from', 'to', 'base', 'backPaid', 'employerMatchesContract', 'taxConsistent');
const PERIOD = set('from', 'to');
const KEY_AREA = set('area', 'from', 'to');
const AREAS = set('lingang', 'new_town', 'north_south', 'other_key', 'lingang_old');
const AWARD_LEVELS = set('municipal_special', 'municipal_comprehensive', 'national');
const RECORD = set('type', 'date');
const RECORD_TYPES = set(
  'false_material',
  'administrative_detention',
  'criminal',
  'serious_criminal',
  'family_planning',
);
const SHORTAGE = set('onCatalog', 'matchesPost');
const INVESTMENT = set('invested', 'share', 'annualTax', 'hukouEmployees');
const SPOUSE = set('shanghaiHukou', 'marriageDate');
const AWARD = set('level', 'date', 'obtainedWhileWorkingInShanghai', 'onCatalog', 'filed');

function list(v: unknown, max: number, each: (x: unknown) => boolean): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  for (const x of v) if (!each(x)) return false;
  return true;
}

function qualification(q: unknown): boolean {
  if (!isObj(q)) return false;
  if (q.type === 'title')
    return (
      keysWithin(q, TITLE) &&
      (q.level === 'junior' || q.level === 'intermediate' || q.level === 'senior') &&
      (q.route === undefined || q.route === 'exam' || q.route === 'review') &&
      optBool(q.matchesPost) &&
      optBool(q.obtainedWhileWorkingInShanghai)
    );
  if (q.type === 'skill')
    return (
      keysWithin(q, SKILL) &&
      Number.isInteger(q.level) &&
      (q.level as number) >= 1 &&
      (q.level as number) <= 5 &&
      optBool(q.matchesPost) &&
      optBool(q.onShortageCatalog) &&
      optBool(q.obtainedWhileWorkingInShanghai) &&
      optBool(q.verifiedNationally)
    );
  if (q.type === 'certificate')
    return (
      keysWithin(q, CERT) &&
      (q.equivalentLevel === 'intermediate' || q.equivalentLevel === 'senior') &&
      optBool(q.requiresRegistration) &&
      optBool(q.registered) &&
      optBool(q.matchesPost)
    );
  return false;
}

const period = (allowed: ReadonlySet<string>) => (p: unknown) =>
  isObj(p) &&
  keysWithin(p, allowed) &&
  isMonth(p.from) &&
  optMonthOrNull(p.to) &&
  (p.to == null || (p.to as string) >= p.from) &&
  (allowed !== KEY_AREA || AREAS.has(p.area as string));

function contributions(v: unknown): boolean {
  if (
    !list(
      v,
      600,
      (r) =>
        isObj(r) &&
        keysWithin(r, RUN) &&
        isMonth(r.from) &&
        optMonthOrNull(r.to) &&
        (r.to == null || (r.to as string) >= r.from) &&
        money(r.base) &&
        optBool(r.backPaid) &&
        optBool(r.employerMatchesContract) &&
        optBool(r.taxConsistent),
    )
  )
    return false;
  if (v === undefined) return true;
  // No two runs may cover the same month (docs/spec/profile.md).
  const runs = [...(v as { from: string; to?: string | null }[])].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
  for (let i = 1; i < runs.length; i++) {
    const prevEnd = runs[i - 1]!.to ?? '9999-12';
    if (runs[i]!.from <= prevEnd) return false;
  }
  return true;
}

export function fastProfile(raw: unknown): Profile | undefined {
  if (!isObj(raw) || !keysWithin(raw, TOP)) return undefined;
  const p = raw;
  if (
    typeof p.asOf !== 'string' ||
    !isIsoDate(p.asOf) ||
    typeof p.birthDate !== 'string' ||
    !isIsoDate(p.birthDate) ||
    p.birthDate > p.asOf
  )
    return undefined;
  const ok =
    list(
      p.education,
      20,
      (e) =>
        isObj(e) &&
        keysWithin(e, EDU) &&
        EDU_LEVEL.has(e.level as string) &&
        optBool(e.degree) &&
        optBool(e.fullTime) &&
        optBool(e.foreign) &&
        optBool(e.recognized),
    ) &&
    list(p.qualifications, 50, qualification) &&
    contributions(p.contributions) &&
    (p.shortageMajor === undefined ||
      (isObj(p.shortageMajor) &&
        keysWithin(p.shortageMajor, SHORTAGE) &&
        optBool(p.shortageMajor.onCatalog) &&
        optBool(p.shortageMajor.matchesPost))) &&
    optBool(p.startupTalent) &&
    optBool(p.techTransferTalent) &&
    optBool(p.freshGraduate) &&
    (p.investment === undefined ||
      (isObj(p.investment) &&
        keysWithin(p.investment, INVESTMENT) &&
        optBool(p.investment.invested) &&
        (p.investment.share === undefined ||
          (typeof p.investment.share === 'number' && p.investment.share >= 0 && p.investment.share <= 1)) &&
        list(p.investment.annualTax, 3, money) &&
        list(p.investment.hukouEmployees, 3, (h) => Number.isInteger(h) && (h as number) >= 0))) &&
    list(p.publicService, 100, period(PERIOD)) &&
    list(p.keyArea, 100, period(KEY_AREA)) &&
    list(
      p.awards,
      50,
      (a) =>
        isObj(a) &&
        keysWithin(a, AWARD) &&
        AWARD_LEVELS.has(a.level as string) &&
        (a.date === undefined || (typeof a.date === 'string' && isIsoDate(a.date))) &&
        optBool(a.obtainedWhileWorkingInShanghai) &&
        optBool(a.onCatalog) &&
        optBool(a.filed),
    ) &&
    (p.spouse === undefined ||
      (isObj(p.spouse) &&
        keysWithin(p.spouse, SPOUSE) &&
        optBool(p.spouse.shanghaiHukou) &&
        (p.spouse.marriageDate === undefined ||
          (typeof p.spouse.marriageDate === 'string' && isIsoDate(p.spouse.marriageDate))))) &&
    list(
      p.records,
      100,
      (r) =>
        isObj(r) &&
        keysWithin(r, RECORD) &&
        RECORD_TYPES.has(r.type as string) &&
        typeof r.date === 'string' &&
        isIsoDate(r.date),
    );
  return ok ? (p as Profile) : undefined;
}

/**
 * The profile of a JSON text when it is a well-formed bare profile: exactly what
 * `parseProfileJson` (validateProfile.ts) returns for it. Undefined for anything else — text
 * that is not JSON, a golden-case envelope, any doubt — and the caller runs parseProfileJson,
 * which also writes the errors. Needs no schema: `jifen score` on a good profile builds none.
 */
export function fastProfileJson(text: string): Profile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  return fastProfile(raw);
}
