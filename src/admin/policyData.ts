/**
 * The administrator's data loads (docs/spec/workflow.md: admin — "rules data loads (wage
 * figure, holidays, catalogues)"): each has a PREVIEW that changes nothing and
 * shows what would change, and an APPLY that validates again, appends the
 * revision with an audit event in one transaction and reloads this instance's
 * policy data (see policyRevisions.ts for where revisions live and how other
 * instances pick them up).
 */
import type { Kysely } from 'kysely';
import { parse as parseYaml } from 'yaml';
import { checkCalendarYear, type CalendarYear } from '../calendar/calendarYearSchema.js';
import { WorkCalendar } from '../calendar/WorkCalendar.js';
import { loadPermit, loadUnit } from '../cases/facts/facts.js';
import { buildProfile } from '../cases/facts/profileFromRecords.js';
import { listClaimedIndicators, listDeterminedCases } from '../storage/caseRepository.js';
import { compileMaterialsCatalogue, type MaterialsCatalogue } from '../checklist/loadMaterialsCatalogue.js';
import { score } from '../engine/score.js';
import type { Profile } from '../profile/profileSchema.js';
import { RuleSet } from '../rules/RuleSet.js';
import { indexToIsoMonth, isoMonthToIndex } from '../shared/dates.js';
import { JifenError, jsonPath, type FieldIssue } from '../shared/errors.js';
import { z } from '../shared/zodLocale.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database } from '../storage/schema.js';
import {
  mergeWageFigures,
  wagePatch,
  type PolicyRevision,
  type WageFigureInput,
} from '../policy/mergeRevisions.js';
import type { PolicyData } from '../policy/PolicyData.js';
import type { PolicyStore } from '../policy/PolicyStore.js';
import { insertPolicyRevision } from '../storage/policyRevisionRepository.js';

type Db = Kysely<Database>;
export interface AdminActor {
  id: string;
  role: string;
}

/** zod failures as problem+json issues: the JSON path of the body field, in Chinese. */
function parseBody<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new JifenError(
    'validation_failed',
    `${what}：输入有误`,
    r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
  );
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为 YYYY-MM 格式的月份' });
const citation = z
  .string({ error: '请填写依据（发布文件或公告）' })
  .trim()
  .min(4, { message: '请填写依据（发布文件或公告，至少 4 个字）' })
  .max(300, { message: '依据不超过 300 字' });

export const wageFigureSchema = z
  .strictObject({
    from: month,
    to: month,
    value: z
      .number({ error: '应为数字（元/月）' })
      .int({ message: '应为整数（元/月）' })
      .min(1000, { message: '不低于 1000 元' })
      .max(100_000, { message: '不高于 100000 元' }),
    citation,
  })
  .refine((w) => w.from <= w.to, { message: '结束月份不能早于开始月份', path: ['to'] })
  .refine((w) => isoMonthToIndex(w.to) - isoMonthToIndex(w.from) < 24, {
    message: '一条社平工资的适用期间不超过 24 个月',
    path: ['to'],
  });
export type WageFigureRequest = z.output<typeof wageFigureSchema>;

/** Example holders whose scores the preview recomputes (the determined cases, by id). */
const EXAMPLES = 4;

async function wageExamples(db: Db, rulesBefore: RuleSet, rulesAfter: RuleSet, w: WageFigureInput) {
  // The application month right after the figure's period: its whole period lies in the 48-month window.
  const asOfMonth = isoMonthToIndex(w.to) + 1;
  const asOf = `${indexToIsoMonth(asOfMonth)}-01`;
  const cases = await listDeterminedCases(db, EXAMPLES);
  const out = [];
  for (const c of cases) {
    try {
      const unit = await loadUnit(db, c.unitId);
      const permit = await loadPermit(db, c.permitId, c.holderId);
      const claims = await listClaimedIndicators(db, c.id);
      const profile: Profile = await buildProfile(db, {
        holderId: c.holderId,
        unit,
        permit,
        asOf,
        claims,
        basis: 'claimed',
      });
      // "If nothing changes": the last contribution run continues at its base up to the month before.
      const runs = profile.contributions ?? [];
      const last = runs[runs.length - 1];
      if (last) runs[runs.length - 1] = { ...last, to: indexToIsoMonth(asOfMonth - 1) };
      const run = (rules: RuleSet) => {
        const r = score(profile, { explain: false, assumeRulesContinue: true }, rules);
        return {
          total: r.total,
          insuranceBase: r.items.find((i) => i.id === 'insurance_base')?.points ?? 0,
          provisional: r.provisional,
        };
      };
      out.push({
        caseId: c.id,
        holderId: c.holderId,
        base: last?.base ?? null,
        before: run(rulesBefore),
        after: run(rulesAfter),
      });
    } catch (error) {
      out.push({ caseId: c.id, holderId: c.holderId, error: (error as Error).message });
    }
  }
  return { asOf, examples: out };
}

