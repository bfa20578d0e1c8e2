import { toFieldIssues } from '../profile/validateProfile.js';
import type { ParameterEntry, RulesData, RulesPatch } from '../rules/loadRulesData.js';
import { parameterValueSchemas, type ParameterKey } from '../rules/rulesDataSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { addDays, indexToIsoMonth, isoMonthToIndex } from '../shared/dates.js';
import { JifenError, type FieldIssue } from '../shared/errors.js';
import type { Reform } from './reformSchema.js';

/** The instrument id under which a reform is cited in the patched rules data. */
export const REFORM_INSTRUMENT = 'reform';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Partial values merge into the value in force: objects key by key, arrays and scalars replace. */
export function mergeValue(inForce: unknown, override: unknown): unknown {
  if (!isPlainObject(inForce) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...inForce };
  for (const [k, v] of Object.entries(override)) out[k] = k in inForce ? mergeValue(inForce[k], v) : v;
  return out;
}

/**
 * The reform as a rules-data patch: every entry of an overridden parameter in force on or
 * after `from` is split at `from`; the later part gets the override merged over its value,
 * validated with the parameter's own schema, and cites the reform. Wage figures given by the
 * reform replace the published ones for their months (or extend the table). Errors name the
 * key path in the reform file.
 */
export function reformPatch(reform: Reform, hash: string, rules: RuleSet): RulesPatch {
  const issues: FieldIssue[] = [];
  if (reform.from < rules.firstDate || reform.from > rules.lastDate)
    issues.push({
      path: '$.from',
      message: `应在积分政策有效期内（${rules.firstDate} 至 ${rules.lastDate}）`,
    });
  const patched: Partial<Record<ParameterKey, ParameterEntry<unknown>[]>> = {};
  const cite = { instrument: REFORM_INSTRUMENT, article: reform.citation ?? `自 ${reform.from} 起施行` };
  const dayBefore = addDays(reform.from, -1);
  for (const [key, override] of Object.entries(reform.parameters ?? {}) as [ParameterKey, unknown][]) {
    if (override === undefined) continue;
    const schema = parameterValueSchemas[key];
    const values: ParameterEntry<unknown>[] = [];
    for (const e of rules.data.parameters[key].values as ParameterEntry<unknown>[]) {
      if (e.to < reform.from) {
        values.push(e);
        continue;
      }
      const parsed = schema.safeParse(mergeValue(e.value, override));
      if (!parsed.success) {
        for (const i of toFieldIssues(parsed.error.issues))
          issues.push({ path: `$.parameters.${key}${i.path.slice(1)}`, message: i.message });
        break;
      }
      if (e.from < reform.from) values.push({ ...e, to: dayBefore });
      values.push({
        from: e.from < reform.from ? reform.from : e.from,
        to: e.to,
        value: parsed.data,
        cite: [...e.cite, cite],
        note: `改革方案“${reform.name}”自 ${reform.from} 起调整本参数${e.note ? `；${e.note}` : ''}`,
      });
    }
    patched[key] = values;
  }
  const wages = reform.wages ? mergeWages(reform, rules, issues) : undefined;
  if (issues.length) throw new JifenError('validation_failed', '改革方案文件有误', issues);

  return (data: RulesData): RulesData => {
    const parameters = { ...data.parameters } as Record<ParameterKey, (typeof data.parameters)[ParameterKey]>;
    for (const [key, values] of Object.entries(patched) as [ParameterKey, ParameterEntry<unknown>[]][])
      parameters[key] = { ...data.parameters[key], values } as (typeof data.parameters)[ParameterKey];
    return {
      ...data,
      instruments: { ...data.instruments, [REFORM_INSTRUMENT]: { title: reform.name } },
      parameters: parameters as RulesData['parameters'],
      wages: wages ? { ...data.wages, figures: wages } : data.wages,
      revision: `${data.revision}+${hash}`,
    };
  };
}

/** Published figures with the reform's figures laid over their months; the table must stay contiguous. */
function mergeWages(reform: Reform, rules: RuleSet, issues: FieldIssue[]) {
  const given = reform.wages!.map((w, i) => ({
    i,
    a: isoMonthToIndex(w.from),
    b: isoMonthToIndex(w.to),
    value: w.value,
  }));
  for (const g of given)
    if (g.b < g.a) issues.push({ path: `$.wages[${g.i}].to`, message: '结束月份早于开始月份' });
  given.sort((x, y) => x.a - y.a);
  for (let k = 1; k < given.length; k++)
    if (given[k]!.a <= given[k - 1]!.b)
      issues.push({
        path: `$.wages[${given[k]!.i}].from`,
        message: `与 $.wages[${given[k - 1]!.i}] 的月份重叠`,
      });
  const segs: { a: number; b: number; value: number }[] = [];
  for (const f of rules.wages.figures) {
    let a = isoMonthToIndex(f.from);
    const b = isoMonthToIndex(f.to);
    // Keep the parts of a published figure not covered by a reform figure.
    for (const g of given) {
      if (g.b < a || g.a > b) continue;
      if (g.a > a) segs.push({ a, b: g.a - 1, value: f.value });
      a = g.b + 1;
    }
    if (a <= b) segs.push({ a, b, value: f.value });
  }
  segs.push(...given);
  segs.sort((x, y) => x.a - y.a);
  for (let k = 1; k < segs.length; k++)
    if (segs[k]!.a !== segs[k - 1]!.b + 1) {
      const g = given.find((x) => x.a === segs[k]!.a);
      issues.push({
        path: g ? `$.wages[${g.i}].from` : '$.wages',
        message: `社平工资表不连续：应从 ${indexToIsoMonth(segs[k - 1]!.b + 1)} 接续`,
      });
      break;
    }
  return segs.map((s) => ({ from: indexToIsoMonth(s.a), to: indexToIsoMonth(s.b), value: s.value }));
}
