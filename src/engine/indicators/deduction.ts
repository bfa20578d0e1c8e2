// 积分指标体系·减分指标 (rules.md §5): −150 per false-material finding within 3 years; −50 per
// administrative detention within 5 years; −150 per ordinary criminal conviction within 5 years.
// Records accumulate. Decision: a record stops counting on its N-th anniversary.
import { anniversary } from '../anniversary.js';
import { cnDate, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

type DeductionKey = 'false_material' | 'administrative_detention' | 'criminal_record';
const RECORD_TYPE = {
  false_material: 'false_material',
  administrative_detention: 'administrative_detention',
  criminal_record: 'criminal',
} as const;

export const deduction =
  <K extends DeductionKey>(key: K): IndicatorFn<K> =>
  (f, p, explain) => {
    const v = p.value as { pointsPerRecord: number; windowYears: number };
    const type = RECORD_TYPE[key];
    let n = 0;
    let lastEnd = '';
    const dates: string[] = [];
    for (const r of f.profile.records ?? []) {
      if (r.type !== type || r.date > f.asOf) continue;
      if (explain) dates.push(cnDate(r.date));
      const end = anniversary(r.date, v.windowYears);
      if (f.asOf < end) {
        n++;
        if (end > lastEnd) lastEnd = end;
      }
    }
    const points = n === 0 ? 0 : n * v.pointsPerRecord; // never -0: JSON consumers and deep equality see it
    if (!explain) return { points };
    return {
      points,
      explanation: n
        ? `申请日前 ${v.windowYears} 年内有 ${n} 条${p.label}记录，每条 ${v.pointsPerRecord} 分：${points} 分。`
        : `申请日前 ${v.windowYears} 年内无${p.label}记录，不扣分。`,
      inputs: { records: n },
      facts: [fact(`${p.label}记录日期`, dates.length ? dates.join('、') : '无')],
      next: n ? `最后一条记录于 ${lastEnd} 满 ${v.windowYears} 年，届时不再扣分。` : null,
      nextStep: n ? { kind: 'deduction_expires', date: lastEnd, points: 0 } : null,
    };
  };
