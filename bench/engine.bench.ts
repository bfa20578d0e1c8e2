/**
 * `npm run bench` — the engine's speed, measured (DEVELOPERS.md: measure, don't guess).
 * Prints figures and their ratio to the goals of issue #2. Bounded in time.
 *
 *   BENCH_PROFILES=100000 npm run bench
 *   BENCH_PROFILES=20000 npm run bench -- --only batch
 *
 * `--only batch` runs the CLI part alone (issue 13): the engine throughput loops of section 2
 * (they also warm the engine for the in-process reference, as in a full run), the compiled CLI's
 * start-up (3a, without the slow tsx "before" figure), the in-process reference (3b) and the
 * `score --batch` runs (3). It skips the single-profile latency (section 1).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { score } from '../src/engine/score.js';
import { parseProfileJson, validateProfile } from '../src/profile/validateProfile.js';
import type { Profile } from '../src/profile/profileSchema.js';
import { synthPopulation } from '../src/synth/synthProfile.js';
import { JIFEN, REPO } from '../test/cliRunner.js';
import { composePolicy } from '../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

const N = Number(process.env.BENCH_PROFILES ?? 100_000);
const { only } = parseArgs({ options: { only: { type: 'string' } } }).values;
if (only !== undefined && only !== 'batch') throw new Error(`--only ${only}: the only part is batch`);
const all = only === undefined;
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const line = (label: string, value: string, goal?: string, ratio?: number) =>
  console.log(
    `${label.padEnd(58)} ${value.padStart(16)}${goal ? `   goal ${goal}` : ''}${ratio !== undefined ? `   ratio ${ratio.toFixed(2)}×${ratio >= 1 ? ' ✓' : ' ✗'}` : ''}`,
  );

console.log(
  `jifen engine benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ${N} profiles`,
);

const t0 = performance.now();
const holders = [...synthPopulation(N, { seed: 2026, longCareers: true })];
const raw = holders.map((h) => JSON.stringify(h.profile));
const profiles: Profile[] = raw.map((s) => validateProfile(JSON.parse(s)));
let months = 0;
let runs = 0;
for (const p of profiles)
  for (const c of p.contributions ?? []) {
    runs++;
    months +=
      (c.to ? Number(c.to.slice(0, 4)) * 12 + Number(c.to.slice(5)) : 2025 * 12 + 9) -
      (Number(c.from.slice(0, 4)) * 12 + Number(c.from.slice(5))) +
      1;
  }
line('synthetic population built and validated', `${fmt((performance.now() - t0) / 1000, 1)} s`);
line('  contribution runs per profile (mean)', fmt(runs / N, 2));
line('  contribution months per profile (mean)', fmt(months / N, 0));

// 1. Single-profile latency with full explanations.
if (all) {
  const bench = new Bench({ time: 2000, warmup: true, warmupTime: 300 });
  let i = 0;
  bench.add('score with explanations', () => {
    score(profiles[i++ % N]!, {}, policy.rules);
  });
  await bench.run();
  const lat = bench.tasks[0]!.result as unknown as { latency: { p50?: number; p99?: number; mean: number } };
  line(
    'single-profile latency, full explanations: median',
    `${fmt((lat.latency.p50 ?? lat.latency.mean) * 1000, 1)} µs`,
  );
  line('single-profile latency, full explanations: p99', `${fmt((lat.latency.p99 ?? 0) * 1000, 1)} µs`);
}

// 2. Engine throughput on parsed and validated profiles (one core: this loop is single-threaded).
function throughput(explain: boolean): number {
  for (let k = 0; k < Math.min(N, 20_000); k++) score(profiles[k]!, { explain }, policy.rules); // warm up
  const start = performance.now();
  let sum = 0;
  for (let k = 0; k < N; k++) sum += score(profiles[k]!, { explain }, policy.rules).total;
  const secs = (performance.now() - start) / 1000;
  if (sum === 42) console.log('');
  return N / secs;
}
const lean = throughput(false);
line('engine throughput, no explanations (1 core)', `${fmt(lean)} /s`, '≥ 200,000/s', lean / 200_000);
const full = throughput(true);
line('engine throughput, with explanations (1 core)', `${fmt(full)} /s`, '≥ 40,000/s', full / 40_000);

// 3. End-to-end `./bin/jifen score --batch` from a JSONL file (process start included).
const dir = mkdtempSync(join(tmpdir(), 'jifen-bench-'));
const file = join(dir, 'population.jsonl');
writeFileSync(file, `${raw.join('\n')}\n`);

// 3a. CLI start-up: one profile, wall time of the whole process, median of 10 (issue 13: < 150 ms),
// the compiled CLI (./bin/jifen → dist/cli) beside the sources run through tsx (before issue 13).
// Run from an empty folder: no ./data database, so the files alone are the policy data.
const one = join(dir, 'profile.json');
writeFileSync(one, raw[0]!);
const median = (cmd: string, args: string[]): number => {
  spawnSync(cmd, args, { cwd: dir, stdio: 'ignore' }); // warm the file cache (and a stale build)
  const times: number[] = [];
  for (let k = 0; k < 10; k++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return times.sort((x, y) => x - y)[5]!;
};
/**
 * CPU time (user + system) of a command, mean of 10 runs, by /usr/bin/time when the machine has
 * it: on a shared machine the wall figures above move with the load, the CPU figures much less.
 */
