/**
 * `npm run bench:scale` — the city-scale evidence of issue #8, on PostgreSQL:
 *
 *  0. seeds a dedicated database (recreated) with a synthetic city (seedCity.ts);
 *  1. the mixed workload over HTTP against one server instance;
 *  2. the same against two instances (child processes, one PostgreSQL), load split;
 *  3. the sweep over all open cases: the next day's run, then a catch-up run four
 *     weeks later (what a sweep does after an outage or a long holiday);
 *  4. policy impact over the whole population (the seed's JSONL, `jifen impact`).
 *
 *   npm run bench:scale                                   # 1 000 000 holders, 300 000 cases
 *   npm run bench:scale -- --holders 20000 --cases 6000   # development size
 *   npm run bench:scale -- --quick                        # smoke: 5 000 / 1 500, 5 s loads
 *   npm run bench:scale -- --reuse                        # skip seeding (the database must exist)
 *
 * Flags (or env SCALE_<NAME>): --holders, --cases, --months (insurance months per holder, 24),
 * --holder-users (20 000), --seconds (per load run, 30), --connections (virtual users, 32),
 * --database (jifen_scale), --seed (2026). PostgreSQL admin URL: JIFEN_TEST_PG_URL or the local default.
 * --one-only: the one-instance load only (no two instances, sweep or impact), for before/after runs.
 * --cpu-prof DIR: each server instance runs under `node --cpu-prof` and writes its .cpuprofile to DIR
 * (summarise with `npx tsx bench/scale/cpuProfileTop.ts DIR/*.cpuprofile`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sampleCpu, cpuPerRequest } from './cpuAccount.js';
import { z } from 'zod';
import { sweep } from '../../src/cases/commands/sweep.js';
import { addDays } from '../../src/shared/dates.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { DISTRICTS } from '../../src/storage/schema.js';
import { WORLD_TODAY } from './caseTemplates.js';
import { runWorkload, type WorkloadPools, type WorkloadReport } from './mixedWorkload.js';
import { seedCity } from './seedCity.js';
import { composePolicy } from '../../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const flags = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (!a.startsWith('--')) continue;
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
  else flags.set(a.slice(2), argv[++i]!);
}
const quick = flags.get('quick') === 'true';
const opt = (name: string, def: number | string) =>
  flags.get(name) ?? process.env[`SCALE_${name.toUpperCase().replaceAll('-', '_')}`] ?? String(def);
const int = z.coerce.number().int().min(1);
const options = z
  .object({
    holders: int,
    cases: int,
    months: int.max(240),
    holderUsers: int,
    seconds: int.max(3600),
    connections: int.max(1024),
    database: z.string().regex(/^[a-z_][a-z0-9_]{0,50}$/),
    seed: int,
    reuse: z.boolean(),
  })
  .refine((o) => o.cases <= o.holders, { message: '--cases must not exceed --holders' })
  .parse({
    holders: opt('holders', quick ? 5000 : 1_000_000),
    cases: opt('cases', quick ? 1500 : 300_000),
    months: opt('months', 24),
    holderUsers: opt('holder-users', quick ? 500 : 20_000),
    seconds: opt('seconds', quick ? 5 : 30),
    connections: opt('connections', 32),
    database: opt('database', 'jifen_scale'),
    seed: opt('seed', 2026),
    reuse: flags.get('reuse') === 'true',
  });
const oneOnly = flags.get('one-only') === 'true';
const cpuProfDir = flags.get('cpu-prof');
const ADMIN = process.env.JIFEN_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const log = (s: string) => console.log(s);
const summary: [string, string, string][] = [];

const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
const pgVersion = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!
  .server_version;
await admin.end();
log(
  `jifen city-scale benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ` +
    `${fmt(totalmem() / 2 ** 30, 1)} GiB, PostgreSQL ${pgVersion}`,
);
log(
  `sizes: ${fmt(options.holders)} holders, ${fmt(options.cases)} cases, ${options.months} insurance months each; load ${options.seconds} s × ${options.connections} virtual users`,
);

// 0. Seed.
const dir = mkdtempSync(join(tmpdir(), 'jifen-scale-'));
const populationFile = join(dir, 'population.jsonl');
const dbUrl = (() => {
  const u = new URL(ADMIN);
  u.pathname = `/${options.database}`;
  return u.toString();
})();
if (!options.reuse) {
  log('\n[0] seeding');
  const r = await seedCity({
    adminUrl: ADMIN,
    database: options.database,
    holders: options.holders,
    cases: options.cases,
    months: options.months,
    holderUsers: options.holderUsers,
    seed: options.seed,
    populationFile,
    log,
  });
  log(
    `  rows: ${Object.entries(r.rows)
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(', ')}`,
  );
  summary.push([
    'seed (templates, holders, registry, cases, audit, vacuum analyze)',
    `${fmt(r.seconds, 0)} s`,
    'aim ~10 min',
  ]);
} else if (!oneOnly) {
  log('\n[0] reusing the seeded database; writing the population file for the impact run');
  spawnSync(
    join(ROOT, 'bin/jifen'),
    [
      'synth',
      '--count',
      String(options.holders),
      '--seed',
      String(options.seed),
      '--as-of',
      WORLD_TODAY,
      '--out',
      populationFile,
    ],
    { stdio: 'inherit' },
  );
}

const handle = openDatabase({ dialect: 'postgres', url: dbUrl, poolMax: 10 });
const sizes = await handle.db
  .selectFrom('cases')
  .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('state')
  .execute();
log(`  cases by state: ${sizes.map((s) => `${s.state} ${fmt(Number(s.n))}`).join(', ')}`);

async function pools(): Promise<WorkloadPools> {
  const byState = async (state: 'submitted' | 'verified') =>
    (
      await handle.db
        .selectFrom('cases')
        .select(['id', 'version', 'district'])
        .where('state', '=', state)
        .execute()
    )
      .map((c) => ({ caseId: c.id, version: c.version, district: DISTRICTS.indexOf(c.district) }))
      .sort(() => Math.random() - 0.5);
  const last = await handle.db
    .selectFrom('cases')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return {
    holderUsers: Math.min(options.holderUsers, options.cases),
    nextFree: Math.max(options.cases, Number(String(last?.id ?? 'c0').slice(1)) + 1),
    holders: options.holders,
    seed: options.seed,
    submitted: await byState('submitted'),
    verified: await byState('verified'),
  };
}

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=32',
      ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []),
      '--import',
      'tsx',
      'bench/scale/scaleServer.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        PORT: '0',
        JIFEN_DB_POOL_MAX: process.env.SCALE_POOL_MAX ?? '10',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}
const stopServer = (s: { child: ChildProcess }) =>
  new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });

function printWorkload(title: string, r: WorkloadReport) {
  log(
    `  ${title}: ${fmt(r.requests)} requests in ${fmt(r.seconds, 1)} s = ${fmt(r.perSecond)} req/s; all: p50 ${fmt(r.all.p50, 1)} / p95 ${fmt(r.all.p95, 1)} / p99 ${fmt(r.all.p99, 1)} ms`,
  );
  log(
    `    ${'operation'.padEnd(24)} ${'req/s'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}  statuses`,
  );
  for (const o of r.ops)
    log(
      `    ${o.name.padEnd(24)} ${fmt(o.perSecond).padStart(8)} ${fmt(o.p50, 1).padStart(8)} ${fmt(o.p95, 1).padStart(8)} ${fmt(o.p99, 1).padStart(8)}  ${o.statuses}`,
    );
}

/**
 * CPU per request by part, and what it means where the parts have cores of their own: a Node
 * instance runs its JavaScript on one core, so one instance serves at most 1 000 ÷ (its ms per
 * request) req/s; PostgreSQL uses every core it is given.
 */
