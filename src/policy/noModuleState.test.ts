import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from './projectPaths.js';

/**
 * No module-level mutable state in the server's code (issue 13): policy data live in a
 * PolicyData snapshot passed explicitly, never in a module's `let` or cache that a load
 * changes behind the callers' backs and that tests must reset. A top-level `let`/`var`
 * or a top-level `new Map(...)` cache fails here. (Memo tables keyed by immutable
 * values — `WeakMap`s — and constant lookup `Set`s are allowed; test helpers in
 * `testing/` folders and tests may count.)
 */
const SRC = join(PROJECT_ROOT, 'src');
const FORBIDDEN = [
  { re: /^(export\s+)?(let|var)\s/, why: 'top-level let/var' },
  { re: /^(export\s+)?const\s+\w+(\s*:[^=]+)?\s*=\s*new\s+Map\b/, why: 'top-level Map cache' },
];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testing') yield* sources(path);
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield path;
  }
}

it('no module in src/ keeps mutable state at the top level (policy data are passed explicitly)', () => {
  const found: string[] = [];
  for (const file of sources(SRC)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const f of FORBIDDEN)
          if (f.re.test(line))
            found.push(`${relative(PROJECT_ROOT, file)}:${i + 1} ${f.why}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

it('the scan sees what it forbids', () => {
  expect(FORBIDDEN.some((f) => f.re.test('let cached: RuleSet | undefined;'))).toBe(true);
  expect(FORBIDDEN.some((f) => f.re.test('const cache = new Map<string, WorkCalendar>();'))).toBe(true);
  expect(FORBIDDEN.some((f) => f.re.test('  let local = 0;'))).toBe(false);
  expect([...sources(SRC)].length).toBeGreaterThan(100);
});