export async function previewWageFigure(db: Db, input: unknown, policy: PolicyData) {
  const { citation: cite, ...w } = parseBody(wageFigureSchema, input, '社平工资');
  const current = policy.rules;
  const merged = mergeWageFigures(current.data.wages.figures, w);
  if ('error' in merged)
    throw new JifenError('validation_failed', '社平工资：适用期间与现有数据不衔接', [
      { path: '$.from', message: merged.error },
    ]);
  const before = current.data.wages.figures.find((f) => f.from === w.from && f.to === w.to) ?? null;
  const latest = current.wages.latest;
  const after = new RuleSet(wagePatch([w], 'preview')(current.data));
  const { asOf, examples } = await wageExamples(db, current, after, w);
  return {
    kind: 'wage_figure' as const,
    change: merged.change,
    figure: { from: w.from, to: w.to, value: w.value },
    before,
    /** Months of the new period were scored provisionally with the latest figure until now. */
    provisionalBefore: before === null ? { value: latest.value, from: latest.from } : null,
    tableTail: merged.figures.slice(-4),
    citation: cite,
    assumption: `示例：按现缴费基数持续缴纳至 ${indexToIsoMonth(isoMonthToIndex(asOf.slice(0, 7)) - 1)}，于 ${asOf} 申请时的积分（加载前后对比；其余条件不变）`,
    asOf,
    examples,
  };
}

async function appendRevision(
  db: Db,
  actor: AdminActor,
  now: string,
  r: { kind: PolicyRevision['kind']; subject: string; payload: unknown; citation: string },
  store: PolicyStore,
) {
  const revision = await runInTransaction(db, async (tx) => {
    const rev = await insertPolicyRevision(tx, { ...r, loadedBy: actor.id, now });
    await appendAuditEvent(tx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      command: `load_${r.kind}`,
      payload: { revisionId: rev.id, subject: r.subject, contentHash: rev.contentHash },
    });
    return rev;
  });
  // This instance swaps its snapshot now; the others see the new signature within 15 s.
  const next = await store.refresh();
  return { revision, skipped: next.skipped, dataRevision: next.dataRevision };
}

export async function applyWageFigure(
  db: Db,
  actor: AdminActor,
  now: string,
  input: unknown,
  store: PolicyStore,
) {
  const preview = await previewWageFigure(db, input, store.current);
  if (preview.change === 'unchanged')
    throw new JifenError(
      'conflict',
      `${preview.figure.from} 至 ${preview.figure.to} 的社平工资已是 ${preview.figure.value} 元，无需加载`,
      [{ path: '$.value', message: '与现有数值相同' }],
    );
  const { citation: cite, ...figure } = parseBody(wageFigureSchema, input, '社平工资');
  return {
    ...(await appendRevision(
      db,
      actor,
      now,
      { kind: 'wage_figure', subject: figure.from, payload: figure, citation: cite },
      store,
    )),
    preview,
  };
}

// ---------------------------------------------------------------------------------------------
// A year of the working-day calendar.

export const calendarUploadSchema = z.strictObject({
  /** The year as YAML (the format of rules/calendars/cn/YYYY.yaml) or JSON. */
  text: z
    .string({ error: '请粘贴或选择年度工作日历文件（YAML 或 JSON）' })
    .min(1, { message: '内容不能为空' })
    .max(200_000, { message: '内容过长' }),
  /** Replace a year already loaded (a corrected notice). */
  replace: z.boolean({ error: '应为 true 或 false' }).optional(),
});