function printCpu(c: ReturnType<typeof cpuPerRequest>, instances: number) {
  log(
    `    CPU per request: server${instances > 1 ? 's' : ''} ${fmt(c.servers, 2)} ms, PostgreSQL ${fmt(c.postgres, 2)} ms, ` +
      `load generator ${fmt(c.client, 2)} ms; ${fmt(c.coresBusy, 2)} of ${cpus().length} cores busy`,
  );
  log(
    `    on separate cores: one instance's core ≈ ${fmt(1000 / c.servers)} req/s; each PostgreSQL core ≈ ${fmt(1000 / c.postgres)} req/s`,
  );
}

// 1–2. The mixed workload, one instance then two.
const p = await pools();
log(
  `\n[1] mixed workload, one instance (${fmt(p.submitted.length)} submitted and ${fmt(p.verified.length)} verified cases to act on)`,
);
let servers = [await startServer()];
await runWorkload({
  urls: servers.map((s) => s.url),
  connections: options.connections,
  seconds: Math.min(5, options.seconds),
  pools: p,
  label: 'warm',
});
const cpu0 = sampleCpu(servers.map((s) => s.child.pid!));
const one = await runWorkload({
  urls: servers.map((s) => s.url),
  connections: options.connections,
  seconds: options.seconds,
  pools: p,
  label: 'one',
});
const cpuOne = cpuPerRequest(cpu0, sampleCpu(servers.map((s) => s.child.pid!)), one.requests);
printWorkload('one instance', one);
printCpu(cpuOne, 1);
await Promise.all(servers.map(stopServer));
if (oneOnly) {
  await handle.close();
  process.exit(0);
}
log('\n[2] mixed workload, two instances on one PostgreSQL (virtual users alternate between them)');
servers = [await startServer(), await startServer()];
await runWorkload({
  urls: servers.map((s) => s.url),
  connections: options.connections,
  seconds: Math.min(5, options.seconds),
  pools: p,
  label: 'warm2',
});
const cpu2 = sampleCpu(servers.map((s) => s.child.pid!));
const two = await runWorkload({
  urls: servers.map((s) => s.url),
  connections: options.connections,
  seconds: options.seconds,
  pools: p,
  label: 'two',
});
const cpuTwo = cpuPerRequest(cpu2, sampleCpu(servers.map((s) => s.child.pid!)), two.requests);
printWorkload('two instances', two);
printCpu(cpuTwo, 2);
await Promise.all(servers.map(stopServer));
const goal = (r: WorkloadReport) => r.perSecond >= 1000 && r.all.p95 < 100;
summary.push([
  `mixed workload, 1 instance (${options.connections} VUs)`,
  `${fmt(one.perSecond)} req/s, p95 ${fmt(one.all.p95, 1)} ms`,
  `≥ 1 000 req/s at p95 < 100 ms ${goal(one) ? '✓' : '✗'}`,
]);
summary.push([
  `mixed workload, 2 instances (${options.connections} VUs)`,
  `${fmt(two.perSecond)} req/s, p95 ${fmt(two.all.p95, 1)} ms`,
  `more than one ${two.perSecond > one.perSecond ? '✓' : '✗'} (${fmt(two.perSecond / one.perSecond, 2)}×)`,
]);

