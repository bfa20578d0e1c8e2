import { isoMonthToIndex } from '../shared/dates.js';
import type { RuleSet } from './RuleSet.js';
import { parameterKeys } from './rulesDataSchema.js';

export interface ParameterInForce {
  key: string;
  label: string;
  group?: string;
  description: string;
  value: unknown;
  from: string;
  to: string;
  citations: string[];
  note?: string;
  /** The value as a Chinese sentence with its units (rules/renderings.yaml). */
  text: string;
}

export interface RulesInForce {
  date: string;
  version: { id: string; from: string; to: string; title: string };
  dataRevision: string;
  parameters: ParameterInForce[];
  /** The wage figure for the contribution month of `date`, and whether it is only assumed. */
  wage: { month: string; value: number; from: string; to: string; provisional: boolean; citation: string };
  wageTable: { from: string; to: string; value: number }[];
}

/** The rules explorer: every parameter in force on a date, with its dates and citations. */
export function rulesInForce(rules: RuleSet, date: string): RulesInForce {
  const snap = rules.at(date);
  const parameters: ParameterInForce[] = [];
  for (const key of parameterKeys) {
    const p = snap.params[key];
    const file = rules.data.parameters[key];
    if (!p) continue;
    parameters.push({
      key,
      label: p.label,
      ...(file.group ? { group: file.group } : {}),
      description: file.description,
      value: p.value,
      from: p.from,
      to: p.to,
      citations: p.citations,
      ...(p.note ? { note: p.note } : {}),
      text: p.text,
    });
  }
  const month = date.slice(0, 7);
  const mi = isoMonthToIndex(month);
  const entry = rules.wages.entryFor(mi);
  return {
    date,
    version: { id: snap.version.id, from: snap.version.from, to: snap.version.to, title: snap.version.title },
    dataRevision: rules.revision,
    parameters,
    wage: {
      month,
      value: entry.value,
      from: entry.from,
      to: entry.to,
      provisional: rules.wages.isProvisional(mi),
      citation: rules.citationText(rules.data.wages.citation),
    },
    wageTable: [...rules.wages.figures],
  };
}
