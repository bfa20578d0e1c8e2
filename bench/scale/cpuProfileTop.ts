/**
 * Summarises V8 .cpuprofile files (`node --cpu-prof`, e.g. `npm run bench:scale -- --cpu-prof DIR`):
 * the top functions by self time, the top source files by self time, and the inclusive time
 * of the functions named with --focus (a sample counts once per function on its stack).
 *
 *   npx tsx bench/scale/cpuProfileTop.ts /tmp/prof/*.cpuprofile [--top 30] [--focus getCaseView,score]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const files: string[] = [];
let top = 30;
let focus: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--focus') focus = args[++i]!.split(',');
  else files.push(args[i]!);
}

const short = (url: string) => url.replace(/^file:\/\/.*?\/(src|node_modules|bench)\//, '$1/') || '(native)';
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = p.endTime - p.startTime;
  let idle = 0;
  const fn = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const inclusive = new Map<string, number>(focus.map((f) => [f, 0]));
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') idle += name === '(idle)' ? us : 0;
    fn.set(label(n), (fn.get(label(n)) ?? 0) + us);
    const f = short(n.callFrame.url).replace(/:.*/, '');
    fileSelf.set(f, (fileSelf.get(f) ?? 0) + us);
    if (focus.length) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const nm = byId.get(at)!.callFrame.functionName;
        if (inclusive.has(nm) && !seen.has(nm)) {
          seen.add(nm);
          inclusive.set(nm, inclusive.get(nm)! + us);
        }
      }
    }
  }
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pc = (us: number) => ((100 * us) / total).toFixed(1).padStart(5);
  console.log(`\n${file}: ${ms(total)} ms wall, ${ms(total - idle)} ms busy (${pc(total - idle)} %)`);
  console.log('  top functions by self time (ms, % of wall)');
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${ms(v)} ${pc(v)}  ${k}`);
  console.log('  top files by self time');
  for (const [k, v] of [...fileSelf].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${ms(v)} ${pc(v)}  ${k}`);
  if (focus.length) {
    console.log('  inclusive time of --focus functions');
    for (const [k, v] of inclusive) console.log(`  ${ms(v)} ${pc(v)}  ${k}`);
  }
}
