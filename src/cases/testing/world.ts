/**
 * A small deterministic world for the use-case tests: units in 闵行 and 浦东新区
 * (one barred), holders with permits and registry data, and the actors who act
 * on them. Ids carry a prefix so several worlds can share one database.
 */
import type { Kysely } from 'kysely';
import { idNumberCheckChar } from '../../storage/imports/fields.js';
import { specificsOf } from '../../storage/dialectSpecifics.js';
import type { Database, District } from '../../storage/schema.js';
import { isoMonthToIndex, indexToIsoMonth } from '../../shared/dates.js';
import type { Actor } from '../../workflow/index.js';
import { createHash } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, withCreditCodeCheck } from '../../shared/creditCode.js';

export const WORLD_T0 = '2025-09-01T01:00:00.000Z';

export interface HolderSpec {
  id: string;
  birthDate: string;
  permit: { issuedOn: string; validUntil: string; endorsedUntil: string };
  months: { from: string; to: string; baseCny: number };
  education?: 'bachelor' | 'master' | 'doctor';
  phone?: string | null;
}

export function idNumberFor(seq: number, birthDate: string): string {
  const first17 = `310112${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export async function seedUnitRow(
  db: Kysely<Database>,
  u: {
    id: string;
    name: string;
    creditCode: string;
    district: District;
    status?: 'registered' | 'verified';
    barredUntil?: string | null;
    now?: string;
  },
): Promise<void> {
  const now = u.now ?? WORLD_T0;
  await db
    .insertInto('units')
    .values({
      id: u.id,
      name: u.name,
      creditCode: u.creditCode,
      district: u.district,
      kind: 'enterprise',
      registrationStatus: u.status ?? 'verified',
      rejectionReason: null,
      taxStatus: 'paying',
      operatingStatus: 'normal',
      barredUntil: u.barredUntil ?? null,
      registeredAt: now,
      verifiedAt: (u.status ?? 'verified') === 'verified' ? now : null,
      verifiedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

export async function seedHolderRow(
  db: Kysely<Database>,
  h: HolderSpec,
  seq: number,
  unitCreditCode: string,
  now = WORLD_T0,
): Promise<void> {
  const s = specificsOf(db);
  const idNumber = idNumberFor(seq, h.birthDate);
  const phone = h.phone === undefined ? `139${String(10_000_000 + seq).slice(-8)}` : h.phone;
  await db
    .insertInto('holders')
    .values({
      id: h.id,
      idNumber,
      idNumberMasked: `${idNumber.slice(0, 4)}********${idNumber.slice(-4)}`,
      name: `持证人${seq}`,
      phone,
      phoneMasked: phone === null ? null : `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      birthDate: h.birthDate,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('permits')
    .values({
      id: `${h.id}-permit`,
      holderId: h.id,
      permitNo: `P${h.id}`,
      issuedOn: h.permit.issuedOn,
      validUntil: h.permit.validUntil,
      endorsedUntil: h.permit.endorsedUntil,
      status: 'active',
      cancelledOn: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const months = [];
  for (let i = isoMonthToIndex(h.months.from); i <= isoMonthToIndex(h.months.to); i++) {
    months.push({
      holderId: h.id,
      month: indexToIsoMonth(i),
      baseFen: h.months.baseCny * 100,
      unitCreditCode,
      backPaid: s.bool(false),
      importedAt: now,
    });
  }
  for (let i = 0; i < months.length; i += 200)
    await db
      .insertInto('insuranceMonths')
      .values(months.slice(i, i + 200))
      .execute();
  if (h.education) {
    await db
      .insertInto('educationVerifications')
      .values({
        holderId: h.id,
        certificateNo: `EDU-${h.id}`,
        level: h.education,
        degree: s.bool(true),
        fullTime: s.bool(true),
        foreignDegree: s.bool(false),
        recognized: s.bool(true),
        result: 'verified',
        verifiedOn: '2020-07-01',
        majorCode: null,
        majorName: null,
        importedAt: now,
      })
      .execute();
  }
}

export interface World {
  units: { a: string; b: string; pd: string; barred: string };
  holders: { h1: string; h2: string; h3: string; h4: string; pdHolder: string; barredHolder: string };
  actors: {
    hrA: Actor;
    hrB: Actor;
    hrPd: Actor;
    hrBarred: Actor;
    holder1: Actor;
    holder2: Actor;
    clerk: Actor;
    reviewer: Actor;
    approver: Actor;
    clerkPd: Actor;
    reviewerPd: Actor;
    approverPd: Actor;
    city: Actor;
    admin: Actor;
    system: Actor;
  };
}

let seq = 0;

/**
 * h1: bachelor, steady contributions 2019-01..2026-06 (determinations are final).
 * h2: contributions until 2026-09: a determination on acceptance in 2026-09 needs
 *     wage figures not published yet (provisional, docs/spec/rules.md §7).
 */
export async function seedWorld(db: Kysely<Database>, p: string): Promise<World> {
  const units = { a: `${p}-unit-a`, b: `${p}-unit-b`, pd: `${p}-unit-pd`, barred: `${p}-unit-x` };
  // Valid codes (GB 32100-2015 check character), distinct per world prefix: 5 characters hashed from `p`.
  const tag = [...createHash('sha256').update(p).digest()]
    .slice(0, 5)
    .map((b) => CREDIT_CODE_ALPHABET[b % 31]);
  const code = (n: number) => withCreditCodeCheck(`91310000${tag.join('')}${String(n).padStart(4, '0')}`);
  await seedUnitRow(db, { id: units.a, name: '甲公司', creditCode: code(1), district: '闵行' });
  await seedUnitRow(db, { id: units.b, name: '乙公司', creditCode: code(2), district: '闵行' });
  await seedUnitRow(db, { id: units.pd, name: '丙公司', creditCode: code(3), district: '浦东新区' });
  await seedUnitRow(db, {
    id: units.barred,
    name: '丁公司',
    creditCode: code(4),
    district: '闵行',
    barredUntil: '2027-12-31',
  });
  const permit = { issuedOn: '2024-01-02', validUntil: '2027-01-01', endorsedUntil: '2026-06-30' };
  const holders = {
    h1: `${p}-h1`,
    h2: `${p}-h2`,
    h3: `${p}-h3`,
    h4: `${p}-h4`,
    pdHolder: `${p}-hpd`,
    barredHolder: `${p}-hx`,
  };
  const specs: [string, HolderSpec, string][] = [
    [
      holders.h1,
      {
        id: holders.h1,
        birthDate: '1990-05-01',
        permit,
        months: { from: '2019-01', to: '2026-06' },
        education: 'bachelor',
      } as HolderSpec,
      code(1),
    ],
    [
      holders.h2,
      {
        id: holders.h2,
        birthDate: '1988-03-15',
        permit: { ...permit, endorsedUntil: '2026-12-31' },
        months: { from: '2019-01', to: '2026-09' },
        education: 'master',
      } as HolderSpec,
      code(1),
    ],
    [
      holders.h3,
      {
        id: holders.h3,
        birthDate: '1992-07-20',
        permit,
        months: { from: '2020-01', to: '2026-06' },
        education: 'bachelor',
      } as HolderSpec,
      code(2),
    ],
    [
      holders.h4,
      {
        id: holders.h4,
        birthDate: '1991-01-10',
        permit,
        months: { from: '2020-01', to: '2026-06' },
      } as HolderSpec,
      code(1),
    ],
    [
      holders.pdHolder,
      {
        id: holders.pdHolder,
        birthDate: '1989-11-11',
        permit,
        months: { from: '2019-01', to: '2026-06' },
        education: 'bachelor',
      } as HolderSpec,
      code(3),
    ],
    [
      holders.barredHolder,
      {
        id: holders.barredHolder,
        birthDate: '1993-02-02',
        permit,
        months: { from: '2020-01', to: '2026-06' },
      } as HolderSpec,
      code(4),
    ],
  ];
  for (const [, spec, credit] of specs) {
    spec.months = { ...spec.months, baseCny: 15000 };
    await seedHolderRow(db, spec, ++seq, credit);
  }
  const d = '闵行';
  const pd = '浦东新区';
  return {
    units,
    holders,
    actors: {
      hrA: { id: `${p}-hr-a`, role: 'employer_hr', unitId: units.a },
      hrB: { id: `${p}-hr-b`, role: 'employer_hr', unitId: units.b },
      hrPd: { id: `${p}-hr-pd`, role: 'employer_hr', unitId: units.pd },
      hrBarred: { id: `${p}-hr-x`, role: 'employer_hr', unitId: units.barred },
      holder1: { id: holders.h1, role: 'holder' },
      holder2: { id: holders.h2, role: 'holder' },
      clerk: { id: `${p}-clerk-mh`, role: 'acceptance_clerk', district: d },
      reviewer: { id: `${p}-reviewer-mh`, role: 'district_reviewer', district: d },
      approver: { id: `${p}-approver-mh`, role: 'district_approver', district: d },
      clerkPd: { id: `${p}-clerk-pd`, role: 'acceptance_clerk', district: pd },
      reviewerPd: { id: `${p}-reviewer-pd`, role: 'district_reviewer', district: pd },
      approverPd: { id: `${p}-approver-pd`, role: 'district_approver', district: pd },
      city: { id: `${p}-city`, role: 'city_supervisor' },
      admin: { id: `${p}-admin`, role: 'admin' },
      system: { id: 'system:sweep', role: 'system' },
    },
  };
}

/** ISO instant for a Shanghai calendar day (10:00 local). */
export const at = (day: string): { now: string; today: string } => ({
  now: `${day}T02:00:00.000Z`,
  today: day,
});
