import { indexToIsoMonth, isoMonthToIndex } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import type { WagesFile } from './rulesDataSchema.js';

export interface WageFigure {
  from: string;
  to: string;
  value: number;
}

/**
 * 上年度全市职工月平均工资 by contribution month (docs/spec/rules.md §7), as a dense array
 * indexed by month so that scoring a 48-month window costs 48 array reads.
 */
export class WageTable {
  readonly firstMonth: number;
  readonly lastMonth: number;
  readonly figures: readonly WageFigure[];
  private readonly values: Float64Array;
  private readonly entryOf: Uint16Array;
  /** Published figures as month segments [start, end] with their value, for per-segment counting. */
  readonly segStart: Int32Array;
  readonly segEnd: Int32Array;
  readonly segValue: Float64Array;

  constructor(file: WagesFile) {
    this.figures = file.figures;
    const first = file.figures[0]!;
    const last = file.figures[file.figures.length - 1]!;
    this.firstMonth = isoMonthToIndex(first.from);
    this.lastMonth = isoMonthToIndex(last.to);
    this.values = new Float64Array(this.lastMonth - this.firstMonth + 1);
    this.entryOf = new Uint16Array(this.values.length);
    this.segStart = new Int32Array(file.figures.length);
    this.segEnd = new Int32Array(file.figures.length);
    this.segValue = new Float64Array(file.figures.length);
    let expected = this.firstMonth;
    file.figures.forEach((f, i) => {
      const from = isoMonthToIndex(f.from);
      const to = isoMonthToIndex(f.to);
      if (from !== expected)
        throw new JifenError('rules_data_invalid', '社平工资表不连续', [
          { path: `wages.yaml: $.figures[${i}].from`, message: `应为 ${indexToIsoMonth(expected)}` },
        ]);
      for (let m = from; m <= to; m++) {
        this.values[m - this.firstMonth] = f.value;
        this.entryOf[m - this.firstMonth] = i;
      }
      this.segStart[i] = from;
      this.segEnd[i] = to;
      this.segValue[i] = f.value;
      expected = to + 1;
    });
  }

  /** The latest published figure, used (provisionally) for months after the table. */
  get latest(): WageFigure {
    return this.figures[this.figures.length - 1]!;
  }

  /**
   * The figure for a contribution month. Months after the last published one
   * get the latest figure (the caller marks the result provisional); a month
   * before the first figure has none and is an error naming the month.
   */
  figureFor(month: number): number {
    if (month > this.lastMonth) return this.latest.value;
    if (month < this.firstMonth)
      throw new JifenError('wage_figure_missing', `缴费月份 ${indexToIsoMonth(month)} 没有可用的社平工资数据（最早为 ${this.figures[0]!.from}）`, [], {
        month: indexToIsoMonth(month),
      });
    return this.values[month - this.firstMonth]!;
  }

  entryFor(month: number): WageFigure {
    if (month > this.lastMonth) return this.latest;
    return this.figures[this.entryOf[month - this.firstMonth]!]!;
  }

  /** Index of the published segment holding `month` (which must be within the table). */
  segmentOf(month: number): number {
    return this.entryOf[month - this.firstMonth]!;
  }

  isProvisional(month: number): boolean {
    return month > this.lastMonth;
  }
}