function parseDataText(text: string, what: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new JifenError('validation_failed', `${what}不是有效的 YAML/JSON`, [
      { path: '$.text', message: (error as Error).message.split('\n')[0] ?? 'YAML 语法错误' },
    ]);
  }
}

function parseCalendarUpload(input: unknown): { cal: CalendarYear; replace: boolean } {
  const body = parseBody(calendarUploadSchema, input, '工作日历');
  const checked = checkCalendarYear(parseDataText(body.text, '工作日历'));
  if (!checked.ok) throw new JifenError('validation_failed', '工作日历数据有误，未加载', checked.issues);
  return { cal: checked.value, replace: body.replace === true };
}

/** The last start date from which `n` working days can be counted on this calendar. */
function lastComputableStart(cal: WorkCalendar, n: number): string | null {
  const years = cal.coveredYears();
  if (years.length === 0) return null;
  // Stop at the first gap: beyond it nothing can be counted.
  let end = years[0]!;
  while (years.includes(end + 1)) end++;
  let d = new Date(Date.UTC(end, 11, 31));
  for (let i = 0; i < 400; i++, d = new Date(d.getTime() - 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    try {
      cal.addWorkdays(iso, n);
      return iso;
    } catch {
      // not computable yet: one day earlier
    }
  }
  return null;
}

const DEADLINES = [
  { kind: 'acceptance_reminder', label: '等待受理提醒（10 个工作日）', n: 10 },
  { kind: 'determination', label: '核定期限（审核属实后 20 个工作日）', n: 20 },
  { kind: 'reconsideration', label: '复核决定期限（20 个工作日）', n: 20 },
  { kind: 'stale', label: '等待受理滞留（30 个工作日）', n: 30 },
];

export function previewCalendarYear(input: unknown, policy: PolicyData) {
  const { cal, replace } = parseCalendarUpload(input);
  const current = policy.calendar;
  const existing = current.yearData(cal.year);
  if (existing && !replace)
    throw new JifenError(
      'conflict',
      `${cal.year} 年的工作日历已存在；如确需替换（例如发布了调整通知），请勾选“替换已有年度”`,
      [{ path: '$.replace', message: '该年度已存在' }],
    );
  const years = current
    .coveredYears()
    .filter((y) => y !== cal.year)
    .map((y) => current.yearData(y)!);
  const next = new WorkCalendar([...years, cal]);
  const workdays = next.workdaysBetween(`${cal.year - 1}-12-31`, `${cal.year}-12-31`);
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const first = `${cal.year}-${String(m).padStart(2, '0')}-01`;
    const lastDay = new Date(Date.UTC(cal.year, m, 0)).toISOString().slice(0, 10);
    const prev = new Date(Date.UTC(cal.year, i, 0)).toISOString().slice(0, 10);
    return { month: first.slice(0, 7), workdays: next.workdaysBetween(prev, lastDay) };
  });
  const dates = (c: CalendarYear | undefined, k: 'holidays' | 'makeupWorkdays') =>
    new Set((c?.[k] ?? []).map((d) => d.date));
  const diff = (k: 'holidays' | 'makeupWorkdays') => {
    const a = dates(existing, k);
    const b = dates(cal, k);
    return { added: [...b].filter((d) => !a.has(d)).sort(), removed: [...a].filter((d) => !b.has(d)).sort() };
  };
  const covered = current.coveredYears();
  const warnings: string[] = [];
  const maxYear = covered[covered.length - 1] ?? cal.year - 1;
  if (cal.year > maxYear + 1)
    warnings.push(
      `${maxYear + 1}${cal.year - 1 > maxYear + 1 ? `–${cal.year - 1}` : ''} 年的工作日历尚未加载：跨越这些年份的期限仍无法计算`,
    );
  return {
    kind: 'calendar_year' as const,
    year: cal.year,
    replaced: existing !== undefined,
    sources: cal.sources,
    holidays: cal.holidays.length,
    makeupWorkdays: cal.makeupWorkdays.length,
    workdays,
    months,
    holidayNames: [...new Set(cal.holidays.map((h) => h.name))],
    diff: existing ? { holidays: diff('holidays'), makeupWorkdays: diff('makeupWorkdays') } : null,
    deadlines: DEADLINES.map((d) => ({
      ...d,
      lastStartBefore: lastComputableStart(current, d.n),
      lastStartAfter: lastComputableStart(next, d.n),
    })),
    coveredBefore: covered.length ? { from: covered[0]!, to: maxYear } : null,
    warnings,
    data: cal,
  };
}

