import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { toFieldIssues } from '../profile/validateProfile.js';
import { isIsoDate } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { z } from '../shared/zodLocale.js';

/**
 * Planning assumptions (rules/planner/assumptions.yaml): how long it takes to obtain a
 * title or a degree, when an action can start, how hard it is. Not law, so they live
 * apart from the policy data and every one can be overridden per plan.
 */

const months = z.number().int().min(0).max(600);
const effort = z.number().min(0).max(10);
const step = z.strictObject({ months, effort });

export const plannerAssumptionsSchema = z.strictObject({
  raiseBase: z.strictObject({ startAfterMonths: months, effortPerRatio: z.number().min(0).max(10) }),
  title: z.strictObject({
    intermediate: step,
    senior: z.strictObject({ months, monthsWithoutIntermediate: months, effort }),
  }),
  skill: z.strictObject({ '1': step, '2': step, '3': step }),
  degree: z.strictObject({ bachelor: step, master: step }),
  keyArea: z.strictObject({ startAfterMonths: months, effort }),
  investment: z.strictObject({ startAfterMonths: months, effort }),
  hiring: z.strictObject({ startAfterMonths: months, effort }),
  combinations: z.strictObject({ fromBestSingles: z.number().int().min(0).max(20) }),
});

export type PlannerAssumptions = z.output<typeof plannerAssumptionsSchema>;

const fileSchema = z.strictObject({
  values: z
    .array(
      z.strictObject({
        from: z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD' }),
        value: plannerAssumptionsSchema,
      }),
    )
    .min(1),
});

/** The dated assumptions of rules/planner/assumptions.yaml, oldest first. */
export type PlannerAssumptionsFile = z.output<typeof fileSchema>;

/** Reads and validates `<rulesDir>/planner/assumptions.yaml` (the policy snapshot keeps it). */
export function loadPlannerAssumptions(rulesDir: string): PlannerAssumptionsFile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(rulesDir, 'planner/assumptions.yaml'), 'utf8'));
  } catch (e) {
    throw new JifenError('rules_data_invalid', '达标方案测算假设文件无法读取', [
      { path: 'rules/planner/assumptions.yaml', message: (e as Error).message.split('\n')[0] ?? '' },
    ]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    throw new JifenError(
      'rules_data_invalid',
      '达标方案测算假设文件有误',
      toFieldIssues(parsed.error.issues).map((i) => ({
        ...i,
        path: `rules/planner/assumptions.yaml: ${i.path}`,
      })),
    );
  return { values: [...parsed.data.values].sort((a, b) => (a.from < b.from ? -1 : 1)) };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

/**
 * The assumptions in force on `asOf` (the latest entry from on or before it), with
 * `overrides` merged over them; a bad override is a `validation_failed` naming its path
 * under `$.assumptions`.
 */
export function plannerAssumptions(
  file: PlannerAssumptionsFile,
  asOf: string,
  overrides?: unknown,
): PlannerAssumptions {
  const { values } = file;
  let entry = values[0]!;
  for (const v of values) if (v.from <= asOf) entry = v;
  if (overrides === undefined) return entry.value;
  const parsed = plannerAssumptionsSchema.safeParse(deepMerge(entry.value, overrides));
  if (parsed.success) return parsed.data;
  throw new JifenError(
    'validation_failed',
    '达标方案测算假设的覆盖值有误',
    toFieldIssues(parsed.error.issues).map((i) => ({ ...i, path: `$.assumptions${i.path.slice(1)}` })),
  );
}
