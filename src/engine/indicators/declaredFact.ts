// 创业人才 / 创新创业中介服务人才 / 全日制应届高校毕业生: declared facts verified at review; a flat bonus.
import { fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

type FlatKey = 'startup_talent' | 'tech_transfer_talent' | 'fresh_graduate';
const FIELD = {
  startup_talent: 'startupTalent',
  tech_transfer_talent: 'techTransferTalent',
  fresh_graduate: 'freshGraduate',
} as const;

export const declaredFact =
  <K extends FlatKey>(key: K): IndicatorFn<K> =>
  (f, p, explain) => {
    const full = (p.value as { points: number }).points;
    const claimed = f.profile[FIELD[key]] === true;
    const points = claimed ? full : 0;
    if (!explain) return { points };
    return {
      points,
      explanation: claimed
        ? `申报${p.label}（须经审核认定），积 ${full} 分。`
        : `未申报${p.label}，积 0 分。`,
      inputs: { [FIELD[key]]: claimed },
      facts: [fact(p.label, claimed ? '已申报' : '未申报')],
      next: claimed ? null : `经认定为${p.label}可得 ${full} 分。`,
    };
  };
