import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cliRunner.js';

export interface GoldenCase {
  name: string;
  profile: unknown;
  expected: {
    rulesVersion: string;
    total: number;
    qualified: boolean;
    vetoed: boolean;
    vetoes: string[];
    provisional: boolean;
    items: Record<string, number>;
  };
}

/** The golden corpus: the spec's cases (docs/spec/cases) and the project's own (test/golden). */
export function goldenCases(): Array<{ file: string; label: string; c: GoldenCase }> {
  const dirs = [join(REPO, 'test/golden'), join(REPO, 'docs/spec/cases')].filter((d) => existsSync(d));
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({
        file: join(dir, f),
        label: `${dir.includes('spec') ? 'spec' : 'repo'}/${f}`,
        c: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenCase,
      })),
  );
}
