/**
 * `npm run bench:cases` — the case core's speed on SQLite and PostgreSQL (issue #4):
 *
 *  1. commands per second for a realistic mix (file → submit → accept → review →
 *     verify → determine, plus queries), sequential and with parallel officers;
 *  2. the sweep over BENCH_CASES open cases (1 % of them due that day);
 *  3. the district queue and the dashboard/statistics queries with BENCH_HOLDERS
 *     holders and BENCH_CASES cases (goal: p95 < 50 ms on PostgreSQL).
 *
 * Bulk data is written with multi-row inserts in large transactions. Bounded:
 * each phase stops at its size or time limit and says so.
 *
 *   BENCH_HOLDERS=1000000 BENCH_CASES=300000 BENCH_ENGINES=sqlite,postgres npm run bench:cases
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import {
  acceptApplication,
  createDraft,
  determinePoints,
  districtQueue,
  districtStatistics,
  getCaseView,
  recordTaskResult,
  startReview,
  submitApplication,
  sweep,
  verifyApplication,
} from '../src/cases/index.js';
import { nextSweepOn, columnsOf } from '../src/cases/executor/snapshotColumns.js';
import { seedHolderRow, seedUnitRow } from '../src/cases/testing/world.js';
import { loadWorkCalendar } from '../src/calendar/index.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { openDatabase } from '../src/storage/openDatabase.js';
import { countCasesByState } from '../src/storage/caseRepository.js';
import { specificsOf, type DialectName } from '../src/storage/dialectSpecifics.js';
import { DISTRICTS, type Database, type District } from '../src/storage/schema.js';
import { driveTo } from '../src/workflow/caseFixtures.js';
import type { Actor, CaseSnapshot, CaseState } from '../src/workflow/index.js';
import { sampleCreditCode } from '../src/shared/creditCode.js';
import { composePolicy } from '../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

const HOLDERS = Number(process.env.BENCH_HOLDERS ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 300_000);
const MIX_CASES = Number(process.env.BENCH_MIX_CASES ?? 150);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as DialectName[];
const PG_ADMIN = process.env.JIFEN_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SWEEP_DAY = '2025-11-03';

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const line = (label: string, value: string, note = '') =>
  console.log(`  ${label.padEnd(60)} ${value.padStart(14)}${note ? `   ${note}` : ''}`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const at = (day: string, i = 0) => ({
  now: `${day}T02:${String(i % 60).padStart(2, '0')}:00.000Z`,
  today: day,
});

async function openBenchDb(
  engine: DialectName,
): Promise<{ db: Kysely<Database>; close: () => Promise<void>; where: string }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-bench-'));
    const file = join(dir, 'bench.sqlite');
    const h = openDatabase({ dialect: 'sqlite', file, busyTimeoutMs: 30_000 });
    await migrateToLatest(h.db);
    return {
      db: h.db,
      where: file,
      close: async () => {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `jifen_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const h = openDatabase({ dialect: 'postgres', url: url.toString(), poolMax: 20 });
  await migrateToLatest(h.db);
  return {
    db: h.db,
    where: `database ${name}`,
    close: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** 1. The realistic mix through the real use cases. */
