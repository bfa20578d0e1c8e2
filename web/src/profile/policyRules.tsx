import { Typography } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { todayInShanghai } from './toProfile';
import type { RuleParameter, RulesInForce } from './types';

/**
 * The policy wording and numbers the pages show come from the rules data in force
 * on the form's 申请日期 (GET /api/v1/rules?at=), never from literals in the UI:
 * they change when the next policy version starts (issue 14).
 */

const cache = new Map<string, Promise<RulesInForce>>();

const isIsoDay = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The rules in force on `date` (one request per date, shared by every page). */
export function fetchRulesAt(date: string): Promise<RulesInForce> {
  let p = cache.get(date);
  if (!p) {
    p = api<RulesInForce>('GET', '/api/v1/rules', undefined, { query: { at: date } });
    p.catch(() => cache.delete(date));
    cache.set(date, p);
  }
  return p;
}

/** The rules in force on `date` (today while the date is not a complete day yet). */
export function useRulesAt(date: string | undefined): RulesInForce | undefined {
  const day = isIsoDay(date) ? date : todayInShanghai();
  const [state, setState] = useState<{ day: string; rules?: RulesInForce }>({ day });
  useEffect(() => {
    let current = true;
    fetchRulesAt(day).then(
      (rules) => current && setState({ day, rules }),
      // A date outside every version: keep what was shown for the last good date.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [day]);
  return state.rules;
}

export const RulesContext = createContext<RulesInForce | undefined>(undefined);

/** The rules in force on the form's 申请日期, as provided by the form. */
export const useRules = (): RulesInForce | undefined => useContext(RulesContext);

export function RulesProvider(props: { at: string | undefined; children: ReactNode }) {
  const rules = useRulesAt(props.at);
  return <RulesContext.Provider value={rules}>{props.children}</RulesContext.Provider>;
}

export const parameterOf = (rules: RulesInForce | undefined, key: string): RuleParameter | undefined =>
  rules?.parameters.find((p) => p.key === key);

/** One value of a parameter in force (e.g. `eligibility`.`personalBarYears`). */
export function valueOf(rules: RulesInForce | undefined, key: string, field?: string): unknown {
  const v = parameterOf(rules, key)?.value;
  if (field === undefined) return v;
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[field] : undefined;
}

/** The sentence people read for a parameter: its rendering of the value in force, else the data's description. */
export const parameterText = (p: RuleParameter): string => p.text ?? p.description ?? p.label;

/** The policy's own words above a group of fields, taken from the rules in force on 申请日期. */
export function Policy(props: { params: string[]; children?: ReactNode }) {
  const rules = useRules();
  const found = props.params
    .map((k) => parameterOf(rules, k))
    .filter((p): p is RuleParameter => p !== undefined);
  return (
    <Typography.Paragraph
      data-testid="policy-text"
      style={{ marginBottom: 12, color: '#434343', borderLeft: '3px solid #93c5fd', paddingLeft: 10 }}
    >
      {rules ? (
        found.map((p) => (
          <span key={p.key} style={{ display: 'block' }}>
            {p.label}：{parameterText(p)}
          </span>
        ))
      ) : (
        <span>正在读取申请日期施行的政策…</span>
      )}
      {props.children && <span style={{ display: 'block' }}>{props.children}</span>}
    </Typography.Paragraph>
  );
}
