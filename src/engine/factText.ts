import type { FactText } from './types.js';

/** `1990-05-01` → `1990年5月1日` (issue 14: people read dates in Chinese). */
export const cnDate = (iso: string): string =>
  `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** `2016-03` → `2016年3月`. */
export const cnMonth = (iso: string): string => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月`;

/** A month index (months since 0000-01) as `2016年3月`: cnMonth of its ISO month, without building that. */
export const cnMonthOf = (i: number): string => {
  const y = Math.floor(i / 12);
  return `${y >= 1000 && y <= 9999 ? y : String(y).padStart(4, '0').slice(0, 4)}年${i - y * 12 + 1}月`;
};

/** A month run as written on the form: `2016年3月至2025年9月`, or `2021年1月起至今` when ongoing. */
export const cnPeriod = (from: string, to: string | null | undefined): string =>
  to == null ? `${cnMonth(from)}起至今` : `${cnMonth(from)}至${cnMonth(to)}`;

export const fact = (label: string, text: string): FactText => ({ label, text });

/** 是/否 of a favourable-by-default boolean, saying when it was not stated. */
export const cnYesNo = (v: boolean | undefined, yes = '是', no = '否'): string =>
  v === undefined ? `${yes}（未填写，按${yes}计）` : v ? yes : no;

/** Each contribution run of the profile (up to the application month) as the form shows it. */
export function contributionFacts(
  runs: ReadonlyArray<{ from: number; to: number; base: number; valid: boolean; backPaid: boolean }>,
): FactText[] {
  if (!runs.length) return [fact('社保缴费期间', '未填写')];
  return runs.map((r) =>
    fact(
      '社保缴费期间',
      `${cnMonthOf(r.from)}至${cnMonthOf(r.to)}，月缴费基数${r.base}元${
        r.valid
          ? ''
          : r.backPaid
            ? '（补缴，不计入）'
            : '（缴费单位与合同单位不一致或与个税不能合理对应，不计入）'
      }`,
    ),
  );
}
