import { describe, expect, it } from 'vitest';
import { describeMachine } from '../workflow/index.js';
import type { CommandType } from '../workflow/index.js';
import { caseCommands, OWN_ROUTE, USE_CASES } from './routes/caseCommands.js';

/** The case command table is the machine's declaration plus the use-case registry (issue 13). */
describe('the case commands offered over HTTP', () => {
  const machine = describeMachine();
  const byPeople = new Map<string, Set<string>>();
  for (const s of machine.states)
    for (const c of s.commands) {
      const roles = byPeople.get(c.command) ?? new Set<string>();
      for (const a of c.allow) if (a.role !== 'system') roles.add(a.role);
      byPeople.set(c.command, roles);
    }

  it('offers every command a person may give (but those with routes of their own: creating the account, replacing the claims, assigning a task), with the roles the machine allows', () => {
    const offered = caseCommands();
    const expected = [...byPeople].filter(([c, roles]) => !OWN_ROUTE.has(c as CommandType) && roles.size > 0);
    expect(offered.map((o) => o.command).sort()).toEqual(expected.map(([c]) => c).sort());
    for (const o of offered) expect(new Set(o.roles)).toEqual(byPeople.get(o.command));
  });

  it('takes each body with the use case declaring that command, under a URL segment of its own', () => {
    for (const [command, entry] of Object.entries(USE_CASES)) {
      expect(entry.command).toBe(command);
      expect(entry.input.safeParse(undefined).success).toBe(false);
    }
    const segments = Object.values(USE_CASES).map((e) => e.segment);
    expect(new Set(segments).size).toBe(segments.length);
  });
});
