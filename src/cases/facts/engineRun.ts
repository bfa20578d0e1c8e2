/** The engine on verified facts, and the errors that say why a determination cannot be made. */
import { JifenError } from '../../shared/errors.js';
import { engineFacts, type EngineFacts } from './facts.js';
import type { PrepareInput } from '../executor/executeCaseCommand.js';

export async function runEngine(
  p: PrepareInput,
  asOf: string,
  state: Record<string, unknown>,
): Promise<EngineFacts> {
  const row = p.row!;
  const facts = await engineFacts(
    p.tx,
    { id: row.id, holderId: row.holderId, unitId: row.unitId, permitId: row.permitId },
    asOf,
    p.rules,
  );
  state.engine = facts;
  return facts;
}

/**
 * docs/spec/rules.md §7: an official determination refuses a provisional wage figure and
 * says which figure must be loaded first; docs/spec/rules.md §5: a veto is refused, not determined.
 */
export function engineRefusal(guard: string, state: Record<string, unknown>): JifenError | undefined {
  const facts = state.engine as EngineFacts | undefined;
  if (!facts) return undefined;
  if (guard === 'wageFiguresFinal') {
    const detail = facts.result.warnings.filter((w) => w.includes('社平工资'));
    return new JifenError(
      'wage_figure_provisional',
      `不能核定：${detail.join('；') || '所需的社会平均工资尚未公布'}。请先载入该年度社会平均工资（rules/wages.yaml）后再核定。`,
      [],
      { guard, rulesVersion: facts.result.rulesVersion, asOf: facts.result.asOf },
    );
  }
  if (guard === 'notVetoed')
    return new JifenError(
      'invalid_transition',
      `存在一票否决情形（${facts.result.vetoes.join('、')}），应不予通过而非核定`,
      [],
      {
        guard,
        vetoes: facts.result.vetoes,
      },
    );
  return undefined;
}

/** The acceptance date fixes the rules version (docs/spec/rules.md §1). */
export function acceptanceDateOf(p: PrepareInput): string {
  const d = p.snapshot.acceptedOn ?? p.row?.acceptanceDate ?? null;
  if (d === null)
    throw new JifenError('invalid_transition', '案件尚未受理，没有受理日期，不能核定', [], {
      caseId: p.snapshot.caseId,
    });
  return d;
}