async function commandMix(db: Kysely<Database>, engine: DialectName) {
  const district: District = '闵行';
  await seedUnitRow(db, { id: 'mix-unit', name: '基准企业', creditCode: '91310000000000M1XX', district });
  const holders: string[] = [];
  for (let i = 0; i < MIX_CASES; i++) {
    const id = `mix-h${i}`;
    await seedHolderRow(
      db,
      {
        id,
        birthDate: '1990-05-01',
        permit: { issuedOn: '2024-01-02', validUntil: '2027-01-01', endorsedUntil: '2026-12-31' },
        months: { from: '2020-01', to: '2025-12', baseCny: 15000 },
        education: 'bachelor',
      },
      900_000 + i,
      '91310000000000M1XX',
    );
    holders.push(id);
  }
  const hr: Actor = { id: 'mix-hr', role: 'employer_hr', unitId: 'mix-unit' };
  const clerk: Actor = { id: 'mix-clerk', role: 'acceptance_clerk', district };
  const reviewer: Actor = { id: 'mix-reviewer', role: 'district_reviewer', district };
  const approver: Actor = { id: 'mix-approver', role: 'district_approver', district };
  let commands = 0;
  let queries = 0;
  const life = async (i: number) => {
    const caseId = `mix-c${i}`;
    let k = 0;
    const key = () => `${caseId}-${++k}`;
    const base = (actor: Actor, day: string) => ({ actor, caseId, idempotencyKey: key(), ...at(day, i) });
    await createDraft(
      db,
      {
        actor: hr,
        idempotencyKey: key(),
        ...at('2025-09-01', i),
        input: { holderId: holders[i]!, caseId, claims: [{ indicator: 'education' }] },
      },
      policy,
    );
    await submitApplication(db, { ...base(hr, '2025-09-02'), input: {} }, policy);
    const view = await getCaseView(db, { actor: clerk, caseId, today: '2025-09-03' }, policy);
    queries++;
    await acceptApplication(
      db,
      {
        ...base(clerk, '2025-09-03'),
        input: { received: view.materials.map((m) => m.code) },
      },
      policy,
    );
    await startReview(db, { ...base(reviewer, '2025-09-04'), input: {} }, policy);
    for (const taskId of ['archive', 'insurance', 'education'])
      await recordTaskResult(
        db,
        { ...base(reviewer, '2025-09-05'), input: { taskId, result: 'passed' } },
        policy,
      );
    await verifyApplication(db, { ...base(reviewer, '2025-09-05'), input: {} }, policy);
    await determinePoints(db, { ...base(approver, '2025-09-10'), input: {} }, policy);
    commands += 10;
  };
  const WARM = 4; // loads rules, catalogue and calendar, JIT-compiles: not measured
  for (let i = 0; i < WARM; i++) await life(i);
  commands = 0;
  const half = WARM + Math.floor((MIX_CASES - WARM) / 2);
  let t = performance.now();
  for (let i = WARM; i < half; i++) await life(i);
  const seqMs = performance.now() - t;
  const seqCommands = commands;
  line(
    `mix, sequential (${half - WARM} cases × 10 commands + views)`,
    `${fmt((seqCommands / seqMs) * 1000, 0)} cmd/s`,
    `${fmt(seqMs / seqCommands, 2)} ms/command`,
  );
  const workers = engine === 'postgres' ? 8 : 4;
  commands = 0;
  t = performance.now();
  let next = half;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < MIX_CASES) await life(next++);
    }),
  );
  const parMs = performance.now() - t;
  line(
    `mix, ${workers} officers in parallel (${MIX_CASES - half} cases)`,
    `${fmt((commands / parMs) * 1000, 0)} cmd/s`,
    `${fmt(parMs / commands, 2)} ms/command`,
  );
  // Issue 16: with no city-wide audit lock, parallel officers must add throughput (goal ≥ 2× on PostgreSQL).
  line(
    `parallel ÷ sequential (${workers} officers vs 1)`,
    `${fmt(commands / parMs / (seqCommands / seqMs), 2)}×`,
    engine === 'postgres' ? 'goal ≥ 2×' : '(SQLite has one writer)',
  );
  line('case views read during the mix', fmt(queries));
}

const STATE_MIX: [CaseState, number][] = [
  ['draft', 0.05],
  ['submitted', 0.15],
  ['supplement_required', 0.05],
  ['accepted', 0.05],
  ['under_review', 0.1],
  ['verified', 0.05],
  ['determined', 0.55],
];
const templates = new Map<CaseState, CaseSnapshot>(STATE_MIX.map(([s]) => [s, driveTo(s)]));

