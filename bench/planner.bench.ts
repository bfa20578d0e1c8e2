/**
 * `npm run bench:planner` — planner latency and policy-impact throughput, measured
 * (issue #3 goals: a 10-year plan < 20 ms; impact over 1 000 000 profiles < 30 s on one
 * core). Prints the figures docs/benchmarks.md quotes.
 *
 *   BENCH_PLANS=2000 BENCH_IMPACT_PROFILES=1000000 npm run bench:planner
 *
 * The impact run is measured in a child process (this file with `--impact-child`), so that
 * its peak memory (process.resourceUsage().maxRSS) is its own; the CLI is timed end to end too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reformRuleSet } from '../src/impact/reformRuleSet.js';
import { runImpact } from '../src/impact/runImpact.js';
import { score } from '../src/engine/score.js';
import { plan } from '../src/planner/plan.js';
import { validateProfile } from '../src/profile/validateProfile.js';
import { indexToFirstOfMonth, monthIndexOf } from '../src/shared/dates.js';
import { synthHolder } from '../src/synth/synthProfile.js';
import { JIFEN } from '../test/cliRunner.js';
import { composePolicy } from '../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

const REFORM =
  'name: 基准测试：标准分值110、年龄分上限25\nfrom: 2025-01-01\nparameters:\n  standard: 110\n  age: { max: 25 }\n';

if (process.argv[2] === '--impact-child') {
  // Child mode: one impact run over the file, then its own time and peak memory as JSON.
  const [file, reformFile] = process.argv.slice(3) as [string, string];
  const rules = policy.rules;
  const { reform, rules: after } = reformRuleSet(
    (await import('node:fs')).readFileSync(reformFile, 'utf8'),
    rules,
  );
  const start = performance.now();
  const report = await runImpact({
    input: createReadStream(file, { highWaterMark: 1 << 20 }),
    reform,
    before: rules,
    after,
  });
  const secs = (performance.now() - start) / 1000;
  process.stdout.write(
    JSON.stringify({
      secs,
      profiles: report.population.profiles,
      maxRssKb: process.resourceUsage().maxRSS,
      crossedUp: report.crossedUp,
    }),
  );
  process.exit(0);
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const line = (label: string, value: string, goal?: string, ok?: boolean) =>
  console.log(
    `${label.padEnd(58)} ${value.padStart(16)}${goal ? `   goal ${goal}${ok === undefined ? '' : ok ? ' ✓' : ' ✗'}` : ''}`,
  );
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

const PLANS = Number(process.env.BENCH_PLANS ?? 2000);
const N = Number(process.env.BENCH_IMPACT_PROFILES ?? 1_000_000);
console.log(
  `jifen planner & impact benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores)`,
);

// 1. Plan latency: synthetic holders (default mix), 10-year horizon, one plan at a time.
for (const [label, longCareers] of [
  ['synth holders', false],
  ['synth holders, long careers', true],
] as const) {
  const profiles = Array.from({ length: PLANS }, (_, i) =>
    validateProfile(JSON.parse(JSON.stringify(synthHolder(i, { seed: 2026, longCareers }).profile))),
  );
  for (const p of profiles.slice(0, 200)) plan(p, {}, policy); // warm up
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let options = 0;
  let qualified = 0;
  let never = 0;
  for (const p of profiles) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = plan(p, { horizonMonths: 120 }, policy);
    const used = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpuMs.push((used.user + used.system) / 1000);
    options += r.options.length;
    if (r.current.qualified) qualified++;
    if (!r.baseline.reachesStandardOn) never++;
  }
  ms.sort((a, b) => a - b);
  cpuMs.sort((a, b) => a - b);
  line(
    `plan, 120 months, ${label}: median (wall)`,
    `${fmt(quantile(ms, 0.5), 2)} ms`,
    '< 20 ms',
    quantile(ms, 0.5) < 20,
  );
  line(
    `plan, 120 months, ${label}: p99 (wall)`,
    `${fmt(quantile(ms, 0.99), 2)} ms`,
    '< 20 ms',
    quantile(ms, 0.99) < 20,
  );
  // CPU time of this thread's process: what the plan costs on one core, less inflated when the machine is shared.
  line(`  median / p99 CPU time`, `${fmt(quantile(cpuMs, 0.5), 2)} / ${fmt(quantile(cpuMs, 0.99), 2)} ms`);
  line(
    `  max / mean`,
    `${fmt(ms[ms.length - 1]!, 1)} / ${fmt(ms.reduce((s, x) => s + x, 0) / ms.length, 2)} ms`,
  );
  line(
    `  ${PLANS} plans: qualified now / not within 10 years / options per plan`,
    `${qualified} / ${never} / ${fmt(options / PLANS, 1)}`,
  );
  // For scale: a plan is a number of lean engine calls (121 for the baseline, up to ~120 per option scanned).
  const t = performance.now();
  let calls = 0;
  for (const p of profiles)
    for (let k = 1; k <= 20; k++, calls++)
      score(
        { ...p, asOf: indexToFirstOfMonth(monthIndexOf(p.asOf) + k * 6) },
        { explain: false, assumeRulesContinue: true },
        policy.rules,
      );
  line(
    '  lean engine call on the same profiles (for scale)',
    `${fmt(((performance.now() - t) / calls) * 1000, 1)} µs`,
  );
}

// 2. Impact over N synthetic profiles.
const dir = mkdtempSync(join(tmpdir(), 'jifen-bench-impact-'));
const file = join(dir, 'population.jsonl');
const reformFile = join(dir, 'reform.yaml');
writeFileSync(reformFile, REFORM);
try {
  let t = performance.now();
  const synth = spawnSync(JIFEN, ['synth', '--count', String(N), '--seed', '2026', '--out', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (synth.status !== 0) throw new Error(`synth failed: ${synth.stderr}`);
  line(`jifen synth --count ${N} (process start included)`, `${fmt((performance.now() - t) / 1000, 1)} s`);
  line('  population file size', `${fmt(statSync(file).size / 1e6, 0)} MB`);

  const child = spawnSync(
    process.execPath,
    [
      '--max-semi-space-size=32',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--impact-child',
      file,
      reformFile,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`impact child failed: ${child.stderr}`);
  const res = JSON.parse(child.stdout) as {
    secs: number;
    profiles: number;
    maxRssKb: number;
    crossedUp: number;
  };
  line(
    `impact over ${fmt(res.profiles)} profiles (runImpact, 1 core)`,
    `${fmt(res.secs, 1)} s`,
    '< 30 s',
    res.secs < 30,
  );
  line('  throughput', `${fmt(res.profiles / res.secs)} profiles/s`);
  line('  peak memory of that process (maxRSS)', `${fmt(res.maxRssKb / 1024, 0)} MB`);

  t = performance.now();
  const cli = spawnSync(JIFEN, ['impact', '--population', file, '--reform', reformFile, '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 24,
  });
  if (cli.status !== 0) throw new Error(`jifen impact failed: ${cli.stderr}`);
  const secs = (performance.now() - t) / 1000;
  line(`jifen impact --population (${fmt(N)} lines, end to end)`, `${fmt(secs, 1)} s`, '< 30 s', secs < 30);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
