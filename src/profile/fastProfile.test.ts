import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastProfile } from './fastProfile.js';
import { profileArbitrary } from './profileArbitrary.js';
import { crossFieldIssues, profileSchema } from './profileSchema.js';

/** What the full schema says: valid (with its output) or not. */
const full = (raw: unknown) => {
  const r = profileSchema.safeParse(raw);
  return r.success && crossFieldIssues(raw).length === 0
    ? { ok: true as const, value: r.data }
    : { ok: false as const };
};

/** Random corruptions of a valid profile: a wrong type, a bad date, an extra key, a removed key … */
const corrupt = (p: unknown) =>
  fc
    .tuple(
      fc.constant(JSON.parse(JSON.stringify(p))),
      fc.integer({ min: 0, max: 1e6 }),
      fc.constantFrom(null, -1, 1.5, 'x', '2025-02-30', '2025-13', true, [], {}, 7, '2019-01', '2030-01-01'),
    )
    .map(([clone, pick, value]) => {
      const paths: Array<[Record<string, unknown>, string]> = [];
      const walk = (o: unknown) => {
        if (o && typeof o === 'object')
          for (const [k, v] of Object.entries(o)) {
            paths.push([o as Record<string, unknown>, k]);
            walk(v);
          }
      };
      walk(clone);
      const [obj, key] = paths[pick % paths.length] ?? [clone, 'asOf'];
      if (pick % 7 === 0) obj[`extra${pick % 3}`] = value;
      else if (pick % 11 === 0) delete obj[key];
      else obj[key] = value;
      return clone as unknown;
    });

describe('fastProfile agrees with the schema', () => {
  it('accepts generated valid profiles, returning the same value as the schema', () => {
    fc.assert(
      fc.property(profileArbitrary, (p) => {
        const raw = JSON.parse(JSON.stringify(p));
        const f = full(raw);
        expect(f.ok).toBe(true);
        const fast = fastProfile(raw);
        if (fast) expect(fast).toEqual(f.ok && f.value);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts what the schema rejects', () => {
    fc.assert(
      fc.property(profileArbitrary.chain(corrupt), (raw) => {
        if (fastProfile(raw)) expect(full(raw).ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for the common profile', () => {
    fc.assert(
      fc.property(profileArbitrary, (p) => {
        expect(fastProfile(JSON.parse(JSON.stringify(p)))).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});
