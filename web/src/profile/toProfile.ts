import type { District } from '../vocabulary';
import type { AwardLevel, EmployerKind, KeyAreaId, Profile, Qualification, RecordType } from './types';

/**
 * The profile form's values: the profile's own shape (so the API's JSON paths
 * name form fields one to one), with what a form needs on top — every boolean
 * explicit, an empty end month meaning "ongoing", the investment share in per
 * cent, and the extension objects (permit, employer) optional until filled.
 */
export interface ProfileFormValues {
  asOf?: string;
  birthDate?: string;
  education?: Array<{
    level?: string;
    degree?: boolean;
    fullTime?: boolean;
    foreign?: boolean;
    recognized?: boolean;
    major?: { code?: string; name?: string };
  }>;
  qualifications?: Array<{
    type?: Qualification['type'];
    level?: string | number;
    equivalentLevel?: string;
    route?: string;
    matchesPost?: boolean;
    obtainedWhileWorkingInShanghai?: boolean;
    onShortageCatalog?: boolean;
    verifiedNationally?: boolean;
    requiresRegistration?: boolean;
    registered?: boolean;
  }>;
  contributions?: Array<{
    from?: string;
    to?: string | null;
    base?: number | null;
    backPaid?: boolean;
    employerMatchesContract?: boolean;
    taxConsistent?: boolean;
  }>;
  shortageMajor?: { onCatalog?: boolean; matchesPost?: boolean };
  startupTalent?: boolean;
  techTransferTalent?: boolean;
  freshGraduate?: boolean;
  investment?: {
    /** Per cent (0–100); the profile holds 0–1. */
    share?: number | null;
    annualTax?: Array<number | null | undefined>;
    hukouEmployees?: Array<number | null | undefined>;
  };
  publicService?: Array<{ from?: string; to?: string | null }>;
  keyArea?: Array<{ area?: string; from?: string; to?: string | null }>;
  awards?: Array<{ level?: string }>;
  spouse?: { shanghaiHukou?: boolean; marriageDate?: string };
  records?: Array<{ type?: string; date?: string; serious?: boolean }>;
  permit?: { issuedOn?: string; validUntil?: string; endorsedUntil?: string; status?: string };
  employer?: {
    district?: string;
    kind?: string;
    registeredInShanghai?: boolean;
    operatingNormally?: boolean;
    paysTaxInShanghai?: boolean;
    barredUntil?: string;
  };
  /** 'yes' | 'no' | undefined (not stated: the pre-check says "unknown"). */
  employedAtOutOfTownBranch?: 'yes' | 'no';
  dispatched?: boolean;
  family?: {
    spouseUsesBenefits?: boolean;
    children?: Array<{ birthDate?: string; usesBenefits?: boolean; fullTimeHighSchool?: boolean }>;
  };
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const endOf = (v: unknown): string | null => text(v) ?? null;

/** Drops undefined members so the JSON (and the API's unknown-field check) stays clean. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
const nonEmpty = <T>(a: T[] | undefined): T[] | undefined => (a && a.length > 0 ? a : undefined);

/** Trailing empty years are dropped; an empty year between filled ones counts as 0 (profile.md). */
function yearly(values: Array<number | null | undefined> | undefined): number[] | undefined {
  const a = (values ?? []).slice(0, 3);
  let last = -1;
  a.forEach((v, i) => {
    if (num(v) !== undefined) last = i;
  });
  return last < 0 ? undefined : a.slice(0, last + 1).map((v) => num(v) ?? 0);
}

/** Form values → the profile the API takes. Nothing is guessed: an unfilled field stays absent. */
export function toProfile(v: ProfileFormValues): Profile {
  const p = {
    asOf: text(v.asOf) ?? '',
    birthDate: text(v.birthDate) ?? '',
  } as Profile;
  p.education = nonEmpty(
    (v.education ?? []).map((e) =>
      compact({
        level: e.level as NonNullable<Profile['education']>[number]['level'],
        degree: e.degree,
        fullTime: e.fullTime,
        foreign: e.foreign,
        recognized: e.foreign ? e.recognized : undefined,
        major:
          text(e.major?.code) || text(e.major?.name)
            ? { code: text(e.major?.code) ?? '', name: text(e.major?.name) ?? '' }
            : undefined,
      }),
    ),
  );
  p.qualifications = nonEmpty(
    (v.qualifications ?? []).map((q): Qualification => {
      if (q.type === 'skill')
        return compact({
          type: 'skill',
          level: Number(q.level),
          matchesPost: q.matchesPost,
          onShortageCatalog: q.onShortageCatalog,
          obtainedWhileWorkingInShanghai: q.obtainedWhileWorkingInShanghai,
          verifiedNationally: q.obtainedWhileWorkingInShanghai ? undefined : q.verifiedNationally,
        });
      if (q.type === 'certificate')
        return compact({
          type: 'certificate',
          equivalentLevel: q.equivalentLevel as 'intermediate' | 'senior',
          requiresRegistration: q.requiresRegistration,
          registered: q.requiresRegistration ? q.registered : undefined,
          matchesPost: q.matchesPost,
        });
      return compact({
        type: 'title',
        level: q.level as 'junior' | 'intermediate' | 'senior',
        route: q.route as 'exam' | 'review' | undefined,
        matchesPost: q.matchesPost,
        obtainedWhileWorkingInShanghai: q.route === 'review' ? q.obtainedWhileWorkingInShanghai : undefined,
      });
    }),
  );
  p.contributions = nonEmpty(
    (v.contributions ?? []).map((c) =>
      compact({
        from: text(c.from) ?? '',
        to: endOf(c.to),
        base: num(c.base) ?? (c.base as unknown as number),
        backPaid: c.backPaid,
        employerMatchesContract: c.employerMatchesContract,
        taxConsistent: c.taxConsistent,
      }),
    ),
  );
  if (v.shortageMajor?.onCatalog)
    p.shortageMajor = { onCatalog: true, matchesPost: v.shortageMajor.matchesPost ?? true };
  if (v.startupTalent) p.startupTalent = true;
  if (v.techTransferTalent) p.techTransferTalent = true;
  const share = num(v.investment?.share);
  const investment = compact({
    share: share === undefined ? undefined : Math.round(share * 100) / 10000,
    annualTax: yearly(v.investment?.annualTax),
    hukouEmployees: yearly(v.investment?.hukouEmployees),
  });
  if (Object.keys(investment).length) p.investment = investment;
  p.publicService = nonEmpty(
    (v.publicService ?? []).map((r) => ({ from: text(r.from) ?? '', to: endOf(r.to) })),
  );
  p.keyArea = nonEmpty(
    (v.keyArea ?? []).map((r) => ({
      area: r.area as KeyAreaId,
      from: text(r.from) ?? '',
      to: endOf(r.to),
    })),
  );
  if (v.freshGraduate) p.freshGraduate = true;
  p.awards = nonEmpty((v.awards ?? []).map((a) => ({ level: a.level as AwardLevel })));
  if (v.spouse?.shanghaiHukou || text(v.spouse?.marriageDate))
    p.spouse = compact({
      shanghaiHukou: !!v.spouse?.shanghaiHukou,
      marriageDate: text(v.spouse?.marriageDate),
    });
  p.records = nonEmpty(
    (v.records ?? []).map((r) =>
      compact({
        type: r.type as RecordType,
        date: text(r.date) ?? '',
        serious: r.type === 'false_material' && r.serious ? true : undefined,
      }),
    ),
  );
  const pm = v.permit;
  if (pm && (text(pm.issuedOn) || text(pm.validUntil) || text(pm.endorsedUntil)))
    p.permit = compact({
      issuedOn: text(pm.issuedOn) ?? '',
      validUntil: text(pm.validUntil) ?? '',
      endorsedUntil: text(pm.endorsedUntil),
      status: (pm.status ?? 'active') as 'active' | 'cancelled',
    });
  const em = v.employer;
  if (em && (text(em.district) || text(em.kind)))
    p.employer = compact({
      // The form's choice, checked by the server (an unknown district is refused naming the field).
      district: (text(em.district) ?? '') as District,
      kind: (text(em.kind) ?? '') as EmployerKind,
      registeredInShanghai: em.registeredInShanghai ?? true,
      operatingNormally: em.operatingNormally ?? true,
      paysTaxInShanghai: em.paysTaxInShanghai ?? true,
      barredUntil: text(em.barredUntil),
    });
  if (v.employedAtOutOfTownBranch) p.employedAtOutOfTownBranch = v.employedAtOutOfTownBranch === 'yes';
  if (v.dispatched) p.employment = { dispatched: true };
  const children = (v.family?.children ?? []).map((c) =>
    compact({
      birthDate: text(c.birthDate) ?? '',
      usesBenefits: c.usesBenefits,
      fullTimeHighSchool: c.fullTimeHighSchool,
    }),
  );
  if (v.family?.spouseUsesBenefits || children.length)
    p.family = compact({
      spouseUsesBenefits: v.family?.spouseUsesBenefits || undefined,
      children: nonEmpty(children),
    });
  return compact(p);
}

const KNOWN = new Set([
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
  'permit',
  'employer',
  'employedAtOutOfTownBranch',
  'employment',
  'family',
]);

/** The top-level keys of an imported profile that the form cannot hold (the API would refuse them). */
export const unknownKeys = (p: Record<string, unknown>): string[] =>
  Object.keys(p).filter((k) => !KNOWN.has(k));

/**
 * A profile → form values, with every favourable default of profile.md made
 * explicit (absent `matchesPost` means true, …) so the checkboxes show what
 * the engine will assume.
 */
export function fromProfile(p: Profile): ProfileFormValues {
  return {
    asOf: p.asOf,
    birthDate: p.birthDate,
    education: (p.education ?? []).map((e) => ({
      level: e.level,
      degree: e.degree ?? false,
      fullTime: e.fullTime ?? false,
      foreign: e.foreign ?? false,
      recognized: e.recognized ?? true,
      major: e.major ? { ...e.major } : undefined,
    })),
    qualifications: (p.qualifications ?? []).map((q) =>
      q.type === 'skill'
        ? {
            type: 'skill',
            level: q.level,
            matchesPost: q.matchesPost ?? true,
            onShortageCatalog: q.onShortageCatalog ?? true,
            obtainedWhileWorkingInShanghai: q.obtainedWhileWorkingInShanghai ?? true,
            verifiedNationally: q.verifiedNationally ?? true,
          }
        : q.type === 'certificate'
          ? {
              type: 'certificate',
              equivalentLevel: q.equivalentLevel,
              requiresRegistration: q.requiresRegistration ?? false,
              registered: q.registered ?? true,
              matchesPost: q.matchesPost ?? true,
            }
          : {
              type: 'title',
              level: q.level,
              route: q.route ?? 'exam',
              matchesPost: q.matchesPost ?? true,
              obtainedWhileWorkingInShanghai: q.obtainedWhileWorkingInShanghai ?? true,
            },
    ),
    contributions: (p.contributions ?? []).map((c) => ({
      from: c.from,
      to: c.to ?? undefined,
      base: c.base,
      backPaid: c.backPaid ?? false,
      employerMatchesContract: c.employerMatchesContract ?? true,
      taxConsistent: c.taxConsistent ?? true,
    })),
    shortageMajor: {
      onCatalog: !!p.shortageMajor && p.shortageMajor.onCatalog !== false,
      matchesPost: p.shortageMajor?.matchesPost ?? true,
    },
    startupTalent: p.startupTalent ?? false,
    techTransferTalent: p.techTransferTalent ?? false,
    freshGraduate: p.freshGraduate ?? false,
    investment: {
      share: p.investment?.share === undefined ? undefined : Math.round(p.investment.share * 10000) / 100,
      annualTax: [0, 1, 2].map((i) => p.investment?.annualTax?.[i]),
      hukouEmployees: [0, 1, 2].map((i) => p.investment?.hukouEmployees?.[i]),
    },
    publicService: (p.publicService ?? []).map((r) => ({ from: r.from, to: r.to ?? undefined })),
    keyArea: (p.keyArea ?? []).map((r) => ({ area: r.area, from: r.from, to: r.to ?? undefined })),
    awards: (p.awards ?? []).map((a) => ({ level: a.level })),
    spouse: { shanghaiHukou: p.spouse?.shanghaiHukou ?? false, marriageDate: p.spouse?.marriageDate },
    records: (p.records ?? []).map((r) => ({ type: r.type, date: r.date, serious: r.serious ?? false })),
    permit: p.permit ? { ...p.permit } : { status: 'active' },
    employer: p.employer
      ? { ...p.employer }
      : { registeredInShanghai: true, operatingNormally: true, paysTaxInShanghai: true },
    employedAtOutOfTownBranch:
      p.employedAtOutOfTownBranch === undefined ? undefined : p.employedAtOutOfTownBranch ? 'yes' : 'no',
    dispatched: p.employment?.dispatched ?? false,
    family: {
      spouseUsesBenefits: p.family?.spouseUsesBenefits ?? false,
      children: (p.family?.children ?? []).map((c) => ({
        birthDate: c.birthDate,
        usesBenefits: c.usesBenefits ?? true,
        fullTimeHighSchool: c.fullTimeHighSchool ?? false,
      })),
    },
  };
}

/** Today in Shanghai as YYYY-MM-DD. */
export const todayInShanghai = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A new, empty profile as of today. */
export const emptyProfile = (): Profile => ({ asOf: todayInShanghai(), birthDate: '' });
