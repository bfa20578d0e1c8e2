import { z } from 'zod';
import { isoWeekday, parseIsoDate } from '../shared/dates.js';
import { jsonPath, type FieldIssue } from '../shared/errors.js';

/**
 * One year of the official working-day calendar (工作日历): the days off
 * (放假, including weekend days inside a holiday span) and the weekend days
 * worked instead (调休上班日), as the State Council's yearly notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知) arranges them.
 *
 * A year file holds only dates of its own year. When a notice reaches into the
 * previous year (the 2019 notice starts New Year on 2018-12-30), those days
 * live in the previous year's file and that file cites the later notice too.
 */

/** A type error that says "missing" when the field is absent. */
const typeError =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? '缺少此字段' : message;

const isoDate = z
  .string({ error: typeError('应为 YYYY-MM-DD 格式的日期字符串') })
  .refine((s) => parseIsoDate(s) !== null, { error: '不是有效的日期（应为 YYYY-MM-DD 格式的真实日期）' });

const nonEmpty = (what: string) =>
  z
    .string({ error: typeError(`${what}应为文本`) })
    .trim()
    .min(1, { error: `${what}不能为空` });

export const calendarDaySchema = z.strictObject({
  date: isoDate,
  name: nonEmpty('名称'),
});

export const calendarSourceSchema = z.strictObject({
  /** Full title of the notice, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  title: nonEmpty('通知标题'),
  /** 文号, e.g. 国办发明电〔2024〕12号; absent when not known with confidence. */
  documentNumber: nonEmpty('文号').optional(),
  /** What this notice contributes to the year, when it is not the year's own notice. */
  note: nonEmpty('说明').optional(),
});

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const weekdayZh = (iso: string): string => WEEKDAY_ZH[isoWeekday(iso)] ?? '';

export const calendarYearSchema = z
  .strictObject({
    year: z
      .number({ error: typeError('年份应为数字，例如 2027') })
      .int({ error: '年份应为整数' })
      .min(1949, { error: '年份不早于 1949' })
      .max(9999, { error: '年份不晚于 9999' }),
    sources: z
      .array(calendarSourceSchema, { error: typeError('依据的通知应为列表') })
      .min(1, { error: '至少列出一份依据的通知' }),
    holidays: z
      .array(calendarDaySchema, { error: typeError('放假日应为列表') })
      .min(1, { error: '至少应有一个放假日' }),
    makeupWorkdays: z.array(calendarDaySchema, { error: typeError('调休上班日应为列表') }).default([]),
  })
  .superRefine((cal, ctx) => {
    const prefix = `${cal.year}-`;
    const seen = (list: 'holidays' | 'makeupWorkdays') => {
      const first = new Map<string, number>();
      cal[list].forEach((day, i) => {
        const path = [list, i, 'date'];
        if (!day.date.startsWith(prefix)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `日期 ${day.date} 不在 ${cal.year} 年内；跨年的日期应写入其所属年份的文件`,
          });
        }
        const j = first.get(day.date);
        if (j === undefined) first.set(day.date, i);
        else
          ctx.addIssue({ code: 'custom', path, message: `日期 ${day.date} 重复（已见于 $.${list}[${j}]）` });
      });
      return first;
    };
    const holidays = seen('holidays');
    seen('makeupWorkdays');
    cal.makeupWorkdays.forEach((day, i) => {
      const path = ['makeupWorkdays', i, 'date'];
      // 调休 only ever moves a working day onto a weekend; a weekday listed here is a typo.
      const wd = isoWeekday(day.date);
      if (wd < 6)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `调休上班日应为周六或周日，${day.date} 是${weekdayZh(day.date)}`,
        });
      const h = holidays.get(day.date);
      if (h !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${day.date} 不能既是放假日（$.holidays[${h}]）又是调休上班日`,
        });
      }
    });
  });

export type CalendarDay = z.output<typeof calendarDaySchema>;
export type CalendarSource = z.output<typeof calendarSourceSchema>;
export type CalendarYear = z.output<typeof calendarYearSchema>;
/** What an administrator may hand in: `makeupWorkdays` may be left out. */
export type CalendarYearInput = z.input<typeof calendarYearSchema>;

/** Chinese wording for the zod checks that carry no message of ours. */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的字段: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.path.length === 0
        ? '应为一个对象（year, sources, holidays, makeupWorkdays）'
        : issue.message;
    default:
      return issue.message;
  }
}

export type CalendarYearResult = { ok: true; value: CalendarYear } | { ok: false; issues: FieldIssue[] };

/** Validates one year's data; every problem is reported with its JSON path. */
export function checkCalendarYear(input: unknown): CalendarYearResult {
  const result = calendarYearSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      message: issueMessage(issue),
    })),
  };
}
