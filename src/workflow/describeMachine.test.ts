import { describe, expect, it } from 'vitest';
import { findCaseTransition } from './caseMachine.js';
import { describeMachine } from './describeMachine.js';
import { CASE_STATES, COMMAND_TYPES } from './types.js';

describe('describeMachine', () => {
  const d = describeMachine();

  it('lists every state with its Chinese name and who holds the case', () => {
    expect(d.states.map((s) => s.state)).toEqual([...CASE_STATES]);
    expect(d.states.find((s) => s.state === 'submitted')).toMatchObject({
      label: '等待受理',
      heldBy: 'acceptance_clerk',
      terminal: false,
    });
    expect(d.states.find((s) => s.state === 'refused')).toMatchObject({ terminal: true, commands: [] });
  });

  it('lists exactly the declared commands per state, with roles, rooms and guards', () => {
    for (const st of d.states) {
      const declared = COMMAND_TYPES.filter(
        (c) => findCaseTransition(st.state as (typeof CASE_STATES)[number], c) !== undefined,
      );
      expect(st.commands.map((c) => c.command).sort()).toEqual([...declared].sort());
    }
    const accept = d.states
      .find((s) => s.state === 'submitted')!
      .commands.find((c) => c.command === 'accept')!;
    expect(accept).toMatchObject({
      label: '受理并出具收件凭证',
      targets: ['accepted'],
      allow: [{ role: 'acceptance_clerk', room: 'own_district', roomLabel: '本区受理的案件' }],
    });
    expect(accept.guards.map((g) => g.name)).toEqual(['permitValid', 'allMaterialsPresent']);
    const withdraw = d.states
      .find((s) => s.state === 'draft')!
      .commands.find((c) => c.command === 'withdraw')!;
    expect(withdraw.targets).toEqual(['withdrawn', 'determined']);
  });

  it('describes the reconsideration region', () => {
    expect(
      d.reconsideration.map((r) => [
        r.state,
        r.commands.map((c) => `${c.command}:${c.allow.map((a) => a.role).join('|')}`),
      ]),
    ).toEqual([
      ['none', ['request_reconsideration:holder|employer_hr']],
      [
        'district_pending',
        ['review_reconsideration_fact:district_reviewer', 'decide_reconsideration:district_approver'],
      ],
      ['district_decided', ['request_reconsideration:holder|employer_hr']],
      [
        'city_pending',
        ['review_reconsideration_fact:city_supervisor', 'decide_reconsideration:city_supervisor'],
      ],
      ['city_decided', []],
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
