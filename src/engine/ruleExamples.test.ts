import { testPolicy } from '../policy/testing/testPolicy.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../profile/validateProfile.js';
import { RULES_DIR } from '../policy/projectPaths.js';
import { isJifenError } from '../shared/errors.js';
import { score } from './score.js';

interface Example {
  name: string;
  profile: unknown;
  expect?: {
    items: Record<string, number>;
    total?: number;
    rulesVersion?: string;
    vetoes?: string[];
    provisional?: boolean;
    qualified?: boolean;
  };
  absent?: string[];
  error?: string;
}

const dir = join(RULES_DIR, 'tests');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('legal examples in rules/tests', () => {
  it('covers every indicator file', () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const file of files) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as { indicator: string; tests: Example[] };
    describe(`${file} (${doc.indicator})`, () => {
      for (const ex of doc.tests) {
        it(ex.name, () => {
          const profile = validateProfile(ex.profile);
          if (ex.error) {
            let code: string | undefined;
            try {
              score(profile, {}, testPolicy.rules);
            } catch (e) {
              code = isJifenError(e) ? e.code : 'unexpected';
            }
            expect(code).toBe(ex.error);
            return;
          }
          const r = score(profile, {}, testPolicy.rules);
          const items = Object.fromEntries(r.items.map((i) => [i.id, i.points]));
          for (const [id, points] of Object.entries(ex.expect!.items))
            expect({ [id]: items[id] }).toEqual({ [id]: points });
          for (const id of ex.absent ?? []) expect(items).not.toHaveProperty(id);
          const e = ex.expect!;
          if (e.total !== undefined) expect(r.total).toBe(e.total);
          if (e.rulesVersion) expect(r.rulesVersion).toBe(e.rulesVersion);
          if (e.vetoes) expect(r.vetoes).toEqual(e.vetoes);
          if (e.provisional !== undefined) expect(r.provisional).toBe(e.provisional);
          if (e.qualified !== undefined) expect(r.qualified).toBe(e.qualified);
          expect(r.items.reduce((s, i) => s + i.points, 0)).toBe(r.total);
        });
      }
    });
  }
});
