/**
 * SQL lives in src/storage (issue 13: repositories and read models; dialect
 * differences in dialectSpecifics.ts). This scan fails on a query-builder call
 * (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, `sql` template)
 * outside storage. Tests and test helpers (`*.test.ts`, `testing/`) may set up
 * rows directly.
 *
 * ALLOWED is a ratchet, not a licence: the sites not yet moved into storage
 * repositories when the check was introduced, counted per file. A file may
 * only go down (then lower its number here); a new file with SQL fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|\bsql</g;

/**
 * Not yet moved (issue 13 "SQL lives in storage"): the read models, the account/admin modules, and
 * the counter, evidence and city use cases written in parallel with the move (issue 15) — the next
 * to move into storage repositories.
 */
const ALLOWED = new Map<string, number>([]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('SQL lives in src/storage', () => {
  const counts = new Map<string, number>();
  for (const file of sources(join(ROOT, 'src'))) {
    const rel = relative(ROOT, file).replaceAll('\\', '/');
    if (rel.startsWith('src/storage/')) continue;
    const n = readFileSync(file, 'utf8').match(QUERY_BUILDER)?.length ?? 0;
    if (n > 0) counts.set(rel, n);
  }

  it('no query-builder call outside storage beyond the ratchet', () => {
    const over = [...counts].filter(([f, n]) => n > (ALLOWED.get(f) ?? 0));
    expect(over).toEqual([]);
  });

  it('the ratchet follows the code down (a moved site lowers its number)', () => {
    const stale = [...ALLOWED].filter(([f, n]) => (counts.get(f) ?? 0) < n);
    expect(stale).toEqual([]);
  });

  it('the scan sees a query-builder call', () => {
    expect("db.selectFrom('cases')".match(QUERY_BUILDER)).toHaveLength(1);
  });
});