/** 2–3. Bulk seed: holders, units, permits and cases (snapshots projected like the executor does). */
async function bulkSeed(db: Kysely<Database>) {
  const s = specificsOf(db);
  const t0 = performance.now();
  const now = '2025-09-01T01:00:00.000Z';
  const calendar = loadWorkCalendar();
  const units: { id: string; district: District }[] = [];
  for (let d = 0; d < DISTRICTS.length; d++)
    for (let k = 0; k < 200; k++) units.push({ id: `bu-${d}-${k}`, district: DISTRICTS[d]! });
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < units.length; i += 500)
      await tx
        .insertInto('units')
        .values(
          units.slice(i, i + 500).map((u, j) => ({
            id: u.id,
            name: `单位${i + j}`,
            creditCode: sampleCreditCode(i + j),
            district: u.district,
            kind: 'enterprise',
            registrationStatus: 'verified',
            rejectionReason: null,
            taxStatus: 'paying',
            operatingStatus: 'normal',
            barredUntil: null,
            registeredAt: now,
            verifiedAt: now,
            verifiedBy: null,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute();
  });
  const HB = s.name === 'postgres' ? 2000 : 1000;
  for (let i = 0; i < HOLDERS; i += 50_000) {
    await db.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(HOLDERS, i + 50_000); j += HB) {
        const rows = [];
        for (let h = j; h < Math.min(HOLDERS, i + 50_000, j + HB); h++) {
          const idn =
            `31011219900101${String(h).padStart(4, '0').slice(-4)}${String(h).padStart(7, '0')}`.slice(0, 18);
          rows.push({
            id: `bh${h}`,
            idNumber: `X${h}`,
            idNumberMasked: `${idn.slice(0, 4)}********${idn.slice(-4)}`,
            name: `持证人${h}`,
            phone: null,
            phoneMasked: null,
            birthDate: '1990-01-01',
            createdAt: now,
            updatedAt: now,
          });
        }
        await tx.insertInto('holders').values(rows).execute();
      }
    });
  }
  const tHolders = performance.now() - t0;
  // Cases: one per holder for the first CASES holders, states by STATE_MIX, 1 % due on SWEEP_DAY.
  const t1 = performance.now();
  const CB = s.name === 'postgres' ? 500 : 300;
  let due = 0;
  for (let i = 0; i < CASES; i += 20_000) {
    await db.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(CASES, i + 20_000); j += CB) {
        const permits = [];
        const cases = [];
        for (let c = j; c < Math.min(CASES, i + 20_000, j + CB); c++) {
          let acc = 0;
          const r = ((c * 7919) % 1000) / 1000;
          const state = STATE_MIX.find(([, p]) => (acc += p) > r)?.[0] ?? 'determined';
          const unit = units[c % units.length]!;
          const snap = structuredClone(templates.get(state)!);
          const isDue = state === 'submitted' && c % 15 === 0; // ≈1 % of all cases
          const submittedOn = isDue
            ? calendar.addWorkdays('2025-10-17', 0)
            : `2025-${String(9 + (c % 3)).padStart(2, '0')}-${String((c % 27) + 1).padStart(2, '0')}`;
          Object.assign(snap, {
            caseId: `bc${c}`,
            holderId: `bh${c}`,
            unitId: unit.id,
            district: unit.district,
          });
          if (state === 'submitted') {
            snap.submittedOn = submittedOn;
            snap.deadlines = {
              ...snap.deadlines,
              acceptance_reminder: isDue ? SWEEP_DAY : calendar.addWorkdays('2025-11-20', c % 20),
              acceptance_stale: calendar.addWorkdays('2025-12-20', c % 20),
            };
            if (isDue) due++;
          }
          if (state === 'verified')
            snap.deadlines = { ...snap.deadlines, determination: calendar.addWorkdays('2025-11-10', c % 20) };
          snap.deadlines = {
            ...snap.deadlines,
            permit_expiry_reminder: '2026-11-30',
            permit_expiry: '2027-01-01',
          };
          snap.permit = { issuedOn: '2024-01-02', validUntil: '2026-12-31' };
          const cols = columnsOf(snap, null, {}, now);
          permits.push({
            id: `bp${c}`,
            holderId: `bh${c}`,
            permitNo: `BP${c}`,
            issuedOn: '2024-01-02',
            validUntil: '2027-01-01',
            endorsedUntil: '2026-12-31',
            status: 'active' as const,
            cancelledOn: null,
            createdAt: now,
            updatedAt: now,
          });
          cases.push({
            id: `bc${c}`,
            holderId: `bh${c}`,
            unitId: unit.id,
            district: unit.district,
            version: snap.version,
            createdBy: 'bench',
            createdAt: now,
            updatedAt: now,
            ...cols,
            submittedAt: snap.submittedOn ? `${snap.submittedOn}T02:00:00.000Z` : null,
            acceptedAt: snap.acceptedOn ? `${snap.acceptedOn}T02:00:00.000Z` : null,
            acceptanceWorkdays: snap.acceptedOn ? c % 15 : null,
            determinationWorkdays: state === 'determined' ? c % 25 : null,
            determinationOnTime: state === 'determined' ? (c % 25 <= 20 ? 1 : 0) : null,
            filedOn: snap.submittedOn,
            permitId: `bp${c}`,
            snapshot: s.json(snap),
            nextSweepOn: nextSweepOn(snap),
          });
        }
        await tx.insertInto('permits').values(permits).execute();
        await tx
          .insertInto('cases')
          .values(cases as never)
          .execute();
      }
    });
  }
  const tCases = performance.now() - t1;
  // Fresh statistics and visibility map (index-only scans), as autovacuum would have by now.
  await sql.raw(s.name === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
  const dueRow = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nextSweepOn', '<=', SWEEP_DAY)
    .executeTakeFirstOrThrow();
  due = Number(dueRow.n);
  line(
    `bulk seed: ${fmt(HOLDERS)} holders`,
    `${fmt(tHolders / 1000, 1)} s`,
    `${fmt(HOLDERS / (tHolders / 1000))} rows/s`,
  );
  line(
    `bulk seed: ${fmt(CASES)} cases (+permits, snapshots)`,
    `${fmt(tCases / 1000, 1)} s`,
    `${fmt(CASES / (tCases / 1000))} rows/s`,
  );
  return { due };
}

