/**
 * Who holds the case now: the answer to "where is my application and who has
 * it" (issue 4: every case always shows its state, who holds it, and its
 * working-day deadline).
 */
import { ROLE_LABELS } from './labels.js';
import type { CaseSnapshot, CaseState, Role } from './types.js';

/** The role that holds a case in each state when nothing special is going on. */
export const STATE_HELD_BY: Record<CaseState, Role | null> = {
  new: 'employer_hr',
  draft: 'employer_hr',
  // 等待受理: the counter holds it; the unit still has to bring the paper materials.
  submitted: 'acceptance_clerk',
  supplement_required: 'employer_hr',
  accepted: 'district_reviewer',
  under_review: 'district_reviewer',
  verified: 'district_approver',
  // Points in force: nobody has to act (unless a reconsideration is pending).
  determined: null,
  refused: null,
  withdrawn: null,
  expired: null,
  invalidated: null,
};

export interface HeldBy {
  /** The role that must act next; `authority` while an item is referred; null when nobody must act. */
  party: Role | 'authority' | null;
  /** Chinese, for unit and holder. */
  label: string;
  /** The competent authorities holding referred items. */
  authorities: string[];
}

export function caseHeldBy(s: CaseSnapshot): HeldBy {
  const authorities = [
    ...new Set(s.tasks.filter((t) => t.status === 'referred').map((t) => t.referredTo ?? '主管部门')),
  ];
  if ((s.state === 'under_review' || s.state === 'verified') && authorities.length > 0) {
    return { party: 'authority', label: `提请核实中：${authorities.join('、')}`, authorities };
  }
  if (s.state === 'determined') {
    if (s.reconsideration.state === 'district_pending')
      return {
        party: 'district_approver',
        label: `区级复核：${ROLE_LABELS.district_approver}`,
        authorities: [],
      };
    if (s.reconsideration.state === 'city_pending')
      return { party: 'city_supervisor', label: `市级复核：${ROLE_LABELS.city_supervisor}`, authorities: [] };
  }
  const role = STATE_HELD_BY[s.state];
  return { party: role, label: role === null ? '无需办理' : ROLE_LABELS[role], authorities: [] };
}
