/**
 * Case search latency (issue 15): p50/p95 of each kind of search in a
 * district's room on PostgreSQL, on a synthetic population written straight
 * into a throw-away database. Development size by default; the city-scale goal
 * (p95 < 50 ms at 1 000 000 holders / 300 000 cases) is the same command with
 * SEARCH_HOLDERS=1000000 SEARCH_CASES=300000.
 *
 *   npm run bench:search            (SEARCH_HOLDERS=20000 SEARCH_CASES=6000 SEARCH_RUNS=300)
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DISTRICTS } from '../src/shared/vocabulary.js';
import { DISTRICT_CODES, formatApplicationNo } from '../src/storage/applicationNumbers.js';
import { classifySearch, searchCases } from '../src/storage/caseSearch.js';
import { idNumberCheckChar } from '../src/storage/imports/fields.js';
import { createTestDatabase } from '../src/storage/testing/createTestDatabase.js';

const HOLDERS = Number(process.env.SEARCH_HOLDERS ?? 20_000);
const CASES = Number(process.env.SEARCH_CASES ?? 6_000);
const RUNS = Number(process.env.SEARCH_RUNS ?? 300);
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅' +
  '志文宇浩婷雪晨欣怡子涵梓轩一诺佳琪思远博睿嘉豪俊杰晓东海波春燕金凤立新永红';

let seed = 2026;
// The high bits of the generator: its low bits repeat with a short period, which once made a
// million names out of a few hundred (79 holders per exact name in one district).
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n);
};

async function main() {
  const t = await createTestDatabase('postgres');
  const db = t.db;
  const now = '2025-06-01T01:00:00.000Z';
  const t0 = performance.now();
  const units = Array.from({ length: Math.max(16, Math.floor(HOLDERS / 50)) }, (_, i) => ({
    id: `u${i}`,
    name: `${DISTRICTS[i % 16]}第${i}号示范企业`,
    creditCode: `91310000${String(i).padStart(10, '0')}`,
    district: DISTRICTS[i % 16]!,
    kind: 'enterprise' as const,
    registrationStatus: 'verified' as const,
    registeredAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < units.length; i += 500)
    await db
      .insertInto('units')
      .values(units.slice(i, i + 500))
      .execute();
  const holders: {
    id: string;
    idNumber: string;
    idNumberMasked: string;
    name: string;
    phone: string;
    phoneMasked: string;
    birthDate: string;
    createdAt: string;
    updatedAt: string;
  }[] = [];
  for (let i = 0; i < HOLDERS; i++) {
    // Unique, checksum-valid synthetic numbers (region 31xxxx from i, born 1990-01-01, serial from i).
    const first17 = `31${String(Math.floor(i / 1000) % 10_000).padStart(4, '0')}19900101${String(i % 1000).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const phone = `139${String(i).padStart(8, '0')}`;
    holders.push({
      id: `h${i}`,
      idNumber,
      idNumberMasked: `${idNumber.slice(0, 4)}********${idNumber.slice(-4)}`,
      name: `${SURNAMES[rand(SURNAMES.length)]}${GIVEN[rand(GIVEN.length)]}${GIVEN[rand(GIVEN.length)]}`,
      phone,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      birthDate: '1990-01-01',
      createdAt: now,
      updatedAt: now,
    });
  }
  for (let i = 0; i < holders.length; i += 1000)
    await db
      .insertInto('holders')
      .values(holders.slice(i, i + 1000))
      .execute();
  const seq = new Map<string, number>();
  const cases: {
    id: string;
    holderId: string;
    unitId: string;
    district: (typeof DISTRICTS)[number];
    state: 'submitted';
    version: number;
    holderRole: 'acceptance_clerk';
    createdBy: string;
    createdAt: string;
    updatedAt: string;
    snapshot: string;
    applicationNo: string;
  }[] = [];
  for (let i = 0; i < CASES; i++) {
    const unit = units[rand(units.length)]!;
    const n = (seq.get(unit.district) ?? 0) + 1;
    seq.set(unit.district, n);
    cases.push({
      id: `c${i}`,
      holderId: `h${(i * 7) % HOLDERS}`,
      unitId: unit.id,
      district: unit.district,
      state: 'submitted' as const,
      version: 1,
      holderRole: 'acceptance_clerk' as const,
      createdBy: 'bench',
      createdAt: new Date(Date.parse(now) + i * 1000).toISOString(),
      updatedAt: now,
      snapshot: '{}',
      applicationNo: formatApplicationNo(DISTRICT_CODES[unit.district], 2025, n),
    });
  }
  for (let i = 0; i < cases.length; i += 1000)
    await db
      .insertInto('cases')
      .values(cases.slice(i, i + 1000))
      .execute();
  await sql`analyze`.execute(db);
  console.log(
    `population: ${HOLDERS} holders, ${units.length} units, ${CASES} cases (${((performance.now() - t0) / 1000).toFixed(1)} s to load)`,
  );

  const pick = () => {
    const c = cases[rand(cases.length)]!;
    const h = holders[Number(c.holderId.slice(1))]!;
    const u = units[Number(c.unitId.slice(1))]!;
    return { c, h, u };
  };
  const kinds: Record<string, () => { district: (typeof DISTRICTS)[number]; q: string }> = {
    application_no: () => {
      const { c } = pick();
      return { district: c.district, q: c.applicationNo };
    },
    id_number: () => {
      const { c, h } = pick();
      return { district: c.district, q: h.idNumber };
    },
    phone: () => {
      const { c, h } = pick();
      return { district: c.district, q: h.phone };
    },
    name_exact: () => {
      const { c, h } = pick();
      return { district: c.district, q: h.name };
    },
    name_prefix: () => {
      const { c, h } = pick();
      return { district: c.district, q: h.name.slice(0, 2) };
    },
    unit_prefix: () => {
      const { c, u } = pick();
      return { district: c.district, q: u.name.slice(0, 6) };
    },
    credit_code: () => {
      const { c, u } = pick();
      return { district: c.district, q: u.creditCode };
    },
  };
  console.log('kind            runs   p50 ms   p95 ms   max ms   mean hits');
  for (const [kind, make] of Object.entries(kinds)) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const { district, q } = make();
      const expected = kind.startsWith('name') || kind === 'unit_prefix' ? 'name' : kind;
      if (i === 0 && classifySearch(q).kind !== expected)
        throw new Error(`${kind}: classified as ${classifySearch(q).kind}`);
      const s = performance.now();
      const page = await searchCases(db, { room: { kind: 'district', district }, q, limit: 20, offset: 0 });
      times.push(performance.now() - s);
      hits += page.total;
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(2);
    console.log(
      `${kind.padEnd(15)} ${String(RUNS).padStart(4)} ${p(0.5).padStart(8)} ${p(0.95).padStart(8)} ${times[times.length - 1]!.toFixed(2).padStart(8)} ${(hits / RUNS).toFixed(1).padStart(10)}`,
    );
  }
  await t.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