// 3. The sweep over all open cases.
const open = await handle.db
  .selectFrom('cases')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('nextSweepOn', 'is not', null)
  .executeTakeFirstOrThrow();
for (const [label, day] of [
  ['daily sweep (next working days)', addDays(WORLD_TODAY, 2)],
  ['catch-up sweep (four weeks unswept)', addDays(WORLD_TODAY, 29)],
] as const) {
  const due = await handle.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nextSweepOn', '<=', day)
    .executeTakeFirstOrThrow();
  log(`\n[3] ${label} on ${day}: ${fmt(Number(open.n))} open cases, ${fmt(Number(due.n))} with a date due`);
  const r = await sweep(handle.db, { now: `${day}T01:00:00.000Z`, today: day, deps: policy });
  const raised = Object.values(r.reminders).reduce((a, x) => a + (x ?? 0), 0);
  const done = raised + r.expired + r.invalidated + r.confirmed;
  log(
    `  ${fmt(r.ms / 1000, 1)} s: scanned ${fmt(r.scanned)}, reminders ${JSON.stringify(r.reminders)}, expired ${r.expired}, invalidated ${r.invalidated}, confirmed ${r.confirmed}, skipped ${r.skipped}, failed ${r.failed.length} (${fmt(done / Math.max(0.001, r.ms / 1000))} commands/s)`,
  );
  summary.push([
    `${label}: ${fmt(Number(open.n))} open, ${fmt(Number(due.n))} due`,
    `${fmt(r.ms / 1000, 1)} s (${fmt(done)} commands)`,
    label.startsWith('daily') ? `< 60 s ${r.ms < 60_000 ? '✓' : '✗'}` : '—',
  ]);
}
await handle.close();

// 4. Policy impact over the whole population.
const reform = join(dir, 'reform.yaml');
writeFileSync(
  reform,
  'name: 基准测试：标准分值110、年龄分上限25\nfrom: 2025-01-01\nparameters:\n  standard: 110\n  age: { max: 25 }\n',
);
log(`\n[4] policy impact over ${fmt(options.holders)} profiles (jifen impact, end to end)`);
const t = performance.now();
const impact = spawnSync(
  join(ROOT, 'bin/jifen'),
  ['impact', '--population', populationFile, '--reform', reform, '--format', 'json'],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const secs = (performance.now() - t) / 1000;
if (impact.status !== 0) log(`  failed: ${impact.stderr.slice(0, 500)}`);
else log(`  ${fmt(secs, 1)} s = ${fmt(options.holders / secs)} profiles/s`);
summary.push([
  `policy impact, ${fmt(options.holders)} profiles`,
  `${fmt(secs, 1)} s (${fmt(options.holders / secs)} profiles/s)`,
  impact.status === 0 ? '' : 'failed',
]);

log('\nsummary');
for (const [a, b, c] of summary) log(`  ${a.padEnd(64)} ${b.padStart(30)}   ${c}`);
