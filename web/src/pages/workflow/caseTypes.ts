/**
 * The case API's shapes (src/contract/cases.ts, inferred from the schemas the server declares)
 * and their Chinese labels for the pages.
 */
import type { CaseState, ReviewTask } from '../../api/contract';

export type {
  CaseListItem,
  CaseSummary,
  CaseState,
  CaseView,
  CommandResult,
  Due,
  ExplainedItem,
  HeldBy,
  HolderCase,
  Material,
  NoticeItem,
  Reconsideration,
  RefusalReason,
  Registry,
  ReviewTask,
  Workspace,
} from '../../api/contract';

export { STATE_LABELS } from '../../vocabulary';

export const STATE_COLORS: Record<CaseState, string> = {
  new: 'default',
  draft: 'default',
  submitted: 'processing',
  supplement_required: 'warning',
  accepted: 'processing',
  under_review: 'processing',
  verified: 'cyan',
  refused: 'error',
  determined: 'success',
  withdrawn: 'default',
  expired: 'default',
  invalidated: 'default',
};

export const DUE_LABELS: Record<string, string> = {
  acceptance_reminder: '受理提醒日（等待满10个工作日）',
  acceptance_stale: '受理超期日（等待满30个工作日）',
  determination: '核定期限（审核通过后20个工作日）',
  reconsideration: '复核决定期限（20个工作日）',
  permit_expiry_reminder: '居住证签注到期提醒',
  permit_expiry: '居住证签注到期',
};

export const INDICATOR_LABELS: Record<string, string> = {
  basic: '基本材料',
  archive: '档案审核',
  insurance: '社保缴费',
  insurance_years: '社保年限',
  insurance_base: '社保基数',
  education: '学历学位',
  qualification: '职称、技能等级',
  spouse_hukou: '配偶户籍',
  household: '户籍与婚姻',
  shortage_major: '紧缺专业',
  startup_talent: '创业人才',
  tech_transfer_talent: '技术成果转化人才',
  investment: '投资纳税',
  public_service: '公益服务',
  key_area: '重点区域就业',
  fresh_graduate: '应届毕业生',
  award: '表彰奖励',
};

export const indicatorLabel = (code: string | null): string =>
  (code ?? '')
    .split(',')
    .filter(Boolean)
    .map((c) => INDICATOR_LABELS[c] ?? c)
    .join('、') || '—';

export const TASK_STATUS: Record<ReviewTask['status'], { label: string; color: string }> = {
  open: { label: '待审核', color: 'default' },
  passed: { label: '通过', color: 'success' },
  failed: { label: '不通过', color: 'error' },
  referred: { label: '提请核实中（暂停计时）', color: 'warning' },
  settled: { label: '核实已返回', color: 'cyan' },
};

export const EDUCATION_LEVELS: Record<string, string> = {
  senior_high: '高中',
  associate: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};

export const HOUSEHOLD_LABELS: Record<string, string> = {
  marriage: '结婚登记',
  divorce: '离婚登记',
  spouse_shanghai_hukou: '配偶为本市户籍',
  child_birth: '子女出生',
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  enterprise: '企业',
  public_institution: '事业单位',
  social_organization: '社会团体',
  private_non_enterprise: '民办非企业单位',
  individual_business: '个体工商户',
  representative_office: '代表机构',
  branch: '分支机构',
};

export const DETERMINATION_REASONS: Record<string, string> = {
  initial: '首次核定',
  adjustment: '调整积分',
  reconsideration: '复核变更',
  correction: '市级纠正',
  confirmation: '签注确认',
  decrease: '扣减积分',
};

export const URGENCY_REASONS: Record<string, string> = {
  child_zhongkao_gaokao: '子女中考/高考报名',
  child_school_entry: '子女入学',
  social_insurance_medical: '社保/就医',
  other_listed: '其他（已列明）',
};

/** 2025-09-16T02:00:00.000Z → 2025-09-16 10:00 (Shanghai). */
export const shanghaiTime = (instant: string | null | undefined): string => {
  if (!instant) return '—';
  const d = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
};
