import type { Candidate } from './types.js';

/**
 * 两项组合: every pair of the best single options that act on different indicators
 * (two base raises, or a title and a skill, are one lever at two strengths). When the rules
 * make education and qualification alternatives (only the higher counts), a degree paired
 * with a title or skill can never beat both halves, so such pairs are not tried. Levers
 * compose: base floors take the higher base month by month, added facts accumulate.
 */
export function combineCandidates(best: readonly Candidate[], alternatives: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < best.length; i++)
    for (let j = i + 1; j < best.length; j++) {
      const a = best[i]!;
      const b = best[j]!;
      if (a.kind === b.kind) continue;
      if (
        alternatives &&
        (a.kind === 'education' || b.kind === 'education') &&
        (a.kind === 'qualification' || b.kind === 'qualification')
      )
        continue;
      out.push({
        id: `${a.id}+${b.id}`,
        kind: a.kind,
        levers: [...a.levers, ...b.levers],
        actions: [...new Set([...a.actions, ...b.actions])],
        assumptions: [...new Set([...a.assumptions, ...b.assumptions])],
        effort: a.effort + b.effort,
        parts: [a.id, b.id],
      });
    }
  return out;
}
