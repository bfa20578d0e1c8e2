import type { Profile } from '../profile/profileSchema.js';
import { indexToIsoMonth, isoMonthToIndex, parseIsoDate, formatYmd, monthIndex } from '../shared/dates.js';
import { DISTRICTS } from '../shared/vocabulary.js';
import { Random } from './random.js';

export { DISTRICTS };

/** Rough shares of permit holders by district (more in the large outer districts). */
const DISTRICT_WEIGHTS: ReadonlyArray<readonly [string, number]> = DISTRICTS.map((d) => [
  d,
  {
    浦东新区: 20,
    闵行: 11,
    松江: 9,
    嘉定: 8,
    宝山: 7,
    青浦: 5,
    奉贤: 4,
    普陀: 4,
    徐汇: 4,
    杨浦: 4,
    静安: 4,
    长宁: 3,
    虹口: 3,
    黄浦: 3,
    金山: 2,
    崇明: 1,
  }[d] ?? 1,
]);

/** Approximate average wage per calendar year (only to make bases realistic; not a policy value). */
const wageLevel = (year: number): number => 3500 * Math.pow(1.075, Math.max(0, year - 2010));

export interface SynthHolder {
  id: string;
  district: string;
  profile: Profile;
}

export interface SynthOptions {
  seed: number;
  /** Application date of every profile (default 2025-09-15). */
  asOf?: string;
  /** Force long careers (10+ years of contributions), as the engine benchmark asks. */
  longCareers?: boolean;
}

/**
 * One realistic synthetic permit holder: a career of several contribution runs
 * with job changes, gaps, base growth and the occasional back-paid or mismatched
 * month; education, titles and skills in plausible shares; a spouse, key-area
 * years, investment and records at low rates. Deterministic in (seed, index).
 */