const cpuTime = (cmd: string, args: string[], runs = 10): number | undefined => {
  if (!existsSync('/usr/bin/time')) return undefined;
  let sum = 0;
  for (let k = 0; k < runs; k++) {
    const r = spawnSync('/usr/bin/time', ['-f', '@cpu %U %S', cmd, ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (r.status !== 0 || !m) return undefined;
    sum += (Number(m[1]) + Number(m[2])) * 1000;
  }
  return sum / runs;
};
const compiled = median(JIFEN, ['score', one, '--format', 'json']);
const sourceArgs = [
  '--import',
  join(REPO, 'node_modules/tsx/dist/esm/index.mjs'),
  join(REPO, 'src/cli/main.ts'),
  'score',
  one,
  '--format',
  'json',
];
const sources = all ? median('node', sourceArgs) : undefined;
const empty = median('node', ['-e', '0']);
line(
  'CLI start-up: ./bin/jifen score ONE.json (median of 10)',
  `${fmt(compiled)} ms`,
  '< 150 ms',
  150 / compiled,
);
if (sources !== undefined) line('  the same through tsx from the sources (before)', `${fmt(sources)} ms`);
line('  an empty Node process, node -e 0 (same run)', `${fmt(empty)} ms`);
const cpu = [
  cpuTime(JIFEN, ['score', one, '--format', 'json']),
  ...(all ? [cpuTime('node', sourceArgs)] : []),
  cpuTime('node', ['-e', '0']),
];
if (cpu.every((c) => c !== undefined))
  line(
    `  CPU time (mean of 10): compiled${all ? ' / tsx' : ''} / node -e 0`,
    cpu.map((c) => fmt(c!)).join(' / ') + ' ms',
  );

// 3b. The reference for the batch: the same work in this process, no start-up (read lines,
// JSON.parse, validate, lean score, JSON.stringify, write in large chunks to /dev/null).
let referenceCpu = 0;
function inProcessBatch(): number {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const out = openSync('/dev/null', 'w');
  let buffer: string[] = [];
  let size = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    const json = JSON.stringify(score(parseProfileJson(text), { explain: false }, policy.rules));
    buffer.push(json, '\n');
    size += json.length;
    if (size > 1 << 20) {
      writeSync(out, buffer.join(''));
      buffer = [];
      size = 0;
    }
  }
  writeSync(out, buffer.join(''));
  closeSync(out);
  const used = process.cpuUsage(cpu0);
  referenceCpu = (used.user + used.system) / 1000;
  return N / ((performance.now() - start) / 1000);
}
const reference = inProcessBatch();
line('in-process loop: parse, validate, lean score, stringify, write', `${fmt(reference)} lines/s`);

for (const [label, extra, goal] of [
  ['score --batch, lean results (--no-explain)', ['--no-explain'], true],
  ['score --batch, full explanations', [], false],
] as const) {
  const start = performance.now();
  const run = spawnSync(JIFEN, ['score', '--batch', file, '--format', 'jsonl', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const secs = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`score --batch failed: ${run.stderr}`);
  const rate = N / secs;
  line(
    `${label}`,
    `${fmt(rate)} lines/s`,
    goal ? '≥ 20,000 lines/s' : undefined,
    goal ? rate / 20_000 : undefined,
  );
  if (goal)
    line(
      '  share of the in-process loop (issue 13: ≥ 80 %)',
      `${fmt((100 * rate) / reference, 0)} %`,
      '≥ 80 %',
      rate / reference / 0.8,
    );
}
const batchCpu = cpuTime(JIFEN, ['score', '--batch', file, '--format', 'jsonl', '--no-explain'], 3);
if (batchCpu !== undefined)
  line(
    '  CPU time: score --batch --no-explain / in-process loop',
    `${fmt(batchCpu)} / ${fmt(referenceCpu)} ms`,
  );
rmSync(dir, { recursive: true, force: true });