export async function applyCalendarYear(
  db: Db,
  actor: AdminActor,
  now: string,
  input: unknown,
  store: PolicyStore,
) {
  const preview = previewCalendarYear(input, store.current);
  const cal = preview.data;
  const src = cal.sources[0]!;
  return {
    ...(await appendRevision(
      db,
      actor,
      now,
      {
        kind: 'calendar_year',
        subject: String(cal.year),
        payload: cal,
        citation: src.documentNumber ? `${src.title}（${src.documentNumber}）` : src.title,
      },
      store,
    )),
    preview,
  };
}

// ---------------------------------------------------------------------------------------------
// The materials catalogue.

export const catalogueUploadSchema = z.strictObject({
  text: z
    .string({ error: '请粘贴或选择材料目录文件（YAML 或 JSON）' })
    .min(1, { message: '内容不能为空' })
    .max(500_000, { message: '内容过长' }),
});

function parseCatalogueUpload(
  input: unknown,
  policy: PolicyData,
): { raw: unknown; catalogue: MaterialsCatalogue } {
  const body = parseBody(catalogueUploadSchema, input, '材料目录');
  const raw = parseDataText(body.text, '材料目录');
  try {
    return {
      raw,
      catalogue: compileMaterialsCatalogue(raw, '材料目录', policy.rules.data.instruments, 'preview'),
    };
  } catch (error) {
    if (error instanceof JifenError)
      throw new JifenError(
        'validation_failed',
        '材料目录数据有误，未加载',
        error.issues.map((i): FieldIssue => ({
          path: i.path.replace(/^材料目录: /, ''),
          message: i.message,
        })),
      );
    throw error;
  }
}

const FIELDS = ['name', 'issuer', 'form', 'electronicAlternative', 'cite', 'requiredWhen'] as const;

export function previewMaterialsCatalogue(input: unknown, policy: PolicyData) {
  const { catalogue } = parseCatalogueUpload(input, policy);
  const current = policy.catalogue;
  const before = new Map(current.materials.map((m) => [m.id, m]));
  const after = new Map(catalogue.materials.map((m) => [m.id, m]));
  const changed = [];
  for (const [id, m] of after) {
    const old = before.get(id);
    if (!old) continue;
    const fields = FIELDS.filter((f) => JSON.stringify(old[f] ?? null) !== JSON.stringify(m[f] ?? null));
    if (fields.length) changed.push({ id, name: m.name, fields });
  }
  const header = (['label', 'from', 'to'] as const)
    .filter((k) => current[k] !== catalogue[k])
    .map((k) => ({ field: k, before: current[k], after: catalogue[k] }));
  return {
    kind: 'materials_catalogue' as const,
    label: catalogue.label,
    from: catalogue.from,
    to: catalogue.to,
    materials: catalogue.materials.length,
    added: catalogue.materials.filter((m) => !before.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    removed: current.materials.filter((m) => !after.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    changed,
    header,
    parameters:
      JSON.stringify(current.parameters) === JSON.stringify(catalogue.parameters)
        ? null
        : { before: current.parameters, after: catalogue.parameters },
  };
}

export async function applyMaterialsCatalogue(
  db: Db,
  actor: AdminActor,
  now: string,
  input: unknown,
  store: PolicyStore,
) {
  const preview = previewMaterialsCatalogue(input, store.current);
  const { raw, catalogue } = parseCatalogueUpload(input, store.current);
  if (
    !preview.added.length &&
    !preview.removed.length &&
    !preview.changed.length &&
    !preview.header.length &&
    !preview.parameters
  )
    throw new JifenError('conflict', '材料目录与现行目录相同，无需加载', [
      { path: '$.text', message: '没有变化' },
    ]);
  return {
    ...(await appendRevision(
      db,
      actor,
      now,
      {
        kind: 'materials_catalogue',
        subject: 'materials',
        payload: raw,
        citation: `${catalogue.label}（${catalogue.citations.join('；')}）`,
      },
      store,
    )),
    preview,
  };
}