export function synthHolder(index: number, options: SynthOptions): SynthHolder {
  const rnd = new Random((options.seed * 1_000_003 + index * 7919) >>> 0);
  const asOf = options.asOf ?? '2025-09-15';
  const asOfYmd = parseIsoDate(asOf)!;
  const asOfMonth = monthIndex(asOfYmd.y, asOfYmd.m);
  const age = options.longCareers
    ? rnd.int(33, 58)
    : rnd.weighted([
        [rnd.int(22, 29), 30],
        [rnd.int(30, 39), 40],
        [rnd.int(40, 49), 20],
        [rnd.int(50, 62), 10],
      ] as const);
  const birth = formatYmd({
    y: asOfYmd.y - age - (rnd.chance(0.5) ? 1 : 0),
    m: rnd.int(1, 12),
    d: rnd.int(1, 28),
  });
  const profile: Profile = { asOf, birthDate: birth };

  const edu = rnd.weighted([
    ['none', 12],
    ['associate', 30],
    ['bachelor0', 8],
    ['bachelor', 35],
    ['master', 12],
    ['doctor', 3],
  ] as const);
  if (edu !== 'none') {
    const level = edu === 'bachelor0' ? 'bachelor' : edu;
    profile.education = [
      {
        level,
        degree: edu !== 'bachelor0' && edu !== 'associate' ? true : undefined,
        fullTime: rnd.chance(0.8),
      },
    ];
    if (rnd.chance(0.04)) profile.education[0]!.foreign = true;
  }

  // Career: starts after schooling, several runs with gaps and job changes.
  const startAge = edu === 'master' || edu === 'doctor' ? 25 : edu === 'none' ? 19 : 22;
  const birthYear = Number(birth.slice(0, 4));
  let m = Math.max(isoMonthToIndex('2005-01'), monthIndex(birthYear + startAge, rnd.int(1, 12)));
  if (options.longCareers) m = Math.min(m, asOfMonth - 12 * rnd.int(10, 18));
  else m = Math.max(m, asOfMonth - 12 * rnd.int(1, 20));
  const runs = rnd.int(options.longCareers ? 3 : 1, options.longCareers ? 7 : 5);
  const eduFactor = { none: 0.6, associate: 0.8, bachelor0: 0.9, bachelor: 1.1, master: 1.5, doctor: 1.8 }[
    edu
  ];
  let ratio = eduFactor * (0.6 + rnd.float() * 0.8);
  const contributions: NonNullable<Profile['contributions']> = [];
  for (let r = 0; r < runs && m < asOfMonth; r++) {
    const last = r === runs - 1;
    const len = last ? asOfMonth - m + 1 : rnd.int(6, 60);
    const to = Math.min(m + len - 1, asOfMonth);
    const year = Math.floor(m / 12);
    const run: NonNullable<Profile['contributions']>[number] = {
      from: indexToIsoMonth(m),
      to: last || to >= asOfMonth ? null : indexToIsoMonth(to),
      base: Math.round(wageLevel(year) * ratio),
    };
    if (rnd.chance(0.03)) run.backPaid = true;
    if (rnd.chance(0.02)) run.employerMatchesContract = false;
    contributions.push(run);
    if (run.to === null) break;
    m = to + 1 + (rnd.chance(0.3) ? rnd.int(1, 8) : 0);
    ratio = Math.min(3.4, ratio * (1 + rnd.float() * 0.35));
  }
  if (contributions.length) profile.contributions = contributions;

  if (rnd.chance(0.18))
    profile.qualifications = [
      {
        type: 'title',
        level: rnd.weighted([
          ['junior', 3],
          ['intermediate', 6],
          ['senior', 1],
        ] as const),
        route: rnd.chance(0.6) ? 'exam' : 'review',
      },
    ];
  else if (rnd.chance(0.1))
    profile.qualifications = [
      {
        type: 'skill',
        level: rnd.weighted([
          [5, 2],
          [4, 3],
          [3, 3],
          [2, 1.5],
          [1, 0.5],
        ] as const),
      },
    ];
  if (rnd.chance(0.45)) {
    const married = formatYmd({
      y: Math.min(asOfYmd.y, birthYear + rnd.int(24, 35)),
      m: rnd.int(1, 12),
      d: rnd.int(1, 28),
    });
    if (married <= asOf) profile.spouse = { shanghaiHukou: rnd.chance(0.3), marriageDate: married };
  }
  if (rnd.chance(0.06))
    profile.keyArea = [
      {
        area: rnd.pick(['lingang', 'new_town', 'north_south'] as const),
        from: indexToIsoMonth(asOfMonth - rnd.int(12, 96)),
        to: null,
      },
    ];
  if (rnd.chance(0.03)) profile.shortageMajor = { onCatalog: true, matchesPost: true };
  if (rnd.chance(0.02))
    profile.investment = {
      share: Math.round(rnd.float() * 100) / 100,
      annualTax: [0, 0, 0].map(() => rnd.int(0, 2_000_000)),
    };
  if (rnd.chance(0.01))
    profile.publicService = [{ from: indexToIsoMonth(asOfMonth - rnd.int(24, 120)), to: null }];
  if (age <= 24 && rnd.chance(0.3)) profile.freshGraduate = true;
  if (rnd.chance(0.01))
    profile.awards = [
      { level: rnd.pick(['municipal_special', 'municipal_comprehensive', 'national'] as const) },
    ];
  if (rnd.chance(0.01))
    profile.records = [
      {
        type: rnd.pick(['administrative_detention', 'criminal', 'false_material'] as const),
        date: formatYmd({ y: asOfYmd.y - rnd.int(0, 6), m: rnd.int(1, 12), d: rnd.int(1, 28) }),
      },
    ];
  if (profile.records?.[0] && profile.records[0].date > asOf) delete profile.records;

  return {
    id: `S${String(options.seed)}-${String(index).padStart(7, '0')}`,
    district: rnd.weighted(DISTRICT_WEIGHTS),
    profile,
  };
}

/** A deterministic population of `count` holders. */
export function* synthPopulation(count: number, options: SynthOptions): Generator<SynthHolder> {
  for (let i = 0; i < count; i++) yield synthHolder(i, options);
}
