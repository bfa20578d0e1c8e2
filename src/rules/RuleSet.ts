import { addDays } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { formatCitation } from './formatCitation.js';
import { renderParameter } from './renderParameter.js';
import type { ParameterEntry, RulesData } from './loadRulesData.js';
import type { ParameterKey, ParameterValues } from './rulesDataSchema.js';
import { WageTable } from './WageTable.js';

export interface PolicyVersion {
  id: string;
  from: string;
  to: string;
  title: string;
  citations: string[];
}

/** One parameter as read on one date, with what is needed to explain it. */
export interface ResolvedParameter<K extends ParameterKey = ParameterKey> {
  key: K;
  label: string;
  value: ParameterValues[K];
  from: string;
  to: string;
  citations: string[];
  note?: string;
  /**
   * The value as a Chinese sentence, from the renderings beside the data (rules/renderings.yaml):
   * rendered on first read, once per dated value of this rule set.
   */
  readonly text: string;
}

export type ParameterSnapshot = { [K in ParameterKey]: ResolvedParameter<K> | undefined };

/** Everything in force on one date. Built once per interval of constant rules and cached. */
export interface RulesSnapshot {
  version: PolicyVersion;
  params: ParameterSnapshot;
}

/**
 * The compiled policy data: which version and which parameter values are in
 * force on a date, and the wage table. Immutable; safe to share.
 */
export class RuleSet {
  readonly data: RulesData;
  readonly revision: string;
  readonly wages: WageTable;
  readonly versions: readonly PolicyVersion[];
  private readonly breakpoints: string[];
  /**
   * The parameter kinds, as the data list them (parseRulesData writes every kind of the schema, in
   * its order): read from the data so that this module needs no schema (a CLI run on cached data).
   */
  private readonly keys: readonly ParameterKey[];
  private readonly byInterval = new Map<number, RulesSnapshot>();
  private readonly byDate = new Map<string, RulesSnapshot>();
  private readonly memos = new Map<string, Map<number, unknown>>();
  private readonly entryTexts = new WeakMap<object, string>();

  constructor(data: RulesData) {
    this.data = data;
    this.revision = data.revision;
    this.wages = new WageTable(data.wages);
    this.versions = data.versions.map((v) => ({
      id: v.id,
      from: v.from,
      to: v.to,
      title: v.title,
      citations: v.instruments.map((id) => formatCitation(data.instruments, { instrument: id, article: '' })),
    }));
    this.keys = Object.keys(data.parameters) as ParameterKey[];
    const points = new Set<string>();
    for (const v of data.versions) points.add(v.from).add(addDays(v.to, 1));
    for (const key of this.keys)
      for (const e of data.parameters[key].values) points.add(e.from).add(addDays(e.to, 1));
    this.breakpoints = [...points].sort();
  }

  get firstDate(): string {
    return this.versions[0]!.from;
  }

  get lastDate(): string {
    return this.versions[this.versions.length - 1]!.to;
  }

  versionAt(date: string): PolicyVersion | undefined {
    for (const v of this.versions) if (date >= v.from && date <= v.to) return v;
    return undefined;
  }

  /** The rules in force on `date`; a date outside every version is an error naming `$.asOf`. */
  at(date: string): RulesSnapshot {
    const cached = this.byDate.get(date);
    if (cached) return cached;
    const version = this.versionAt(date);
    if (!version)
      throw new JifenError(
        'no_policy_version',
        `申请日期 ${date} 不在任何积分政策版本的有效期内（${this.firstDate} 至 ${this.lastDate}）`,
        [{ path: '$.asOf', message: `不在任何政策版本有效期内（${this.firstDate} 至 ${this.lastDate}）` }],
        { asOf: date },
      );
    const interval = this.intervalOf(date);
    let snapshot = this.byInterval.get(interval);
    if (!snapshot) {
      snapshot = { version, params: this.resolveAll(date) };
      this.byInterval.set(interval, snapshot);
    }
    if (this.byDate.size > 50_000) this.byDate.clear();
    this.byDate.set(date, snapshot);
    return snapshot;
  }

  /** One parameter's entry covering `date`, or undefined in a gap. */
  entryAt<K extends ParameterKey>(key: K, date: string): ParameterEntry<ParameterValues[K]> | undefined {
    for (const e of this.data.parameters[key].values) if (date >= e.from && date <= e.to) return e;
    return undefined;
  }

  /** A parameter value (or the wage figures read) as a Chinese sentence (rules/renderings.yaml). */
  text(key: string, value: unknown): string {
    return renderParameter(this.data.renderings, key, value);
  }

  /** The Chinese word for an enum value of the profile contract (the `terms` of rules/renderings.yaml). */
  term(dictionary: string, value: string): string {
    return this.data.renderings.terms[dictionary]?.[value] ?? value;
  }

  /**
   * A value derived from these rules alone (never from a profile), built once and kept with this
   * rule set: e.g. the wage figures read for a window of months with their Chinese text, or the
   * parameters in force on each month a hint may try. Kept here, not in a module, so that it goes
   * with the data it was built from (another snapshot, other renderings: other values). What
   * `build` returns is shared by every caller and must not be changed.
   */
  memo<T>(kind: string, key: number, build: () => T): T {
    let table = this.memos.get(kind);
    if (!table) this.memos.set(kind, (table = new Map()));
    let value = table.get(key) as T | undefined;
    if (value === undefined) {
      if (table.size > 50_000) table.clear();
      value = build();
      table.set(key, value);
    }
    return value;
  }

  citationText(c: { instrument: string; article: string }): string {
    return formatCitation(this.data.instruments, c);
  }

  private intervalOf(date: string): number {
    let lo = 0;
    let hi = this.breakpoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breakpoints[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private resolveAll(date: string): ParameterSnapshot {
    const out = {} as Record<ParameterKey, ResolvedParameter | undefined>;
    for (const key of this.keys) {
      const file = this.data.parameters[key];
      const e = this.entryAt(key, date);
      if (!e) {
        out[key] = undefined;
        continue;
      }
      const p: ResolvedParameter = {
        key,
        label: file.label,
        value: e.value,
        from: e.from,
        to: e.to,
        citations: Object.freeze(e.cite.map((c) => this.citationText(c))) as string[],
        ...(e.note ? { note: e.note } : {}),
        text: '',
      };
      // The Chinese text is rendered when first read (an explained result), once per dated value:
      // the hints read the rules in force on many later dates and need their values only.
      Object.defineProperty(p, 'text', {
        enumerable: true,
        configurable: true,
        get: () => {
          const text = this.entryText(key, e);
          Object.defineProperty(p, 'text', { value: text, enumerable: true, writable: false });
          return text;
        },
      });
      out[key] = p;
    }
    return out as ParameterSnapshot;
  }

  /** The text of one dated value, rendered once: the intervals its dates span share it. */
  private entryText(key: ParameterKey, e: ParameterEntry<unknown>): string {
    let text = this.entryTexts.get(e);
    if (text === undefined) this.entryTexts.set(e, (text = this.text(key, e.value)));
    return text;
  }
}