async function timeQueries(db: Kysely<Database>) {
  const officer = (d: District): Actor => ({ id: `q-${d}`, role: 'acceptance_clerk', district: d });
  const approver = (d: District): Actor => ({ id: `qa-${d}`, role: 'district_approver', district: d });
  const runs = 200;
  const measure = async (label: string, f: (d: District) => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await f(DISTRICTS[i % 16]!); // warm-up
    const ts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f(DISTRICTS[(i * 7) % 16]!);
      ts.push(performance.now() - t);
    }
    line(
      label,
      `p95 ${fmt(pct(ts, 95), 1)} ms`,
      `p50 ${fmt(pct(ts, 50), 1)} ms, max ${fmt(Math.max(...ts), 1)} ms (${runs} runs)${pct(ts, 95) < 50 ? ' ✓ <50ms' : ' ✗ ≥50ms'}`,
    );
  };
  await measure('district queue (等待受理, oldest first, 50 rows)', (d) =>
    districtQueue(db, { actor: officer(d), district: d, today: SWEEP_DAY, limit: 50 }, policy),
  );
  await measure('district queue, ordered by urgency note', (d) =>
    districtQueue(
      db,
      { actor: officer(d), district: d, today: SWEEP_DAY, limit: 50, orderBy: 'urgency' },
      policy,
    ),
  );
  await measure('dashboard: cases by state (one district)', (d) => countCasesByState(db, { district: d }));
  await measure('district statistics (medians, deadlines met, notices)', (d) =>
    districtStatistics(db, { actor: approver(d), district: d, today: SWEEP_DAY }, policy),
  );
}

console.log(
  `jifen case-core benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`,
);
console.log(
  `sizes: ${fmt(HOLDERS)} holders, ${fmt(CASES)} open cases, mix ${MIX_CASES} cases; engines ${ENGINES.join(', ')}`,
);
for (const engine of ENGINES) {
  console.log(`\n[${engine}]`);
  const b = await openBenchDb(engine);
  try {
    if (!process.env.BENCH_SKIP_MIX) await commandMix(b.db, engine);
    const { due } = await bulkSeed(b.db);
    await timeQueries(b.db);
    const r = await sweep(b.db, { ...at(SWEEP_DAY), deps: policy });
    const raised = Object.values(r.reminders).reduce((a, x) => a + (x ?? 0), 0);
    line(
      `sweep over ${fmt(CASES)} open cases (${fmt(due)} due)`,
      `${fmt(r.ms / 1000, 2)} s`,
      `${raised} reminders raised, ${r.skipped} skipped, ${r.failed.length} failed; ${fmt(raised / (r.ms / 1000), 0)} reminders/s`,
    );
    const again = await sweep(b.db, { ...at(SWEEP_DAY), deps: policy });
    line(
      'sweep again, same day (nothing due: index scan only)',
      `${fmt(again.ms, 0)} ms`,
      `${Object.values(again.reminders).reduce((a, x) => a + (x ?? 0), 0)} reminders`,
    );
  } finally {
    await b.close();
  }
}
