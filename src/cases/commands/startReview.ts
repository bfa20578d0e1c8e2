/**
 * 开始审核 (细则 第六条): one review task per claimed indicator, plus the personnel
 * archive and the insurance record every case needs. Task id = indicator id.
 */
import { listClaimedIndicators } from '../../storage/caseRepository.js';
import { startReviewInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { DECLARED_FACTS } from '../facts/profileFromRecords.js';

/** Always reviewed: 调阅人事档案 and 社保缴费记录 (细则 第六条 1, 4). */
export const ALWAYS_REVIEWED = ['archive', 'insurance'] as const;

export const startReview = caseUseCase({
  command: 'start_review',
  what: '开始审核',
  input: startReviewInput,
  prepare: async (_input, p) => {
    const claims = await listClaimedIndicators(p.tx, p.snapshot.caseId);
    const indicators = [
      ...ALWAYS_REVIEWED,
      ...claims.map((c) => c.indicator).filter((i) => i !== DECLARED_FACTS),
    ];
    return { payload: { tasks: indicators.map((i) => ({ id: i, indicator: i })) } };
  },
});
